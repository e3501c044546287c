import { DIGITALOCEAN_VALKEY_ACCESS } from './access';
import { ChangeEffect, ChangeTable, DataStoreChange } from '../../plan';

/**
 * How Managed Valkey data stores take changes. Force-new facts: terraform-provider-digitalocean v2.71.0,
 * `digitalocean/database/resource_database_cluster.go` (`ForceNew` on name, engine, private_network_uuid and
 * project_id; size and node_count through the Resize API and region through the Migrate API, each awaited until
 * the cluster is online again (:412-466); version through UpgradeMajorVersion, not awaited (:506-512); a
 * `DiffSuppressFunc` on version that ignores a configured version lower than the cluster's for caching engines
 * (:71-78)). None of these waits for the maintenance window: the provider has no such setting for clusters.
 *
 * What one update contains: size and node_count in one Resize call, region in a Migrate call, version in an
 * UpgradeMajorVersion call, each its own request; no rule found refuses a combination.
 *
 * Create-time restore: none for Valkey. digitalocean_database_cluster has `backup_restore` (read only by Create), but
 * Managed Valkey keeps no backups ("Valkey clusters do not support ... Backups and point-in-time recovery",
 * DigitalOcean's limits page), so there is nothing to restore from.
 */
export const DIGITALOCEAN_VALKEY_CHANGES: ChangeTable = {
  source: 'terraform-provider-digitalocean v2.71.0 digitalocean/database/resource_database_cluster.go',
  primaryType: 'digitalocean_database_cluster',
  forceNew: ['name', 'engine', 'private_network_uuid', 'project_id'],
  forceNewWhen: {},
  updateFacts: 'size and node_count in one Resize call, region in a Migrate call, version in an UpgradeMajorVersion call, each awaited but the '
    + 'upgrade; no rule found refuses a combination',
  carry: {
    steps: 'Managed Valkey keeps no backups, so nothing restores at creation: copy the keys yourself (read them from the old cluster with '
      + 'DUMP before the apply, write them into the new one with RESTORE after it), or let your application refill it; then apply.',
    source: 'terraform-provider-digitalocean v2.71.0 digitalocean/database/resource_database_cluster.go: backup_restore; DigitalOcean Managed Valkey limits: no backups',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['size', 'node_count', 'tags', 'lifecycle'],
      note: 'the cluster is resized and the standby added or removed online; Business turns deletion protection on; Premium is refused',
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['size'],
      note: 'the cluster is resized online to the new size slug',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['region'],
      note: 'DigitalOcean migrates the cluster, with its data, to the new region',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['version'],
      note: 'a newer major version upgrades the cluster in place, started at once; the provider does not wait for the upgrade, so apply returns while it runs and a plan made before it ends may show the version change again',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['version'],
      note: 'the provider suppresses a configured version lower than the cluster\'s, so the plan shows no change and the cluster keeps running its version',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['name'],
      note: 'the cluster name is its identity; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'only the database firewall changes; removing the list deletes the firewall, which empties its rules and so opens the cluster to every source',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'nothing changes: Managed Valkey keeps Lua off either way, only the conformance report differs',
    },
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'persistence and frequent_snapshots live on digitalocean_database_valkey_config, which updates them in place (only cluster_id forces a new configuration); the cluster is untouched',
    },
    {
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['eviction_policy'],
      note: 'SetEvictionPolicy on the running cluster (resource_database_cluster.go Update)',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${DIGITALOCEAN_VALKEY_ACCESS.rotation.detail}`,
    },
  ],
  propRules: [
    {
      prop: 'project',
      effect: ChangeEffect.REPLACES,
      attributes: ['project_id'],
      note: 'another DigitalOcean project (project_id) forces a new cluster: stopped at plan; copy the keys as the steps below say',
    },
    {
      prop: 'network',
      effect: ChangeEffect.REPLACES,
      attributes: ['private_network_uuid'],
      note: 'another VPC (private_network_uuid) forces a new cluster: stopped at plan; copy the keys as the steps below say',
    },
  ],
};
