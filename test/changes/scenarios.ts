import { TerraformStack } from 'cdktf';
import { ChoreoRedisProps, ServicePlan } from '../../lib';
import { ChangeTable, DataStoreChange } from '../../lib/plan';
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
  configure(stack: TerraformStack): void;
  /** Props for a plan, with everything else at its default. */
  props(plan: ServicePlan): ChoreoRedisProps;
  /**
   * Props for a plan whose data store is created from another one's data (the backend's create-time restore), where
   * the backend has one: the restore prop set, everything else as `props` gives it.
   */
  restored?(plan: ServicePlan): ChoreoRedisProps;
}

/** Every backend's change scenarios, from its harness. */
export const CHANGE_SCENARIOS: readonly ChangeScenarios[] = loadHarnesses().map((h) => h.changes);
