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
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.REPLACES,
      attributes: ['node_type', 'replica_count', 'zone_distribution_config', 'automated_backup_config', 'engine_configs', 'labels',
        'deletion_protection_enabled', 'lifecycle'],
      note: 'zone_distribution_config (single zone for Hobbyist and Startup, multi-zone for Business and Premium) forces a new instance: '
        + 'restore a backup into the new one. Hobbyist and Startup, and Business and Premium, change node type, replicas and backups in place. '
        + 'Deletion protection follows the plan\'s',
      exceptions: [
        ...bothWays(ServicePlan.HOBBYIST, ServicePlan.STARTUP, ChangeEffect.IN_PLACE),
        ...bothWays(ServicePlan.BUSINESS, ServicePlan.PREMIUM, ChangeEffect.IN_PLACE),
      ],
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['node_type', 'engine_configs'],
      note: 'Memorystore scales to the new node type in place; maxclients follows it',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.REPLACES,
      attributes: ['location'],
      note: 'a new instance in the new region; restore a backup into it',
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
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${MEMORYSTORE_VALKEY_ACCESS.rotation.detail}`,
    },
  ],
};
