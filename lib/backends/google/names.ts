/**
 * Names both Memorystore backends give to resources that must be unique beyond the stack, and the check that
 * two data stores of one app do not define the same one.
 */
import { Fn } from 'cdktf';
import { ChoreoRedisError, IsUnresolved, stableHash } from '../../plan';

/**
 * Eight hex digits of the SHA-256 of `parts` joined by `/`: `stableHash` at synth when every part is known, or
 * the same hash computed by Terraform (`substr(sha256(...), 0, 8)`, lower-case hex like `stableHash`) when one is
 * a token. A token's text (`${TfToken[...]}`) changes with the order in which tokens are created, so hashing it
 * would rename the resource; hashing a fixed word instead would give every token value the same name, which
 * collides for globally unique names (two projects' buckets). With Terraform's hash a literal project and a
 * variable of the same value give the same name, so moving between them does not replace the resource.
 */
export function nameHash(parts: readonly string[], isUnresolved: IsUnresolved): string {
  return parts.some((p) => isUnresolved(p)) ? Fn.substr(Fn.sha256(joined(parts, isUnresolved, '/')), 0, 8) : stableHash(parts.join('/'));
}

/**
 * `parts` joined by `separator`: as text, or with Terraform's `join` when one is a token. A template string such as
 * `x-${token}` passed into another Terraform function makes cdktf warn that its output may be incorrect; `join` does not.
 */
export function joined(parts: readonly string[], isUnresolved: IsUnresolved, separator = ''): string {
  return parts.some((p) => isUnresolved(p)) ? Fn.join(separator, [...parts]) : parts.join(separator);
}

/** Something a data store defines that the cloud allows once in a scope wider than the stack. */
export interface GoogleClaim {
  /** What identifies it, case-insensitively, such as the network and region of a service connection policy. */
  readonly key: string;
  /** What it is, for the error: `the service connection policy for ...`. */
  readonly what: string;
  /** How to resolve a conflict. */
  readonly fix: string;
}

/**
 * What each app's data stores have claimed, by the app's root construct: stacks of one app are usually deployed to the
 * same projects and networks, where these are unique.
 */
const CLAIMS = new WeakMap<object, Map<string, string>>();

/**
 * Records that the data store at `path` defines `claim` in the app whose root is `app`; refuses a second data store
 * of the app that would define the same, naming both and the fix.
 */
export function claimOnce(app: object, path: string, claim: GoogleClaim): void {
  const claimed = CLAIMS.get(app) ?? new Map<string, string>();
  CLAIMS.set(app, claimed);
  const key = claim.key.toLowerCase();
  const other = claimed.get(key);
  if (other !== undefined) {
    throw new ChoreoRedisError('NameCollision', `${other} and ${path} would both define ${claim.what}. Fix: ${claim.fix}.`);
  }
  claimed.set(key, path);
}
