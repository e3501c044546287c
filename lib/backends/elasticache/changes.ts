import { ChangeEffect, ChangeTable, DataStoreChange, isOlderVersion } from '../../plan';

/**
 * How ElastiCache data stores take changes. Force-new facts: terraform-provider-aws v6.25.0,
 * `internal/service/elasticache/replication_group.go` (`ForceNew` on replication_group_id, port,
 * at_rest_encryption_enabled, kms_key_id, subnet_group_name, data_tiering_enabled, network_type,
 * snapshot_arns, snapshot_name; `customizeDiffEngineVersionForceNewOnDowngrade` and
 * `customizeDiffEngineForceNewOnDowngrade` for engine_version and engine), and the resource-level `region`
 * argument of provider 6, which moves a resource by replacing it.
 */
export const ELASTICACHE_CHANGES: ChangeTable = {
  source: 'terraform-provider-aws v6.25.0 internal/service/elasticache/replication_group.go',
  primaryType: 'aws_elasticache_replication_group',
  forceNew: [
    'replication_group_id', 'port', 'at_rest_encryption_enabled', 'kms_key_id', 'subnet_group_name',
    'data_tiering_enabled', 'network_type', 'snapshot_arns', 'snapshot_name', 'region',
  ],
  forceNewWhen: {
    engine_version: isOlderVersion,
    engine: (before, after) => before === 'valkey' && after === 'redis',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['node_type', 'num_cache_clusters', 'automatic_failover_enabled', 'multi_az_enabled', 'snapshot_retention_limit',
        'description', 'tags', 'lifecycle'],
      note: 'replicas are added or removed and the node type is scaled online; Business and Premium turn deletion protection on',
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['node_type'],
      note: 'online vertical scaling to the new node type',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.REPLACES,
      attributes: ['region'],
      note: 'a new replication group in the new region; restore it from a snapshot copied there',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['engine', 'engine_version'],
      note: 'a newer version, or Redis OSS to Valkey, upgrades in place',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.REPLACES,
      attributes: ['engine', 'engine_version'],
      note: 'an older version, or Valkey to Redis OSS, replaces the replication group',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['replication_group_id', 'subnet_group_name', 'final_snapshot_identifier'],
      note: 'the replication group ID is its identity; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'only security group rules change',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'only the user\'s access string changes',
    },
  ],
};
