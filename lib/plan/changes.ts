/**
 * What happens to a data store when one of its props changes: updated in place, or replaced (and so its
 * data lost). Each backend records this in a table taken from the attributes its Terraform provider marks
 * as forcing replacement; tests check the table against what the renderer really changes.
 */

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
}

/** What a change does to the data store. */
export enum ChangeEffect {
  /** Terraform updates the data store in place; its data stays. */
  IN_PLACE = 'in place',
  /** Terraform destroys the data store and defines a new one: its data is lost. */
  REPLACES = 'replaces the data store',
}

/** One row of a backend's change table. */
export interface ChangeRule {
  readonly change: DataStoreChange;
  readonly effect: ChangeEffect;
  /** The attributes of the primary resource this change may touch. */
  readonly attributes: readonly string[];
  /** What the user should know, such as how long an in-place change takes or how to keep the data. */
  readonly note: string;
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
  readonly rules: readonly ChangeRule[];
}

/** The top-level attributes whose values differ between two renderings of one resource. */
export function changedAttributes(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

/** Whether a change of these attributes replaces the primary resource, according to the table's provider facts. */
export function effectOf(table: ChangeTable, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ChangeEffect {
  const replaced = changedAttributes(before, after).some((attribute) => table.forceNew.includes(attribute)
    || (table.forceNewWhen[attribute]?.(before[attribute], after[attribute]) ?? false));
  return replaced ? ChangeEffect.REPLACES : ChangeEffect.IN_PLACE;
}

/** Compares `<major>.<minor>` versions. */
export function isOlderVersion(before: unknown, after: unknown): boolean {
  const [a, b] = [before, after].map((v) => String(v).split('.').map(Number));
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]);
}
