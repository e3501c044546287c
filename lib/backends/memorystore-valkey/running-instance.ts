import { DataGoogleMemorystoreInstance } from '@cdktf/provider-google/lib/data-google-memorystore-instance';
import { Fn, IResolvable, Op, TerraformLocal, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { configOf, RunningVersionReader } from '../replacement-guard';
import { versionNumber as majorMinorNumber } from '../version-number';

/**
 * One field of the Memorystore API's update mask, as the provider fills it (resourceMemorystoreInstanceUpdate,
 * terraform-provider-google v6.50.0 resource_memorystore_instance.go:1410-1453: each changed attribute adds its field,
 * and one PATCH carries them all): the API takes one per request, and node_type only with engine_configs, so those two
 * are one update.
 */
interface UpdateGroup {
  /** What the update changes, in the words of the plan-time stop. */
  readonly what: string;
  /** The instance's attributes whose change puts the field in the update mask. */
  readonly attributes: readonly string[];
}

/**
 * The updates in the order the stop names them, one per deploy. Each is a separate PATCH whatever the others hold, so
 * any order applies; this one changes the instance's size first. cross_instance_replication_config, also in the mask,
 * is not set by the construct and so never compared.
 */
export const VALKEY_UPDATE_GROUPS: readonly UpdateGroup[] = [
  { what: 'the node type with its engine configs (memoryGib, evictionPolicy)', attributes: ['node_type', 'engine_configs'] },
  { what: 'the replica count', attributes: ['replica_count'] },
  { what: 'the shard count', attributes: ['shard_count'] },
  { what: 'the persistence', attributes: ['persistence_config'] },
  { what: 'the backup schedule (backupHour)', attributes: ['automated_backup_config'] },
  { what: 'the maintenance window (maintenanceWindow)', attributes: ['maintenance_policy'] },
  { what: 'the engine version (engineVersion)', attributes: ['engine_version'] },
  { what: 'the deletion protection (serviceDeletionProtection)', attributes: ['deletion_protection_enabled'] },
  { what: 'the labels (tags)', attributes: ['labels'] },
];

/** The maps the construct sets (engine_configs, labels): attributes of the resource, not blocks. */
const MAPS = new Set(['engine_configs', 'labels']);

/** `VALKEY_<major>_<minor>` as a number, for Terraform to compare. */
const versionNumber = (version: unknown) => majorMinorNumber(Fn.regex('^VALKEY_([0-9]+)_([0-9]+)$', version as string));

/**
 * Whether each value the configuration sets at `path` differs from the running one. Blocks the configuration renders
 * as objects are lists of one in state (hence index 0), lists of blocks are lists; a value missing from the running
 * instance differs, and a value the configuration leaves out is not compared.
 */
function leafDiffers(running: IResolvable, path: readonly (string | number)[], configured: unknown): IResolvable[] {
  if (configured === undefined || configured === null) return [];
  if (Array.isArray(configured)) return configured.flatMap((item, i) => fieldsDiffer(running, [...path, i], item));
  if (typeof configured === 'object' && !Token.isUnresolved(configured)) return fieldsDiffer(running, [...path, 0], configured);
  return [Fn.try([Op.neq(configured, Fn.lookupNested(running, [...path])), true])];
}

/** `leafDiffers` for the fields of one block at `path`, or for a value that is not a block. */
function fieldsDiffer(running: IResolvable, path: readonly (string | number)[], configured: unknown): IResolvable[] {
  if (typeof configured !== 'object' || configured === null || Array.isArray(configured) || Token.isUnresolved(configured)) {
    return leafDiffers(running, path, configured);
  }
  return Object.entries(configured).flatMap(([key, value]) => leafDiffers(running, [...path, key], value));
}

/**
 * Whether the configured `attribute` differs from the running instance's, as far as the configuration sets it: a map
 * differs when one of its keys is missing or has another value (keys the instance has besides, such as a provider's
 * default labels, are not the construct's to compare); a block by its configured values; a block the configuration
 * leaves out (the automated backups of a plan without history) when the instance has one.
 */
function attributeDiffers(running: IResolvable, attribute: string, configured: unknown): IResolvable {
  if (configured === undefined) return Op.gte(Fn.lengthOf(Fn.try([Fn.lookupNested(running, [attribute]), []])), 1);
  if (MAPS.has(attribute)) {
    const runs = Fn.try([Fn.lookupNested(running, [attribute]), {}]);
    return Fn.try([Op.neq(Fn.tomap(Fn.merge([runs, configured])), Fn.tomap(runs)), true]);
  }
  return Fn.anytrue(leafDiffers(running, [attribute], configured));
}

/**
 * Adds to the instance the plan-time stops that compare its configuration with the instance Memorystore runs now
 * (`running`), except where `notChecked` holds: where it is not read, and where the plan replaces the instance: two or more updates at once, which the API refuses, and an engine downgrade,
 * which it refuses too.
 */
function stopRefusedUpdates(scope: Construct, instance: TerraformResource, running: IResolvable, notChecked: IResolvable): void {
  const config = configOf(instance);
  // A local for each update, named by its first attribute: the list of changes refers to each by name.
  const differs = VALKEY_UPDATE_GROUPS.map((group) => ({
    group,
    differs: new TerraformLocal(scope, `RunningDiffers_${group.attributes[0]}`,
      Fn.anytrue(group.attributes.map((attribute) => attributeDiffers(running, attribute, config[attribute])))).asBoolean,
  }));
  const changes = new TerraformLocal(scope, 'RunningInstanceChanges',
    Fn.compact(differs.map(({ group, differs: d }) => Fn.conditional(d, group.what, '')))).asList;
  // Locals hold every configured value, so that the preconditions read the same whatever the configuration (the change
  // tables' tests compare the instance's attributes, lifecycle included).
  const configuredVersion = new TerraformLocal(scope, 'ConfiguredEngineVersion', config.engine_version).asString;
  const downgrade = new TerraformLocal(scope, 'RunningInstanceDowngrade',
    Fn.try([Op.lt(versionNumber(configuredVersion), versionNumber(Fn.lookupNested(running, ['engine_version']))), false])).expression as IResolvable;
  const lifecycle = instance.lifecycle ?? {};
  instance.lifecycle = {
    ...lifecycle,
    precondition: [...(lifecycle.precondition ?? []), {
      condition: Op.or(notChecked, Op.lte(Fn.lengthOf(changes), 1)),
      errorMessage: 'Memorystore for Valkey takes one field per update (hashicorp/terraform-provider-google#20101; node_type only with '
        + `engine_configs, #29428), and this deploy changes ${Fn.lengthOf(changes)} fields of the running instance at once: `
        + `${Fn.join('; ', changes)}. The apply would fail; nothing has changed. Apply them one per deploy, in this order: change the `
        + 'first, keeping the others as the instance runs them, and deploy; then the next. A move between plans takes planChange on '
        + 'RedisBackend.memorystoreValkey instead, which makes the steps.',
    }, {
      condition: Op.or(notChecked, Op.not(downgrade)),
      errorMessage: `Memorystore for Valkey cannot downgrade an instance: it runs ${Token.asString(Fn.try([Fn.lookupNested(running, ['engine_version']), '']))}, `
        + `and engineVersion sets ${configuredVersion}, an older version, which the API refuses at apply. Set engineVersion to `
        + 'the running version or a newer one; to run an older version, restore a backup into a new data store of another name.',
    }],
  };
}

/**
 * Reads the instance Memorystore for Valkey runs now, for the checks no record at plan time can make: the provider
 * sends every changed field in one PATCH, which the API refuses with two or more (`stopRefusedUpdates`), and plans a
 * downgrade, which it refuses too. The instance data source (terraform-provider-google v6.50.0
 * memorystore/data_source_memorystore_instance.go) reads the resource's schema through its Read, so the configured values
 * compare with the running ones as the provider's own diff would (labels: the data source gives every label).
 */
export function memorystoreValkeyRunningInstance(instance: TerraformResource, instanceId: string, location: string,
  project: string): RunningVersionReader {
  return {
    locate: ['instance_id', 'location', 'project'],
    read(scope: Construct, count: number, replaced: IResolvable) {
      const data = new DataGoogleMemorystoreInstance(scope, 'RunningInstance', { instanceId, location, project, count });
      const running = new TerraformLocal(scope, 'RunningInstanceRead', Fn.one(Token.asList(data.fqn))).expression as IResolvable;
      // A replacement creates a new instance, with every field configured at once: the replacement guard decides.
      stopRefusedUpdates(scope, instance, running, Op.or(Op.lt(Fn.lengthOf(Token.asList(data.fqn)), 1), replaced));
      return {};
    },
  };
}
