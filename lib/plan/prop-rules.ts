/**
 * A backend's prop validation as a table of small rules, kept apart from planning: each rule names the props it
 * reads and throws `ChoreoRedisError` for bad input. Each rule decides for itself whether to skip a Terraform token.
 */
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
