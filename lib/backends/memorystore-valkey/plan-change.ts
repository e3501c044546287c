import { VALKEY_MAX_BACKUP_RETENTION_DAYS, VALKEY_NODE_TYPES, ValkeyNodeType } from './catalog';
import { MemorystoreValkeyProps, MemorystoreValkeyPlanChange } from './props';
import {
  ALL_PLANS, ChoreoRedisError, DataStoreRequest, IsUnresolved, PLAN_PROMISES, PlanWarning, ServicePlan, maxConnectionsFor, memoryMb, smallestFit,
  standbyCount,
} from '../../plan';
import { DEFAULT_BACKUP_HOUR, SECONDS_PER_DAY, normalizeLabels } from '../google/google';
import type { StagedState } from '../staged-change';

/** The daily automated backup, for plans with backup history. */
export interface ValkeyAutomatedBackup {
  /** `<seconds>s`. */
  readonly retention: string;
  /** The hour (UTC) it starts. */
  readonly hour: number;
}

/** What a plan decides of the instance: the fields a move between plans changes. */
export interface ValkeyPlanFields {
  readonly nodeType: ValkeyNodeType;
  /** `engine_configs` `maxclients`: the node type's, so it moves with the node type. */
  readonly maxClients: number;
  readonly replicaCount: number;
  /** MULTI_ZONE when the plan fails over, SINGLE_ZONE otherwise; a change replaces the instance. */
  readonly zoneDistribution: string;
  readonly historyDays: number;
  readonly automatedBackup?: ValkeyAutomatedBackup;
  readonly labels: Record<string, string>;
}

/**
 * One update the Memorystore API takes: a field alone, or node_type with engine_configs (its maxclients). A move
 * between plans applies them in this order, one per deploy.
 */
interface ValkeyUpdate {
  /** What the step changes, in the words of the plan-time stop. */
  readonly what: string;
  /** The plan's fields it changes. */
  readonly fields: readonly (keyof ValkeyPlanFields)[];
}

/**
 * The updates a move between plans is made of, in the order the steps apply them: node_type with engine_configs,
 * replica_count, automated_backup_config, labels (the change table's steps, checked against the rendering).
 */
const VALKEY_UPDATES: readonly ValkeyUpdate[] = [
  { what: 'the node type with its maxclients', fields: ['nodeType', 'maxClients'] },
  { what: 'the replica count', fields: ['replicaCount'] },
  { what: 'the backup schedule', fields: ['automatedBackup', 'historyDays'] },
  { what: 'the labels', fields: ['labels'] },
];

/**
 * The fields the given plan decides, for the request's other props: the memory the request asked for, or, where it
 * took its own plan's default, the given plan's default; the request's tags with the given plan's `choreo-plan` label.
 */
function planFields(plan: ServicePlan, props: MemorystoreValkeyProps, request: DataStoreRequest,
  isUnresolved: IsUnresolved): ValkeyPlanFields {
  const promises = PLAN_PROMISES[plan];
  const ownDefault = request.memoryGib === PLAN_PROMISES[request.plan].defaultMemoryGib;
  const memoryGib = plan === request.plan || !ownDefault ? request.memoryGib : promises.defaultMemoryGib;
  const nodeType = smallestFit(VALKEY_NODE_TYPES, memoryGib, 'Memorystore for Valkey node types in google provider 6.50') as ValkeyNodeType;
  const historyDays = Math.min(promises.backupHistoryDays, VALKEY_MAX_BACKUP_RETENTION_DAYS);
  const tags = request.tags['choreo-plan'] === request.plan ? { ...request.tags, 'choreo-plan': plan } : request.tags;
  return {
    nodeType,
    maxClients: Math.min(nodeType.maxClientsCap, maxConnectionsFor(memoryMb(nodeType.memoryGib))),
    replicaCount: standbyCount(promises),
    zoneDistribution: promises.automaticFailover ? 'MULTI_ZONE' : 'SINGLE_ZONE',
    historyDays,
    automatedBackup: historyDays > 0 ? { retention: `${historyDays * SECONDS_PER_DAY}s`, hour: props.backupHour ?? DEFAULT_BACKUP_HOUR } : undefined,
    labels: normalizeLabels(tags, isUnresolved),
  };
}

