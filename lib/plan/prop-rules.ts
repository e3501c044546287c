/**
 * A backend's prop validation as a table of small rules, kept apart from planning: each rule names the props it
 * reads and throws `ChoreoRedisError` for bad input. Each rule decides for itself whether to skip a Terraform token.
 */
import { ChoreoRedisError } from './errors';
import type { IsUnresolved } from './request';

/** One check of a backend's props. */
export interface PropRule<P> {
  /** The props the rule reads. */
  readonly props: ReadonlyArray<keyof P & string>;
  /** Throws `ChoreoRedisError` when the props break the rule; skips values `isUnresolved` reports as tokens where it cannot check them. */
  check(props: P, isUnresolved: IsUnresolved): void;
}

/**
 * Runs the rules, so that one error reports every fault of the props: the rule's own error when one rule fails, and
 * an `InvalidProps` error listing each failure (code and message, in rule order) when several do. Each prop is
 * reported once: a rule that reads a prop an earlier failure named is skipped. A rule that fails otherwise than
 * with `ChoreoRedisError` after another has failed is left out: it read a value the earlier failure already names.
 *
 * @param skipped props already reported (unknown, of a wrong type or missing): the rules that read them are skipped
 */
export function checkRules<P>(rules: readonly PropRule<P>[], props: P, isUnresolved: IsUnresolved, skipped: ReadonlySet<string> = new Set()): void {
  const failures: ChoreoRedisError[] = [];
  const failed = new Set<string>(skipped);
  for (const rule of rules) {
    if (rule.props.some((prop) => failed.has(prop))) continue;
    try {
      rule.check(props, isUnresolved);
    } catch (e) {
      if (!(e instanceof ChoreoRedisError)) {
        if (failures.length === 0) throw e;
        continue;
      }
      failures.push(e);
      rule.props.forEach((prop) => failed.add(prop));
    }
  }
  throwFailures(failures);
}

/**
 * Gathers the failures of independent checks of one prop object, so that one error reports them all: each check
 * runs, its `ChoreoRedisError` is kept (an `InvalidProps` error's problems each) and its result returned.
 */
export class Failures {
  private readonly list: ChoreoRedisError[] = [];

  /** Runs `check`: its result, or `undefined` when it failed with `ChoreoRedisError` (kept). Other errors pass through. */
  public attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof ChoreoRedisError)) throw e;
      this.list.push(...(e.code === 'InvalidProps' ? e.problems : [e]));
      return undefined;
    }
  }

  /** Whether any check failed. */
  public get any(): boolean {
    return this.list.length > 0;
  }

  /** How many failures are kept. */
  public get count(): number {
    return this.list.length;
  }

  /** Keeps the failures of `other` too, after these. */
  public join(other: Failures): void {
    this.list.push(...other.list);
  }

  /** Throws the one failure, or an `InvalidProps` error listing every failure; nothing when none failed. */
  public throwAny(): void {
    throwFailures(this.list);
  }
}

/** Throws nothing for no failure, the failure itself for one, and one `InvalidProps` error listing them for several. */
export function throwFailures(failures: readonly ChoreoRedisError[]): void {
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new ChoreoRedisError('InvalidProps',
      `${failures.length} problems with the props; fix each:\n${failures.map((f) => `  - ${f.message}`).join('\n')}`, failures);
  }
}

/**
 * Refuses a prop that was given but would have no effect on this data store (a backup hour on a plan without backup
 * history, a standby's zone on a plan without a standby): nothing a user writes is ignored.
 *
 * @param given whether the prop was given
 * @param prop the prop, as errors name it, such as `RedisBackend.memorystore({ backupHour })`
 * @param why why it has no effect, such as `the Hobbyist plan keeps no backup history, so there is no daily backup to schedule`
 * @throws ChoreoRedisError `PropHasNoEffect`
 */
export function refuseWithoutEffect(given: boolean, prop: string, why: string): void {
  if (!given) return;
  throw new ChoreoRedisError('PropHasNoEffect', `${prop} is given, but has no effect: ${why}. Remove it, or choose a plan it applies to.`);
}
