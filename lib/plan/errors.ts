/**
 * The error every validation in this library throws.
 *
 * `code` is stable across releases, so callers and tests can match on it; the message names the prop,
 * the value received, what is allowed, and the fix.
 */
export class ChoreoRedisError extends Error {
  /** A stable identifier for the kind of problem, such as `InvalidCidr`. */
  public readonly code: string;
  /** For `InvalidProps`, each problem the props have, with its own code; otherwise empty. */
  public readonly problems: readonly ChoreoRedisError[];

  constructor(code: string, message: string, problems: readonly ChoreoRedisError[] = []) {
    super(`[${code}] ${message}`);
    this.name = 'ChoreoRedisError';
    this.code = code;
    this.problems = problems;
  }
}

/**
 * Recognises the library's errors from any jsii language, where `instanceof` on a TypeScript class does not
 * reach.
 *
 * @example
 * try { new ChoreoRedis(stack, 'Cache', props); } catch (e) { if (ChoreoRedisErrors.isChoreoRedisError(e)) console.error(ChoreoRedisErrors.codeOf(e)); }
 */
export class ChoreoRedisErrors {
  /** True when `error` was thrown by this library's validation. */
  public static isChoreoRedisError(error: any): boolean {
    return error instanceof ChoreoRedisError;
  }

  /**
   * The stable code of a library error, such as `InvalidCidr`.
   *
   * @returns the code, or undefined for any other error
   */
  public static codeOf(error: any): string | undefined {
    return error instanceof ChoreoRedisError ? error.code : undefined;
  }

  private constructor() {}
}
