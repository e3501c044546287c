/**
 * What happens to a data store when one of its props changes: updated in place, replaced (and so its
 * data lost), or refused. Each backend records this in a table taken from the attributes its Terraform provider marks
 * as forcing replacement; tests check the table against what the renderer really changes.
 */

import type { ServicePlan } from './service-plan';

/** A kind of change to a data store's props. */
export enum DataStoreChange {
  /** Moving to another service plan (with its default memory). */
  PLAN = 'plan',
  /** A different `memoryGib` within the same plan. */
  MEMORY = 'memory',
  /** Another region. */
  REGION = 'region',
  /** A newer engine version. */
  ENGINE_UPGRADE = 'engine-upgrade',
  /** An older engine version, or another engine. */
  ENGINE_DOWNGRADE = 'engine-downgrade',
  /** Another `name`. */
  NAME = 'name',
  /** Adding, removing or changing `allowedCidrs`. */
  ALLOW_LIST = 'allow-list',
  /** Switching `luaScripting`. */
  LUA = 'lua',
  /**
   * Another persistence mode or period: an existing data store taking the persistence the library now writes for the
   * recovery point, or a persistence prop such as Memorystore's `snapshotPeriod`.
   */
  PERSISTENCE = 'persistence',
  /** Raising `access.rotation`: new credentials, and what happens to the previous ones and to connected clients. */
  ROTATION = 'rotation',
}

/** What a change does to the data store. */
export enum ChangeEffect {
  /** Terraform updates the data store in place; its data stays. */
  IN_PLACE = 'in place',
  /** Terraform destroys the data store and defines a new one: its data is lost. */
  REPLACES = 'replaces the data store',
  /**
   * The change cannot be made: the construct refuses it at synthesis, or the service refuses the update the
   * provider plans. The data store stays as it is.
   */
  REFUSED = 'refused',
}

/** A pair of plans whose change has another effect than its rule's. */
export interface PlanChangeException {
  readonly from: ServicePlan;
  readonly to: ServicePlan;
  readonly effect: ChangeEffect;
}

/** One row of a backend's change table. */
export interface ChangeRule {
  readonly change: DataStoreChange;
  readonly effect: ChangeEffect;
  /** The attributes of the primary resource this change may touch. */
  readonly attributes: readonly string[];
  /** What the user should know, such as how long an in-place change takes or how to keep the data. */
  readonly note: string;
  /**
   * For the plan rule, when moving between some plans has another effect than `effect` (which is then the
   * worst case): those pairs and their effect.
   */
  readonly exceptions?: readonly PlanChangeException[];
}

/** A backend's change table and the provider facts behind it. */
export interface ChangeTable {
  /** The provider source the force-new facts come from. */
  readonly source: string;
  /** The Terraform type of the primary resource. */
  readonly primaryType: string;
  /** Attributes of the primary resource whose change always forces replacement. */
  readonly forceNew: readonly string[];
  /**
   * Attributes that force replacement only for some changes (provider CustomizeDiff), with the test that
   * tells them apart.
   */
  readonly forceNewWhen: Readonly<Record<string, (before: unknown, after: unknown) => boolean>>;
  /**
   * Attributes whose change the provider plans as an update that the service's API refuses, with the test
   * that tells those changes apart (API-side facts, with their source in the table's documentation).
   */
  readonly refusedWhen?: Readonly<Record<string, (before: unknown, after: unknown) => boolean>>;
  readonly rules: readonly ChangeRule[];
}

/** The top-level attributes whose values differ between two renderings of one resource. */
export function changedAttributes(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

/**
 * Whether a change of these attributes replaces the primary resource, is refused by the service, or applies
 * in place, according to the table's provider and API facts. Replacement wins: a new resource has nothing
 * to refuse.
 */
export function effectOf(table: ChangeTable, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ChangeEffect {
  const changed = changedAttributes(before, after);
  const replaced = changed.some((attribute) => table.forceNew.includes(attribute)
    || (table.forceNewWhen[attribute]?.(before[attribute], after[attribute]) ?? false));
  if (replaced) return ChangeEffect.REPLACES;
  const refused = changed.some((attribute) => table.refusedWhen?.[attribute]?.(before[attribute], after[attribute]) ?? false);
  return refused ? ChangeEffect.REFUSED : ChangeEffect.IN_PLACE;
}

/** The effect a rule gives to moving from one plan to another: its exception for that pair, or its own. */
/** The exceptions for moving between two plans, in both directions, with the same effect. */
export function bothWays(a: ServicePlan, b: ServicePlan, effect: ChangeEffect): PlanChangeException[] {
  return [{ from: a, to: b, effect }, { from: b, to: a, effect }];
}

export function planChangeEffect(rule: ChangeRule, from: ServicePlan, to: ServicePlan): ChangeEffect {
  return rule.exceptions?.find((e) => e.from === from && e.to === to)?.effect ?? rule.effect;
}

/** Compares `<major>.<minor>` versions. */
export function isOlderVersion(before: unknown, after: unknown): boolean {
  const [a, b] = [before, after].map((v) => String(v).split('.').map(Number));
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]);
}
