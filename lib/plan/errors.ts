/**
 * The error every validation in this library throws.
 *
 * `code` is stable across releases, so callers and tests can match on it; the message names the prop,
 * the value received, what is allowed, and the fix.
 */
export class ChoreoRedisError extends Error {
  /** A stable identifier for the kind of problem, such as `InvalidCidr`. */
  public readonly code: string;

  constructor(code: string, message: string) {
    super(`[${code}] ${message}`);
    this.name = 'ChoreoRedisError';
    this.code = code;
  }
}
