import { createHash } from 'crypto';
import { ChoreoRedisError } from './errors';

/** A cloud's rules for the name of a data store. */
export interface NameRule {
  /** The longest name the service accepts. */
  readonly maxLength: number;
  /** The whole-name pattern the service enforces. */
  readonly pattern: RegExp;
  /** The pattern in words, for error messages. */
  readonly description: string;
  /** Whose rule this is, such as `ElastiCache replication group IDs`. */
  readonly title: string;
  /** One character the service accepts somewhere in a name, such as `/[a-zA-Z0-9-]/`. */
  readonly characters: RegExp;
}

/** A short, stable hash of a construct path. */
export function stableHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * A name that fits `rule`, derived from a construct path: a readable slug of the path's last parts plus a
 * hash of the whole path, so that two data stores never share a derived name and the name stays the same
 * from one synth to the next.
 */
export function deriveName(path: string, rule: NameRule): string {
  const hash = stableHash(path);
  const slug = path.split('/').slice(-2).join('-').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '');
  const room = rule.maxLength - hash.length - 1;
  const head = (slug || 'redis').slice(0, room).replace(/-+$/, '');
  return `${head}-${hash}`;
}

/** What is wrong with a name that breaks `rule`: its first character the service never accepts, or its length. */
function whatIsWrong(name: string, rule: NameRule): string {
  const index = [...name].findIndex((c) => !rule.characters.test(c));
  if (index >= 0) return `the character ${JSON.stringify([...name][index])} at position ${index + 1} is not allowed`;
  if (name.length > rule.maxLength) return `it has ${name.length} characters, ${name.length - rule.maxLength} too many`;
  return 'the characters are allowed, but not in this order';
}

/** Checks a user-given name against a cloud's rule. */
export function validateName(name: string, rule: NameRule, prop: string): string {
  if (name.length > rule.maxLength || !rule.pattern.test(name)) {
    throw new ChoreoRedisError('InvalidName',
      `${prop} "${name}" is not a valid name here: ${whatIsWrong(name, rule)}. ${rule.title} allow ${rule.description}, at most ${rule.maxLength} characters. Choose a name that fits, or omit ${prop} to derive one.`);
  }
  return name;
}