/** The updates that take the instance from one plan's fields to another's, in order; none when the move replaces it. */
function updatesBetween(from: ValkeyPlanFields, to: ValkeyPlanFields): ValkeyUpdate[] {
  if (from.zoneDistribution !== to.zoneDistribution) return [];
  return VALKEY_UPDATES.filter((update) => update.fields.some((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field])));
}

/** The fields after the first `applied` updates of a move: the target's for those, the origin's for the rest. */
function partway(from: ValkeyPlanFields, to: ValkeyPlanFields, updates: readonly ValkeyUpdate[], applied: number): ValkeyPlanFields {
  const moved = new Set(updates.slice(0, applied).flatMap((update) => update.fields));
  const pick = <K extends keyof ValkeyPlanFields>(field: K): ValkeyPlanFields[K] => (moved.has(field) ? to : from)[field];
  return {
    nodeType: pick('nodeType'),
    maxClients: pick('maxClients'),
    replicaCount: pick('replicaCount'),
    zoneDistribution: pick('zoneDistribution'),
    historyDays: pick('historyDays'),
    automatedBackup: pick('automatedBackup'),
    labels: pick('labels'),
  };
}

/** The record's state after step `step` of a move: the move and the step, or the new plan after the last step. */
function stateOf(from: ServicePlan, to: ServicePlan, step: number, steps: number): string {
  return step < steps ? `${from}->${to}:${step}` : to;
}

const planConstant = (plan: ServicePlan) => `ServicePlan.${plan.toUpperCase()}`;

function stepList(updates: readonly ValkeyUpdate[]): string {
  return updates.map((update, i) => `step ${i + 1}: ${update.what}`).join('; ');
}

/** The instance's fields for this configuration, and where it stands in a move between plans. */
export interface ValkeyPlanChangeOutcome {
  readonly fields: ValkeyPlanFields;
  readonly staged: StagedState;
  readonly warnings: readonly PlanWarning[];
}

/** Fails for a `planChange` that does not name a step of a move Memorystore takes one update at a time. */
function checkPlanChange(change: MemorystoreValkeyPlanChange, to: ServicePlan, updates: readonly ValkeyUpdate[], isUnresolved: IsUnresolved): void {
  const prop = 'RedisBackend.memorystoreValkey({ planChange })';
  if (isUnresolved(change.from) || isUnresolved(change.step)) {
    throw new ChoreoRedisError('InvalidPlanChange', `${prop} is a token; the step decides what the construct renders, so give it as literal values.`);
  }
  if (!ALL_PLANS.includes(change.from)) {
    throw new ChoreoRedisError('InvalidPlanChange',
      `${prop}: from "${String(change.from)}" is not a service plan; give the plan the instance was on, one of ${ALL_PLANS.map(planConstant).join(', ')}.`);
  }
  if (change.from === to) {
    throw new ChoreoRedisError('InvalidPlanChange', `${prop}: from is the data store's plan (${to}); name the plan the instance was on before the move, or remove planChange once the move is finished.`);
  }
  if (updates.length < 2) {
    const why = PLAN_PROMISES[change.from].automaticFailover !== PLAN_PROMISES[to].automaticFailover
      ? 'it replaces the instance (another zone distribution), which the replacement guard stops at plan time; see acceptReplacement and restoreFromBackup'
      : 'Memorystore takes it in one update';
    throw new ChoreoRedisError('InvalidPlanChange',
      `${prop}: the move from ${change.from} to ${to} is not made in steps: ${why}. Remove planChange.`);
  }
  if (!Number.isInteger(change.step) || change.step < 1 || change.step > updates.length) {
    throw new ChoreoRedisError('InvalidPlanChange',
      `${prop}: step ${change.step} is not a step of the move from ${change.from} to ${to}, which takes ${updates.length} (${stepList(updates)}); give a whole number from 1 to ${updates.length}, one deploy each, in order.`);
  }
}

