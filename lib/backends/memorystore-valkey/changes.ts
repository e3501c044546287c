import { MEMORYSTORE_VALKEY_ACCESS } from './access';
import { bothWays, ChangeEffect, ChangeTable, DataStoreChange, ServicePlan } from '../../plan';

/** Compares `VALKEY_<major>_<minor>` versions. */
export function isValkeyVersionOlder(before: unknown, after: unknown): boolean {
  const parse = (v: unknown) => /^VALKEY_(\d+)_(\d+)$/.exec(String(v ?? ''));
  const [a, b] = [parse(before), parse(after)];
  if (a === null || b === null) return false;
  return Number(b[1]) < Number(a[1]) || (b[1] === a[1] && Number(b[2]) < Number(a[2]));
}

/**
 * How Memorystore for Valkey data stores take changes. Force-new facts: terraform-provider-google v6.50.0,
 * `google/services/memorystore/resource_memorystore_instance.go` (`ForceNew` on instance_id, location,
 * allow_fewer_zones_deployment, authorization_mode, gcs_source, kms_key, managed_backup_source, mode,
 * transit_encryption_mode, zone_distribution_config, desired_auto_created_endpoints and project; node_type,
 * replica_count, shard_count, engine_version, engine_configs, persistence_config, automated_backup_config,
 * maintenance_policy, labels and deletion_protection_enabled update in place). API-side fact: Memorystore for
 * Valkey upgrades versions only and cannot be downgraded (Google's "Upgrade the Valkey version of an instance"); the
 * provider has no CustomizeDiff for engine_version (only labels and project, :56-59), so it plans the PATCH that the
 * API refuses.
 *
 * Nothing waits for the maintenance window: Update sends one PATCH with the changed fields in `updateMask`
 * (engine_version at :1436-1438), applied at once, and the provider has no `apply_immediately`.
 *
 * What one update contains: Update (resourceMemorystoreInstanceUpdate) sends one PATCH with every changed field in
 * `updateMask`, and the API takes one field per request ("exactly 1 update_mask field must be specified per update
 * request", hashicorp/terraform-provider-google#20101, reproduced by the maintainers on a labels change; "The
 * MemorystoreInstance API does not allow updating more than 1 field at a time", GoogleCloudPlatform/k8s-config-connector
 * #7582), node_type only with engine_configs ("only engine_configs supported along with node_type update",
 * hashicorp/terraform-provider-google#29428). A plan change moves node type, replicas, backups, labels and maxclients
 * at once: refused.
 *
 * Create-time restore: `managed_backup_source` and `gcs_source` (both ForceNew, ConflictsWith each other) create the
 * instance from a Memorystore backup or from RDB files in Cloud Storage: `restoreFromBackup` sets the first.
 */
export const MEMORYSTORE_VALKEY_CHANGES: ChangeTable = {
  source: 'terraform-provider-google v6.50.0 google/services/memorystore/resource_memorystore_instance.go',
  primaryType: 'google_memorystore_instance',
  forceNew: [
    'instance_id', 'location', 'allow_fewer_zones_deployment', 'authorization_mode', 'gcs_source', 'kms_key', 'managed_backup_source', 'mode',
    'transit_encryption_mode', 'zone_distribution_config', 'desired_auto_created_endpoints', 'project',
  ],
  forceNewWhen: {},
  refusedWhen: { engine_version: isValkeyVersionOlder },
  updateRules: [{
    attributes: ['automated_backup_config', 'replica_count', 'shard_count', 'node_type', 'persistence_config', 'maintenance_policy', 'engine_version',
      'engine_configs', 'deletion_protection_enabled', 'cross_instance_replication_config', 'labels'],
    allowedTogether: [['node_type', 'engine_configs']],
    rule: 'the provider sends every changed field in one PATCH; the API takes one field per request ("exactly 1 update_mask field must be '
      + 'specified per update request", hashicorp/terraform-provider-google#20101), node_type only with engine_configs ("only engine_configs '
      + 'supported along with node_type update", #29428)',
    steps: 'make the change one field per request outside Terraform, waiting for each to finish: gcloud memorystore instances update <name> '
      + '--location <region> with --node-type (and its maxclients engine config), then --replica-count, then the backup schedule, then '
      + '--update-labels; then apply, and the plan shows nothing left to change.',
  }],
  updateFacts: 'one PATCH with every changed field in updateMask (resourceMemorystoreInstanceUpdate); the API takes one field per request, '
    + 'node_type only with engine_configs (hashicorp/terraform-provider-google#20101, #29428)',
  carry: {
    restoreProp: 'restoreFromBackup',
    // gcs_source imports RDB files from Cloud Storage (another region's backup, exported), set through an override.
    restoreAttributes: ['managed_backup_source', 'gcs_source'],
    restoreCannotCarry: [DataStoreChange.REGION],
    steps: 'stop writes, take a backup (gcloud memorystore instances backup <name> --location <region> --backup-id <id>), and set '
      + 'restoreFromBackup to its name (projects/<project>/locations/<region>/backupCollections/<collection>/backups/<id>) on the backend, so '
      + 'that the new instance is created from it.',
    source: 'terraform-provider-google v6.50.0 google/services/memorystore/resource_memorystore_instance.go: managed_backup_source and gcs_source (ForceNew)',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.REPLACES,
      attributes: ['node_type', 'replica_count', 'zone_distribution_config', 'automated_backup_config', 'engine_configs', 'labels',
        'deletion_protection_enabled', 'lifecycle'],
      note: 'zone_distribution_config (single zone for Hobbyist and Startup, multi-zone for Business and Premium) forces a new instance: '
        + 'stopped at plan, and restoreFromBackup creates the new one from a backup. Between Hobbyist and Startup, and between Business and '
        + 'Premium, node type, replicas, backups and labels change in one PATCH, which the API refuses (one field per request): the instance '
        + 'stays as it is. Deletion protection follows the plan\'s',
      exceptions: [
        ...bothWays(ServicePlan.HOBBYIST, ServicePlan.STARTUP, ChangeEffect.REFUSED),
        ...bothWays(ServicePlan.BUSINESS, ServicePlan.PREMIUM, ChangeEffect.REFUSED),
      ],
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['node_type', 'engine_configs'],
      note: 'Memorystore scales to the new node type in place; maxclients follows it in the same PATCH, the one field the API takes with node_type',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.REPLACES,
      attributes: ['location'],
      note: 'a new instance in the new region: stopped at plan; a backup restores in its own region, so import its RDB files from Cloud Storage instead (gcs_source, through an override)',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['engine_version'],
      note: 'a newer Valkey version upgrades the instance in place, node by node, at once (not in the maintenance window)',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.REFUSED,
      attributes: ['engine_version'],
      note: 'the provider plans an update, which Memorystore refuses: an upgraded instance cannot go back to an older version',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['instance_id'],
      note: 'the instance ID is its identity; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.REFUSED,
      attributes: [],
      note: 'Memorystore has no client allow-list, so the construct refuses allowedCidrs',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.REFUSED,
      attributes: [],
      note: 'Memorystore cannot switch Lua off, so the construct refuses luaScripting: false',
    },
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['persistence_config'],
      note: 'RDB to AOF (as an instance defined with hourly RDB takes this library\'s AOF every second) is one PATCH with persistenceConfig in '
        + 'its updateMask; Google documents enabling AOF on an existing instance',
    },
    {
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['engine_configs'],
      note: 'maxmemory-policy in engine_configs, one PATCH with engineConfigs alone, which the API takes',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${MEMORYSTORE_VALKEY_ACCESS.rotation.detail}`,
    },
  ],
};
