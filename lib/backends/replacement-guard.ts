import { DataResource, Fn, IResolvable, Op, TerraformLocal, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ChangeTable, ChoreoRedisError } from '../plan';

/**
 * Reads, at plan time, the versions the data store runs now (provider data sources), for a backend whose provider
 * replaces the data store on a downgrade: the guard then compares the configured versions with those too, so that a
 * move below a version reached by an in-place upgrade is stopped, not only a move below the creation version.
 */
export interface RunningVersionReader {
  /**
   * The primary resource's attributes that locate the data store (its name, region, project): the reads run only
   * while these are the ones the guard recorded, so that a data store about to be created under another name is
   * not looked up.
   */
  readonly locate: readonly string[];
  /**
   * Defines the data sources under `scope`, each with `count` (1 to read, 0 not to), and returns, for each of the
   * table's version attributes, the expression of its running value (null when not read). A backend may also add its
   * own plan-time checks of what it read (Memorystore for Valkey: the fields one update changes), which must hold
   * whenever `replaced` does: the plan then replaces the data store (its recorded force-new attributes differ from the
   * configured ones), and the replacement guard alone decides.
   */
  read(scope: Construct, count: number, replaced: IResolvable): Readonly<Record<string, string>>;
}

/** What the replacement guard needs besides the table: the service's name for the message, and the user's acceptance. */
export interface ReplacementGuardOptions {
  /** The managed service, such as `ElastiCache`. */
  readonly service: string;
  /** The digest of the replacement the user accepts (`acceptReplacement`), if any. */
  readonly accept?: string;
  /** Where the backend reads the versions the data store runs now. */
  readonly running?: RunningVersionReader;
}

/**
 * Terraform's timestamp of the plan being made, which the guard records when it is created: equal to it only in the
 * plan that creates the data store, when there is nothing yet to read (plantimestamp, Terraform 1.5 and later).
 */
const PLAN_TIMESTAMP = '${plantimestamp()}';

/** A replacement's digest, as the plan-time stop names it: 16 lower-case hex digits. */
const DIGEST = /^[0-9a-f]{16}$/;

/** Fails for an `acceptReplacement` that cannot be a digest the guard names; tokens are left to Terraform. */
export function checkAcceptReplacement(accept: string | undefined, isUnresolved: (value: unknown) => boolean): void {
  if (accept === undefined || isUnresolved(accept) || DIGEST.test(accept)) return;
  throw new ChoreoRedisError('InvalidAcceptReplacement',
    `acceptReplacement "${accept}" is not a replacement's digest; it takes the 16 hex digits the plan-time stop names (such as "3f2a9c01d4e5b6a7"). Copy it from the error of terraform plan, or omit acceptReplacement.`);
}

/** The construct ID of the guard: part of the data store's Terraform addresses, so a contract like `Resource`. */
export const REPLACEMENT_GUARD_ID = 'ReplacementGuard';

/**
 * The values of the primary resource's force-new attributes, as its configuration sets them (tokens included), keys
 * sorted: what the replacement guard records. Restore attributes are left out: they are read only at creation.
 */
export function replacementIdentity(config: Readonly<Record<string, unknown>>, table: ChangeTable): Record<string, unknown> {
  const restore = table.carry.restoreAttributes ?? [];
  const identity: Record<string, unknown> = {};
  for (const attribute of [...table.forceNew].sort()) {
    if (config[attribute] !== undefined && !restore.includes(attribute)) identity[attribute] = config[attribute];
  }
  for (const [attribute, keys] of Object.entries(table.forceNewParts ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const block = config[attribute] as Record<string, unknown> | undefined;
    for (const key of keys) {
      if (block?.[key] !== undefined) identity[`${attribute}.${key}`] = block[key];
    }
  }
  return identity;
}

/** The primary resource's configuration as it will be synthesized (snake_case attributes, tokens unresolved). */
export function configOf(resource: TerraformResource): Record<string, unknown> {
  const rendered = resource.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> };
  return rendered.resource[resource.terraformResourceType][resource.friendlyUniqueId];
}

/**
 * The running versions, read only after the plan that created the data store and while it is located where the
 * guard recorded it; each null when not read. `json` is their record, for the message and the digest.
 */
function readRunning(scope: Construct, guard: DataResource, config: Readonly<Record<string, unknown>>, running: RunningVersionReader,
  attributes: readonly string[], replaced: IResolvable): { values: Readonly<Record<string, unknown>>; json: () => string } {
  const input = guard.getAnyMapAttribute('input');
  // A guard recorded before the library read running versions has no `created`; an identity without one of the
  // locating attributes counts as another location. (`try`, as a missing key of an object is an error.)
  const recordedIdentity = Fn.jsondecode(Fn.lookup(input, 'identity', '{}'));
  const now = new TerraformLocal(scope, 'PlanTimestamp', PLAN_TIMESTAMP).asString;
  const createdNow = Op.eq(Fn.try([Fn.lookupNested(input, ['created']), '']), now);
  const moved = running.locate.map((attribute) => Op.neq(Fn.try([Fn.lookupNested(recordedIdentity, [attribute]), '']), config[attribute] ?? ''));
  const count = Token.asNumber(Fn.conditional(moved.reduce((a, b) => Op.or(a, b), createdNow), 0, 1));
  const values = running.read(scope, count, replaced);
  const json = () => new TerraformLocal(scope, 'RunningVersions',
    Fn.jsonencode(Object.fromEntries(attributes.map((attribute) => [attribute, values[attribute] ?? null])))).asString;
  return { values, json };
}

