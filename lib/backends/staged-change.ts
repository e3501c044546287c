import { DataResource, Fn, Op, TerraformLocal, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';

/** The construct ID of the record: part of the data store's Terraform addresses, so a contract like `Resource`. */
export const STAGED_CHANGE_RECORD_ID = 'StagedChangeRecord';

/**
 * Where a data store stands in a change its service takes only one update at a time: what the record holds after this
 * apply, and what the precondition stops.
 */
export interface StagedChange {
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
  /**
   * What re-creates the record, with `state`: the data store's force-new attributes, as the configuration sets them
   * (a new data store starts as configured).
   */
  readonly trigger: string;
}

/**
 * Records where the data store stands in a staged change, and stops at plan time a configuration that the service
 * would refuse as one update.
 *
 * Terraform shows a plan no resource's earlier value once that resource changes in the same plan, so the record
 * cannot follow every apply: a `terraform_data` keeps its input (`ignore_changes`) except in configurations that
 * declare a step, where it takes the step's state, and it is re-created with the configured state when the data store
 * is (its trigger is the data store's force-new attributes). On every other plan its output is the state of the last
 * declared step (or of the creation), known at plan time, and a precondition on the primary resource compares it
 * with the configured plan: a recorded state listed in `stops` stops the plan with that state's steps.
 */
export function recordStagedChange(scope: Construct, resource: TerraformResource, staged: StagedChange): DataResource {
  const record = new DataResource(scope, STAGED_CHANGE_RECORD_ID, {
    input: { state: staged.state },
    triggersReplace: { identity: staged.trigger },
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
