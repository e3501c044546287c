import { TerraformStack } from 'cdktf';
import { ChoreoRedisProps, ServicePlan } from '../../lib';
import { ChangeTable, ChoreoRedisError, DataStoreChange } from '../../lib/plan';
import { loadHarnesses } from '../harness';

/** Props before and after one change. */
export type ChangePair = readonly [ChoreoRedisProps, ChoreoRedisProps];

/** One backend's change table and the prop changes that exercise each of its rows. */
export interface ChangeScenarios {
  readonly service: string;
  readonly table: ChangeTable;
  /** Plans the backend refuses by design, left out of the plan pairs. */
  readonly refusedPlans?: readonly ServicePlan[];
  /** Every pair of plans is added by the test; these are the other changes. */
  readonly pairs: Partial<Record<DataStoreChange, readonly ChangePair[]>>;
  /** The changes that exercise each of the table's rows for a backend prop (its `propRules`), by prop. */
  readonly propPairs?: Readonly<Record<string, readonly ChangePair[]>>;
  configure(stack: TerraformStack): void;
  /** Props for a plan, with everything else at its default. */
  props(plan: ServicePlan): ChoreoRedisProps;
  /**
   * Props for a plan whose data store is created from another one's data (the backend's create-time restore), where
   * the backend has one: the restore prop set, everything else as `props` gives it.
   */
  restored?(plan: ServicePlan): ChoreoRedisProps;
  /**
   * Props for step `step` of a move between plans that the backend applies one update per deploy (its combination
   * rule's `stepsProp`), where it has one: the new plan, with the step declared.
   */
  stepped?(from: ServicePlan, to: ServicePlan, step: number): ChoreoRedisProps;
}

/**
 * The declared steps of a move between plans, in order, each given to `render`: step 1, 2, ... up to the first step
 * the construct refuses at synth (past the last). Empty where the backend declares no steps, or refuses the first.
 */
export function declaredSteps<R>(scenarios: ChangeScenarios, from: ServicePlan, to: ServicePlan, render: (props: ChoreoRedisProps) => R): R[] {
  const steps: R[] = [];
  if (scenarios.stepped === undefined) return steps;
  for (let step = 1; ; step++) {
    try {
      steps.push(render(scenarios.stepped(from, to, step)));
    } catch (e) {
      if (e instanceof ChoreoRedisError) return steps;
      throw e;
    }
  }
}

/** Every backend's change scenarios, from its harness. */
export const CHANGE_SCENARIOS: readonly ChangeScenarios[] = loadHarnesses().map((h) => h.changes);
