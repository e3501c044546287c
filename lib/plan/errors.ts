/**
 * The error every validation in this library throws.
 *
 * `code` is stable across releases, so callers and tests can match on it; the message names the prop,
 * the value received, what is allowed, and the fix.
 */
export class ChoreoRedisError extends Error {
  /** A stable identifier for the kind of problem, such as `InvalidCidr`. */
  public readonly code: string;
  /**
   * The problems an error gathers, each with its own code and message: for `InvalidProps` each problem the props have;
   * for `PromiseNotKept` each promise not kept (such as `NetworkAccessNotKept`); for `AlertNotAvailable` and
   * `AccessNotAvailable` each alert or access feature unavailable. Empty for an error of one problem.
   */
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

  /**
   * The codes of the problems a library error gathers (its `problems`), such as `NetworkAccessNotKept` inside a
   * `PromiseNotKept` error, in order.
   *
   * @returns the codes, empty for an error of one problem or any other error
   */
  public static problemCodesOf(error: any): string[] {
    return error instanceof ChoreoRedisError ? error.problems.map((problem) => problem.code) : [];
  }

  private constructor() {}
}
