/**
 * What happens to a data store when one of its props changes: updated in place, replaced, or refused. Each backend
 * records this in a table taken from the attributes its Terraform provider marks as forcing replacement and from the
 * service's rules on what one update may contain; tests check the table against what the renderer really changes.
 *
 * A replacement never loses data silently: every data store carries a replacement guard (a `terraform_data` that
 * records the primary resource's force-new attributes, and a precondition on the primary resource), so Terraform
 * stops at plan time with the backend's steps until the user accepts that one replacement, restoring the new data
 * store from the old one's data where the service can restore at creation. A move between plans that the service
 * takes only as several updates, or refuses whatever the apply, is stopped at plan time too, by a record of the data
 * store's plan (staged-change.ts); the first kind is then applied one update per deploy through a backend prop.
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
  /** Another `evictionPolicy`. */
  EVICTION = 'eviction-policy',
  /** Raising `access.rotation`: new credentials, and what happens to the previous ones and to connected clients. */
  ROTATION = 'rotation',
}

/** What a change does to the data store. */
export enum ChangeEffect {
  /** Terraform updates the data store in place; its data stays. */
  IN_PLACE = 'in place',
  /**
   * The provider replaces the data store: a new one, without the old one's data unless restored at creation. The
   * replacement guard stops such a plan until the user accepts the replacement.
   */
  REPLACES = 'replaces the data store',
  /**
   * The change cannot be made: the construct refuses it at synthesis, or the service refuses the update the
   * provider plans. The data store stays as it is.
   */
  REFUSED = 'refused',
  /**
   * The service takes the change in place only one update at a time, and the provider would send it as one: Terraform
   * stops at plan time, and a backend prop (its combination rule's `stepsProp`) applies the change one allowed update
   * per deploy. The data stays.
   */
  STEPPED = 'in place, in steps',
}

/** What a change with this effect does to the data on a backend, in words: the data column of docs/changes.md. */
export function dataPathText(table: ChangeTable, change: DataStoreChange | PropChangeRule, effect: ChangeEffect): string {
  if (effect === ChangeEffect.IN_PLACE) return 'kept';
  if (effect === ChangeEffect.REFUSED) return 'kept, unchanged';
  if (effect === ChangeEffect.STEPPED) {
    const prop = (table.updateRules ?? []).find((rule) => rule.stepsProp !== undefined)?.stepsProp;
    return `kept; stopped at plan, then applied one update per deploy with \`${prop}\``;
  }
  const { restoreProp, restoreCannotCarry } = table.carry;
  const cannot = typeof change === 'string' ? (restoreCannotCarry ?? []).includes(change) : change.carried !== true;
  return restoreProp === undefined || cannot
    ? 'stopped at plan; moved outside Terraform (steps below)'
    : `stopped at plan; carried by \`${restoreProp}\``;
}

/**
 * How a backend carries data through a replacement: the create-time restore its service offers in the pinned
 * provider, or the steps that move the data outside Terraform where it offers none.
 */
export interface DataCarry {
  /**
   * The backend prop that creates the new data store from the old one's data, such as `restoreFromSnapshot`.
   *
   * @default - the service has no create-time restore in the pinned provider
   */
  readonly restoreProp?: string;
  /**
   * The primary resource's attributes the restore sets. They take effect only when the data store is created: the
   * renderer lists them in `ignore_changes`, so adding, changing or removing the prop later replaces nothing.
   *
   * @default - none
   */
  readonly restoreAttributes?: readonly string[];
  /**
   * Changes the restore cannot carry, such as another region where a snapshot or backup restores only in its own.
   *
   * @default - none
   */
  readonly restoreCannotCarry?: readonly DataStoreChange[];
  /** The steps that keep the data through a replacement, as the plan-time stop and docs/changes.md give them. */
  readonly steps: string;
  /** Where the create-time restore (or its absence) is documented: provider source and service documentation. */
  readonly source: string;
}

/**
 * A service rule on what one update request may contain: the provider sends every changed attribute of a set in one
 * request, and the API accepts some of them only alone.
 */
export interface UpdateCombinationRule {
  /** The attributes of the primary resource the provider sends in that one request. */
  readonly attributes: readonly string[];
  /** Sets of those attributes the API accepts together; any other set of two or more is refused. */
  readonly allowedTogether: readonly (readonly string[])[];
  /** The rule in words, with its source (API error, provider source, issue tracker). */
  readonly rule: string;
  /** How to make a change the rule refuses. */
  readonly steps: string;
  /**
   * The backend prop that applies a move between plans this rule refuses one allowed update per deploy, after the
   * data store's precondition has stopped the move at plan time: such moves are `ChangeEffect.STEPPED`.
   *
   * @default - the rule's moves are refused, and `steps` says how to make them outside Terraform
   */
  readonly stepsProp?: string;
}

/** The attributes of a combination rule that a change sends together, when the API refuses them as one update. */
export function refusedCombination(rule: UpdateCombinationRule, changed: readonly string[]): string[] | undefined {
  const sent = changed.filter((attribute) => rule.attributes.includes(attribute));
  if (sent.length < 2) return undefined;
  return rule.allowedTogether.some((set) => sent.every((attribute) => set.includes(attribute))) ? undefined : sent;
}

/**
 * Force-new facts the provider decides by comparing versions (a downgrade replaces), which the replacement guard
 * records beside the force-new attributes. The record keeps the values the data store was created with; the backend
 * also reads, at plan time, the versions the data store runs now (which every refresh writes into the provider's
 * state, the side its comparison takes), so a move below either is stopped at plan, including a move back below a
 * version an in-place upgrade reached.
 */
