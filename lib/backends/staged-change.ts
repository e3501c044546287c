import { DataResource, Fn, Op, TerraformLocal, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { configOf, replacementIdentity } from './replacement-guard';
import { ChangeEffect, ChangeTable, DataStoreChange, ServicePlan, planChangeEffect } from '../plan';

/** The construct ID of the record: part of the data store's Terraform addresses, so a contract like `Resource`. */
export const STAGED_CHANGE_RECORD_ID = 'StagedChangeRecord';

/**
 * Where a data store stands in a move between plans that its service cannot take as one update: what the record holds
 * after this apply, and what the precondition stops.
 */
export interface StagedState {
  /**
   * What the record holds once this configuration is applied: the plan (`startup`), or a move in progress and the
   * last step applied (`hobbyist->startup:1`).
   */
  readonly state: string;
  /**
   * Whether this configuration applies a declared step of a move: the record then takes `state`, and nothing is
   * stopped (the step changes one allowed update by construction). Otherwise the record keeps what it holds.
   */
  readonly declared: boolean;
  /**
   * For each state the record may hold from which this configuration cannot be applied as one update: the message of
   * the plan-time stop, with the steps.
   */
  readonly stops: Readonly<Record<string, string>>;
}

/**
 * The stops a change table gives a configuration of `plan`: each refused move between plans that can never be made in
 * place (its exception's `stop`), from the plan the record holds.
 */
function refusedMoveStops(table: ChangeTable, service: string, plan: ServicePlan): Record<string, string> {
  const rule = table.rules.find((r) => r.change === DataStoreChange.PLAN);
  const stops: Record<string, string> = {};
  for (const exception of rule?.exceptions ?? []) {
    if (exception.to !== plan || exception.stop === undefined || planChangeEffect(rule!, exception.from, plan) !== ChangeEffect.REFUSED) continue;
    stops[exception.from] = `${service} refuses to move this data store from the ${exception.from} plan, which it had at its last apply, to `
      + `${plan} in place, so the apply would fail; nothing has changed. ${exception.stop}`;
  }
  return stops;
}

/**
 * The staged state of a data store of `plan`: the backend's own (a move applied in steps), with the stops of the refused
 * moves its change table stops at plan time; undefined where the table stops no move between plans, so that no record
 * is needed.
 */
export function stagedStateOf(table: ChangeTable, service: string, plan: ServicePlan, own?: StagedState): StagedState | undefined {
  const rule = table.rules.find((r) => r.change === DataStoreChange.PLAN);
  const stopped = (rule?.exceptions ?? []).some((e) => e.stop !== undefined || e.effect === ChangeEffect.STEPPED);
  if (own === undefined && !stopped) return undefined;
  const base = own ?? { state: plan, declared: false, stops: {} };
  return base.declared ? base : { ...base, stops: { ...refusedMoveStops(table, service, plan), ...base.stops } };
}

/**
 * Records where the data store stands in a move between plans, and stops at plan time a configuration that the service
 * would refuse as one update, or refuse altogether.
 *
 * Terraform shows a plan no resource's earlier value once that resource changes in the same plan, so the record
 * cannot follow every apply: a `terraform_data` keeps its input (`ignore_changes`) except in configurations that
 * declare a step, where it takes the step's state, and it is re-created with the configured state when the data store
 * is (its trigger is the data store's force-new attributes, as the replacement guard reads them). On every other plan
 * its output is the state of the last declared step (or of the creation), known at plan time, and a precondition on
 * the primary resource compares it with the configured plan: a recorded state listed in `stops` stops the plan with that
 * state's message.
 */
export function recordStagedChange(scope: Construct, resource: TerraformResource, table: ChangeTable, staged: StagedState): DataResource {
  const trigger = Fn.jsonencode(replacementIdentity(configOf(resource), table));
  const record = new DataResource(scope, STAGED_CHANGE_RECORD_ID, {
    input: { state: staged.state },
    triggersReplace: { identity: trigger },
    lifecycle: staged.declared ? undefined : { ignoreChanges: ['input'] },
  });
  if (staged.declared || Object.keys(staged.stops).length === 0) return record;
  const stops = new TerraformLocal(scope, 'StagedChangeStops', staged.stops);
  const recorded = record.getStringAttribute('output.state');
  const lifecycle = resource.lifecycle ?? {};
  resource.lifecycle = {
    ...lifecycle,
    precondition: [...(lifecycle.precondition ?? []), {
      condition: Op.not(Fn.contains(Fn.keys(stops.expression), recorded)),
      // Terraform evaluates the message whatever the condition: a default keeps it valid for states without a stop (an
      // empty default would make cdktf render an index, which fails for them).
      errorMessage: Token.asString(Fn.lookup(stops.expression, recorded, 'no stop applies')),
    }],
  };
  return record;
}
