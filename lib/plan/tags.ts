/**
 * The limits each cloud puts on tags, checked at synth: a tag the cloud would refuse fails the apply, and one the
 * library would have to cut or drop to fit is no longer what the user wrote. Both are errors naming the tag.
 */
import { ChoreoRedisError } from './errors';
import type { IsUnresolved } from './request';

/** What a cloud's tags may hold. */
export interface TagLimits {
  /** The service, as errors name it, such as `AWS` or `Aiven`. */
  readonly service: string;
  /** The most tags per resource, the library's own `managed-by` and `choreo-plan` included. */
  readonly maxTags: number;
  /** The longest key and value, in characters. */
  readonly maxKeyLength: number;
  readonly maxValueLength: number;
  /** Key prefixes the cloud keeps for itself, such as `aws:`. @default - none */
  readonly reservedKeyPrefixes?: readonly string[];
  /** Characters a key may not hold. @default - any */
  readonly forbiddenKeyCharacters?: RegExp;
}

/**
 * Checks the tags (the library's own among them) against a cloud's limits; keys and values that are tokens are
 * left to the cloud.
 *
 * @throws ChoreoRedisError `TooManyTags` or `InvalidTag`
 */
export function checkTagLimits(tags: Readonly<Record<string, string>>, limits: TagLimits, isUnresolved: IsUnresolved): void {
  const entries = Object.entries(tags);
  if (entries.length > limits.maxTags) {
    throw new ChoreoRedisError('TooManyTags',
      `tags has ${entries.length} entries with the library's own managed-by and choreo-plan; ${limits.service} takes at most ${limits.maxTags} per resource. Remove ${entries.length - limits.maxTags}.`);
  }
  for (const [key, value] of entries) {
    if (!isUnresolved(key)) {
      if ([...key].length > limits.maxKeyLength || key.length === 0) {
        throw new ChoreoRedisError('InvalidTag',
          `tags key "${key.slice(0, 40)}${key.length > 40 ? '...' : ''}" has ${[...key].length} characters; ${limits.service} takes keys of 1 to ${limits.maxKeyLength}. Shorten it.`);
      }
      const reserved = limits.reservedKeyPrefixes?.find((prefix) => key.toLowerCase().startsWith(prefix));
      if (reserved !== undefined) {
        throw new ChoreoRedisError('InvalidTag', `tags key "${key}" starts with "${reserved}", which ${limits.service} keeps for itself. Rename it.`);
      }
      const forbidden = limits.forbiddenKeyCharacters === undefined ? null : limits.forbiddenKeyCharacters.exec(key);
      if (forbidden !== null) {
        throw new ChoreoRedisError('InvalidTag', `tags key "${key}" holds "${forbidden[0]}", which ${limits.service} does not take in tag keys. Rename it.`);
      }
    }
    if (!isUnresolved(value) && [...value].length > limits.maxValueLength) {
      throw new ChoreoRedisError('InvalidTag',
        `tags["${key}"] has ${[...value].length} characters; ${limits.service} takes values of at most ${limits.maxValueLength}. Shorten it.`);
    }
  }
}