export interface VersionGuard {
  /** The primary resource's attributes the guard records, such as `engine` and `engine_version`. */
  readonly attributes: readonly string[];
  /**
   * A Terraform expression (built with cdktf's `Fn` and `Op`), true when moving from the recorded values to the
   * configured ones replaces the data store; `recorded` and `configured` give each attribute's expression.
   */
  readonly replaces: (recorded: (attribute: string) => unknown, configured: (attribute: string) => unknown) => unknown;
}

/** A pair of plans whose change has another effect than its rule's. */
export interface PlanChangeException {
  readonly from: ServicePlan;
  readonly to: ServicePlan;
  readonly effect: ChangeEffect;
  /**
   * For a move applied in steps (`ChangeEffect.STEPPED`): the attributes of the primary resource each step sends, in
   * order, with the plans' default memory.
   *
   * @default - the move is not applied in steps
   */
  readonly steps?: readonly (readonly string[])[];
  /**
   * For a refused move that can never be made in place: what to do instead. The data store's record of its plan stops
   * the move at plan time with this text, instead of the apply failing.
   *
   * @default - a refused move is refused by the service at apply, or by the construct at synth
   */
  readonly stop?: string;
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

/**
 * One row of a backend's change table for a prop of that backend alone (its KMS key, its subnets, its zone), beside
 * the rows every backend has.
 */
export interface PropChangeRule {
  /** The backend prop, as its factory takes it, such as `kmsKey`. */
  readonly prop: string;
  readonly effect: ChangeEffect;
  /** The attributes of the primary resource this change may touch. */
  readonly attributes: readonly string[];
  /** What the user should know, such as how to keep the data. */
  readonly note: string;
  /**
   * For a change that replaces the data store: whether the backend's create-time restore carries the data into the
   * new one (a snapshot restores with another KMS key, say).
   *
   * @default false - the data is moved outside Terraform, as the table's steps say
   */
  readonly carried?: boolean;
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
  /**
   * The service's rules on what one update may contain.
   *
   * @default - none found: the service takes every attribute the provider changes in one update
   */
  readonly updateRules?: readonly UpdateCombinationRule[];
  /** What one update request contains and the rules found on what it may contain, with sources. */
  readonly updateFacts: string;
  /**
   * Parts of nested attributes whose change forces replacement (provider CustomizeDiff or Update code that deletes
   * and re-creates), recorded by the replacement guard beside `forceNew`: attribute to the keys of its block.
   *
   * @default - none
   */
  readonly forceNewParts?: Readonly<Record<string, readonly string[]>>;
  /**
   * The version comparisons behind `forceNewWhen`, for the replacement guard.
   *
   * @default - no force-new fact depends on a version comparison
   */
  readonly versionGuard?: VersionGuard;
  /** How the backend carries data through a replacement. */
  readonly carry: DataCarry;
  readonly rules: readonly ChangeRule[];
  /**
   * Rows for the backend's own props whose change touches the data store: every prop that sets an attribute the
   * replacement guard records has one.
   *
   * @default - none
   */
  readonly propRules?: readonly PropChangeRule[];
}

/** The top-level attributes whose values differ between two renderings of one resource. */
export function changedAttributes(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

/**
 * Whether a change of these attributes replaces the primary resource, is refused by the service, applies in steps, or
 * applies in place, according to the table's provider and API facts: force-new attributes, changes the API refuses,
 * and combinations the API refuses in one update (applied in steps where the rule names a `stepsProp`). Replacement
 * wins: a new resource has nothing to refuse. Restore
 * attributes are read only at creation (`ignore_changes`), so their changes alone apply nothing.
 */
export function effectOf(table: ChangeTable, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ChangeEffect {
  const ignored = table.carry.restoreAttributes ?? [];
  const changed = changedAttributes(before, after).filter((attribute) => !ignored.includes(attribute));
  const replaced = changed.some((attribute) => table.forceNew.includes(attribute)
    || (table.forceNewWhen[attribute]?.(before[attribute], after[attribute]) ?? false));
  if (replaced) return ChangeEffect.REPLACES;
  const refused = changed.some((attribute) => table.refusedWhen?.[attribute]?.(before[attribute], after[attribute]) ?? false);
  if (refused) return ChangeEffect.REFUSED;
  const combination = (table.updateRules ?? []).find((rule) => refusedCombination(rule, changed) !== undefined);
  if (combination === undefined) return ChangeEffect.IN_PLACE;
  return combination.stepsProp === undefined ? ChangeEffect.REFUSED : ChangeEffect.STEPPED;
}

/**
 * The exceptions for moving between two plans, in both directions, with the same effect (and, for a move in steps, the
 * same steps).
 */
export function bothWays(a: ServicePlan, b: ServicePlan, effect: ChangeEffect, steps?: readonly (readonly string[])[]): PlanChangeException[] {
  return [{ from: a, to: b, effect, steps }, { from: b, to: a, effect, steps }];
}

/** The steps of a move between two plans that the rule applies in steps, if it does. */
export function planChangeSteps(rule: ChangeRule, from: ServicePlan, to: ServicePlan): readonly (readonly string[])[] | undefined {
  return rule.exceptions?.find((e) => e.from === from && e.to === to)?.steps;
}

/** The effect a rule gives to moving from one plan to another: its exception for that pair, or its own. */
export function planChangeEffect(rule: ChangeRule, from: ServicePlan, to: ServicePlan): ChangeEffect {
  return rule.exceptions?.find((e) => e.from === from && e.to === to)?.effect ?? rule.effect;
}

/** Compares `<major>.<minor>` versions. */
export function isOlderVersion(before: unknown, after: unknown): boolean {
  const [a, b] = [before, after].map((v) => String(v).split('.').map(Number));
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]);
}
