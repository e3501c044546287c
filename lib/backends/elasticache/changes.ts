import { ELASTICACHE_ACCESS } from './access';
import { ChangeEffect, ChangeTable, DataStoreChange, isOlderVersion } from '../../plan';

/**
 * How ElastiCache data stores take changes. Force-new facts: terraform-provider-aws v6.25.0,
 * `internal/service/elasticache/replication_group.go` (`ForceNew` on replication_group_id, port,
 * at_rest_encryption_enabled, kms_key_id, subnet_group_name, data_tiering_enabled, network_type,
 * snapshot_arns, snapshot_name; `customizeDiffEngineVersionForceNewOnDowngrade` and
 * `customizeDiffEngineForceNewOnDowngrade` for engine_version and engine), and the resource-level `region`
 * argument of provider 6, which moves a resource by replacing it.
 *
 * What waits: the provider sends `apply_immediately` with every ModifyReplicationGroup, and with false ElastiCache
 * leaves changes to the nodes (node type, engine version, parameter group) to the maintenance window, while
 * replica count changes are always made at once (the provider's IncreaseReplicaCount and DecreaseReplicaCount
 * calls send ApplyImmediately true, `increaseReplicationGroupReplicaCount`). The library sets it from
 * `applyImmediately`, true unless the user says otherwise.
 *
 * Engine moves: `customizeDiffEngineForceNewOnDowngrade` (engine_version.go) forces a new replication group
 * for every engine change but Redis OSS to Valkey, which Update makes in place only together with a change of
 * `engine_version` ("must explicitly set 'engine_version' attribute ... when updating engine to 'valkey'");
 * the library changes both, as every Valkey version (7.2 and later) differs from the Redis OSS versions
 * ElastiCache offers with RBAC and required TLS (7.0 and 7.1). The RBAC user's `engine` updates in place
 * (user.go: no ForceNew, Update sends Engine on HasChange). The user group's `engine` at 6.25 is unverified:
 * before Valkey support (PR #40764) it was ForceNew with only "REDIS" allowed (user_group.go).
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
      note: 'replicas are added or removed and the node type is scaled online; Business and Premium turn deletion protection on. '
        + 'With applyImmediately false, the node type waits for the maintenance window (replicas do not)',
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['node_type'],
      note: 'online vertical scaling to the new node type; with applyImmediately false, it waits for the maintenance window',
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
      attributes: ['engine', 'engine_version', 'parameter_group_name'],
      note: 'a newer version, or Redis OSS to Valkey with a newer version, upgrades in place, moving to the new family\'s default '
        + 'parameter group in the same request; with applyImmediately false, it waits for the maintenance window. The RBAC user\'s '
        + 'engine changes in place; whether the user group\'s engine does with AWS provider 6.25 is unverified (before Valkey '
        + 'support it forced a new user group)',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.REPLACES,
      attributes: ['engine', 'engine_version', 'parameter_group_name'],
      note: 'an older version, or Valkey to Redis OSS, replaces the replication group; the old one leaves its final snapshot, under a name of its own',
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
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'nothing to switch: ElastiCache has no append-only file for Valkey or Redis OSS 7, so the library writes no persistence setting; snapshots stay daily and standbys replicate every write',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${ELASTICACHE_ACCESS.rotation.detail}`,
    },
  ],
};
