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

/** Runs `rules` in order; the first rule that fails throws. */
export function checkRules<P>(rules: readonly PropRule<P>[], props: P, isUnresolved: IsUnresolved): void {
  for (const rule of rules) rule.check(props, isUnresolved);
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
