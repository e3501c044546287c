import { MEMORYSTORE_VALKEY_ACCESS } from './access';
import { bothWays, ChangeEffect, ChangeTable, DataStoreChange, ServicePlan } from '../../plan';

/** Compares `VALKEY_<major>_<minor>` versions. */
export function isValkeyVersionOlder(before: unknown, after: unknown): boolean {
  const parse = (v: unknown) => /^VALKEY_(\d+)_(\d+)$/.exec(String(v ?? ''));
  const [a, b] = [parse(before), parse(after)];
  if (a === null || b === null) return false;
  return Number(b[1]) < Number(a[1]) || (b[1] === a[1] && Number(b[2]) < Number(a[2]));
}

/** The one pair of fields the API takes in one update: node_type with its maxclients. */
const NODE_TYPE = ['engine_configs', 'node_type'];

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
 * What one update contains: Update (resourceMemorystoreInstanceUpdate: the updateMask at :1410-1453, one PATCH at :1468-1490) sends one PATCH with every changed
 * field in `updateMask`, and the API takes one field per request ("exactly 1 update_mask field must be specified per
 * update request", hashicorp/terraform-provider-google#20101, reproduced by the maintainers on a labels change; "The
 * MemorystoreInstance API does not allow updating more than 1 field at a time", GoogleCloudPlatform/k8s-config-connector
 * #7582), node_type only with engine_configs ("only engine_configs supported along with node_type update",
 * hashicorp/terraform-provider-google#29428, google 7.46.1). The provider still sends one PATCH in 8.0.0: a change that
 * sent one PATCH per field (GoogleCloudPlatform/magic-modules#17166, terraform-provider-google d10be93028) was undone by
 * the next generated commit (d13446d864) before any release. A move between Hobbyist and Startup (node type, backups,
 * labels) or Business and Premium (node type, replicas, backups, labels) therefore fails as one update: the construct
 * stops it at plan time (its record of the plan, staged-change.ts) and `planChange` applies it one update per deploy.
 * Every other row changes one field, or node_type with engine_configs; two rows in one deploy (memory and tags, say),
 * a `planChange` step taken out of order, and a downgrade are stopped at plan by comparing the configuration with the
 * running instance, which the instance data source reads at plan (running-instance.ts).
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
      + 'specified per update request", hashicorp/terraform-provider-google#20101; GoogleCloudPlatform/k8s-config-connector#7582), node_type '
      + 'only with engine_configs ("only engine_configs supported along with node_type update", #29428). A move between plans that '
      + 'changes several is stopped at plan time: a terraform_data records the plan when the instance is created and at each declared '
      + 'step, keeping it otherwise (ignore_changes), and a precondition compares it with the configured one. Any other change of two or more of these fields in one deploy (memory and tags, '
      + 'backup hour and maintenance window, deletion protection and tags), and a planChange step skipped or out of order, is stopped at '
      + 'plan too: from the second plan on, the google_memorystore_instance data source reads the running instance, and a precondition '
      + 'counts the fields whose configured value differs from the running one and names them',
    steps: 'set planChange: { from: <the previous plan>, step: 1 } on RedisBackend.memorystoreValkey with the new plan and deploy; then '
      + 'step: 2, and so on, one deploy per step (node type with its maxclients, then replicas, then the backup schedule, then labels, '
      + 'each where the plans differ), as the stop names them; then remove planChange. For other props, change one per deploy, in the '
      + 'order the stop names, keeping the others as the instance runs them. Each deploy sends one update; the data stays.',
    stepsProp: 'planChange',
  }],
  updateFacts: 'one PATCH with every changed field in updateMask (resourceMemorystoreInstanceUpdate, resource_memorystore_instance.go:1410-1490 '
    + 'at v6.50.0, unchanged in 8.0.0); the API takes one field per request, node_type only with engine_configs '
    + '(hashicorp/terraform-provider-google#20101, #29428; GoogleCloudPlatform/k8s-config-connector#7582)',
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
        + 'stopped at plan, and restoreFromBackup creates the new one from a backup. Between Hobbyist and Startup (node type, backups, '
        + 'labels: 3 steps), and between Business and Premium (node type, replicas, backups, labels: 4 steps), the fields would go in one '
        + 'PATCH, which the API refuses (one field per request): stopped at plan, and planChange applies them one update per deploy. '
        + 'Deletion protection follows the plan\'s',
      exceptions: [
        ...bothWays(ServicePlan.HOBBYIST, ServicePlan.STARTUP, ChangeEffect.STEPPED, [NODE_TYPE, ['automated_backup_config'], ['labels']]),
        ...bothWays(ServicePlan.BUSINESS, ServicePlan.PREMIUM, ChangeEffect.STEPPED, [NODE_TYPE, ['replica_count'], ['automated_backup_config'], ['labels']]),
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
      note: 'Memorystore refuses it (an upgraded instance cannot go back to an older version), and the provider would plan the update: '
        + 'stopped at plan, comparing with the version the instance runs (read at plan)',
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
  propRules: [
    {
      prop: 'project',
      effect: ChangeEffect.REPLACES,
      attributes: ['project', 'desired_auto_created_endpoints'],
      note: 'another project (and the network\'s path, which names it) forces a new instance: stopped at plan; as for another '
        + 'region, export the RDB files to Cloud Storage and import them at creation (gcs_source, through an override)',
    },
    {
      prop: 'network',
      effect: ChangeEffect.REPLACES,
      attributes: ['desired_auto_created_endpoints'],
      note: 'another VPC network (desired_auto_created_endpoints, where the instance\'s endpoint is created) forces a new '
        + 'instance: stopped at plan; restoreFromBackup creates the new one from a backup you take first (keep the backup '
        + 'until the new instance serves the data)',
      carried: true,
    },
    {
      prop: 'kmsKey',
      effect: ChangeEffect.REPLACES,
      attributes: ['kms_key'],
      note: 'another key, or a key where there was none (kms_key), forces a new instance: stopped at plan; restoreFromBackup '
        + 'creates the new one from a backup you take first (keep the backup until the new instance serves the data)',
      carried: true,
    },
  ],
};