/**
 * The plan-time stops for a configuration of `plan` that declares no step: a move from a plan that differs in two or
 * more updates, and any move left partway.
 */
function stopsFor(plan: ServicePlan, fieldsOf: (plan: ServicePlan) => ValkeyPlanFields): Record<string, string> {
  const stops: Record<string, string> = {};
  const target = fieldsOf(plan);
  for (const from of ALL_PLANS.filter((p) => p !== plan)) {
    const updates = updatesBetween(fieldsOf(from), target);
    if (updates.length < 2) continue;
    stops[from] = 'Memorystore for Valkey takes one field per update (hashicorp/terraform-provider-google#20101; node_type only with '
      + `engine_configs, #29428), and moving this instance from the ${from} plan, which it had at its last apply, to ${plan} changes `
      + `${updates.length} at once: ${updates.map((u) => u.what).join('; ')}. Nothing has changed. Apply the move in ${updates.length} deploys: `
      + `set planChange: { from: ${planConstant(from)}, step: 1 } on RedisBackend.memorystoreValkey, keeping plan ${planConstant(plan)}, `
      + `and deploy; then step: 2, and so on to step: ${updates.length}, one deploy each (${stepList(updates)}); then remove planChange.`;
  }
  // A move left partway (its record says which step came last) is finished before anything else. Moves between plans of
  // another zone distribution are left out: from there this configuration replaces the instance, and the record with it.
  for (const from of ALL_PLANS.filter((p) => fieldsOf(p).zoneDistribution === target.zoneDistribution)) {
    for (const to of ALL_PLANS.filter((p) => p !== from)) {
      const updates = updatesBetween(fieldsOf(from), fieldsOf(to));
      for (let step = 1; step < updates.length; step++) {
        stops[stateOf(from, to, step, updates.length)] = `A move of this Memorystore for Valkey instance from ${from} to ${to} stopped after `
          + `step ${step} of ${updates.length} (${stepList(updates)}), as its last apply recorded; Memorystore takes one field per update, `
          + `so finish it first: set plan ${planConstant(to)} with planChange: { from: ${planConstant(from)}, step: ${step + 1} } on `
          + `RedisBackend.memorystoreValkey and deploy, one deploy per step to step: ${updates.length}; then remove planChange.`;
      }
    }
  }
  return stops;
}

/**
 * The instance's plan fields for this configuration: the plan's own, or, while `planChange` declares a step of a move,
 * the new plan's for the updates up to that step and the previous plan's for the rest; and the record's state and
 * stops. A move between plans that the API takes only as several updates is stopped at plan time (see
 * `recordStagedChange`) unless a step is declared.
 */
export function planChangeOf(props: MemorystoreValkeyProps, request: DataStoreRequest, isUnresolved: IsUnresolved): ValkeyPlanChangeOutcome {
  const fieldsOf = (plan: ServicePlan) => planFields(plan, props, request, isUnresolved);
  const target = fieldsOf(request.plan);
  const change = props.planChange;
  if (change === undefined) {
    return { fields: target, staged: { state: request.plan, declared: false, stops: stopsFor(request.plan, fieldsOf) }, warnings: [] };
  }
  const origin = ALL_PLANS.includes(change.from) && !isUnresolved(change.from) ? fieldsOf(change.from) : target;
  const updates = updatesBetween(origin, target);
  checkPlanChange(change, request.plan, updates, isUnresolved);
  const { step } = change;
  const next = step < updates.length
    ? `then planChange step: ${step + 1} (${updates[step].what}), one deploy per step to step: ${updates.length}`
    : 'the move is then finished: remove planChange';
  return {
    fields: partway(origin, target, updates, step),
    staged: { state: stateOf(change.from, request.plan, step, updates.length), declared: true, stops: {} },
    warnings: [{
      code: 'PlanChangeStep',
      message: `this deploy applies step ${step} of ${updates.length} of the move from ${change.from} to ${request.plan} on Memorystore for Valkey: `
        + `${updates[step - 1].what}, one update; ${step === 1 ? `deploy it to the instance as it was on ${change.from}` : `deploy it only after step ${step - 1}`}; ${next}.`,
    }],
  };
}