/**
 * Stops every plan that would replace the data store, until the user accepts that replacement.
 *
 * A `terraform_data` records the primary resource's force-new attributes when it is created and ignores later
 * changes of its input, so on every later plan its output holds the attributes the data store was created with. A
 * precondition on the primary resource compares them with the configured ones: when they differ, the provider
 * would replace the data store, and Terraform stops at plan time with the backend's steps and the digest of the new
 * attributes. Setting `acceptReplacement` to that digest lets that one replacement through (and keeps later ones
 * stopped: their digests differ). `terraform destroy` is not stopped: Terraform checks no precondition when it destroys.
 *
 * Where the provider replaces on a downgrade (`versionGuard`), the guard records the versions too, and the
 * precondition also stops a move below them; its digest then covers the versions, so accepting a downgrade does not
 * accept the next one. Where the backend reads the versions the data store runs now (`running`: data sources read at
 * plan, from the second plan of the data store on, while it keeps the name and location the guard recorded), the
 * precondition stops a move below those too: after an in-place upgrade, the recorded versions are older than the
 * running ones, and a move back in between would otherwise replace the data store unseen.
 * A backend without version facts may read the data store too (`running`), for its own checks of what it read.
 *
 * The restore attributes (a snapshot, backup or service to create from) are listed in `ignore_changes`: they act
 * only when the data store is created.
 */
export function guardReplacement(scope: Construct, resource: TerraformResource, table: ChangeTable, options: ReplacementGuardOptions): DataResource {
  const config = configOf(resource);
  const identity = new TerraformLocal(scope, 'ReplacementIdentity', Fn.jsonencode(replacementIdentity(config, table))).asString;
  const versionGuard = table.versionGuard;
  const versions = versionGuard === undefined ? undefined : new TerraformLocal(scope, 'ReplacementVersions',
    Fn.jsonencode(Object.fromEntries(versionGuard.attributes.map((attribute) => [attribute, config[attribute]])))).asString;
  const running = options.running;
  const guard = new DataResource(scope, REPLACEMENT_GUARD_ID, {
    input: { identity, ...(versions === undefined ? {} : { versions }), ...(running === undefined ? {} : { created: PLAN_TIMESTAMP }) },
    lifecycle: { ignoreChanges: ['input'] },
  });
  const runs = running === undefined ? undefined
    : readRunning(scope, guard, config, running, versionGuard?.attributes ?? [], Op.neq(guard.getStringAttribute('output.identity'), identity));
  const recorded = guard.getStringAttribute('output.identity');
  const accepted = (digest: unknown) => (options.accept === undefined ? undefined : Op.eq(options.accept, digest));
  const either = (condition: unknown, acceptance: unknown) => (acceptance === undefined ? condition : Op.or(condition, acceptance));
  const identityDigest = Fn.substr(Fn.sha256(identity), 0, 16);
  let condition = either(Op.eq(recorded, identity), accepted(identityDigest));
  let digest: unknown = identityDigest;
  let was = recorded;
  let now = identity;
  if (versionGuard !== undefined && versions !== undefined) {
    const recordedVersions = guard.getStringAttribute('output.versions');
    // Both sides read through locals, so that the check itself reads the same whatever the versions.
    const decoded = Fn.jsondecode(recordedVersions);
    const configured = Fn.jsondecode(versions);
    const configuredValue = (attribute: string) => Fn.lookup(configured, attribute, '');
    // Each comparison is a local: the condition, the message and the digest refer to it by name.
    const comparison = (id: string, value: unknown) => new TerraformLocal(scope, id, value).asBoolean;
    let downgrade: unknown = comparison('DowngradeFromRecorded',
      versionGuard.replaces((attribute) => Fn.lookup(decoded, attribute, ''), configuredValue));
    let versionText = versions;
    was = `${recorded} with ${recordedVersions}`;
    if (runs !== undefined) {
      const runsJson = runs.json();
      downgrade = Op.or(downgrade, comparison('DowngradeFromRunning',
        versionGuard.replaces((attribute) => runs.values[attribute], configuredValue)));
      versionText = Fn.join('', [versions, runsJson]);
      was = `${was}, and it runs ${runsJson}`;
    }
    const versionDigest = Fn.substr(Fn.sha256(Fn.join('', [identity, versionText])), 0, 16);
    condition = Op.and(condition, either(Op.not(downgrade), accepted(versionDigest)));
    digest = Fn.conditional(downgrade, versionDigest, identityDigest);
    now = `${identity} with ${versions}`;
  }
  const restoreAttributes = [...(table.carry.restoreAttributes ?? [])];
  const lifecycle = resource.lifecycle ?? {};
  const ignored = lifecycle.ignoreChanges;
  resource.lifecycle = {
    ...lifecycle,
    ignoreChanges: ignored === 'all' || restoreAttributes.length === 0 ? ignored : [...(ignored ?? []), ...restoreAttributes],
    precondition: [...(lifecycle.precondition ?? []), {
      condition,
      errorMessage: `This change replaces the ${options.service} data store (${table.primaryType}), and Terraform would delete it with `
        + `its data. Its force-new attributes were ${was} and would be ${now}. To keep the data: ${table.carry.steps} `
        + `To let Terraform replace it, set acceptReplacement: "${digest}" on the ChoreoRedis construct (deletionProtection must be `
        + 'off for that apply); or undo the change.',
    }],
  };
  return guard;
}
