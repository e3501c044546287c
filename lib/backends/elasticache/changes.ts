import { Fn, Op } from 'cdktf';
import { ELASTICACHE_ACCESS } from './access';
import { ChangeEffect, ChangeTable, DataStoreChange, isOlderVersion } from '../../plan';
import { versionNumber as majorMinorNumber } from '../version-number';

/** A `<major>.<minor>` version as one number in Terraform: major x 1000 + minor. */
const versionNumber = (version: unknown) => majorMinorNumber(Fn.split('.', version as string));

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
 *
 * What one update contains: Update (replication_group.go, resourceReplicationGroupUpdate) orders its calls: replica
 * count increases (IncreaseReplicaCount, waiting for the member clusters), then one ModifyReplicationGroup with every
 * other changed setting (failover, Multi-AZ, node type, engine, parameter group, snapshot retention), then replica count
 * decreases. That order is what the API needs: it enables failover only with a replica (CloudFormation's coverage
 * roadmap #383) and removes the last replica only with Multi-AZ off (hashicorp/terraform-provider-aws#34819), so
 * Startup to Business adds the replica before failover goes on, and Business to Startup turns failover and Multi-AZ
 * off before the replica goes; no rule found refuses the settings the library changes together in ModifyReplicationGroup.
 *
 * Create-time restore: `snapshot_name` (ForceNew, replication_group.go) creates the replication group from an
 * ElastiCache snapshot: `restoreFromSnapshot`.
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
  updateFacts: 'the provider adds replicas first, then sends one ModifyReplicationGroup with the other changed settings, then removes '
    + 'replicas (resourceReplicationGroupUpdate): the order the API needs, as it enables failover only with a replica ("Replication group '
    + 'must have at least one read replica to enable autofailover", aws-cloudformation/cloudformation-coverage-roadmap#383) and removes the last '
    + 'replica only with Multi-AZ off ("Must have at least 1 replica for Multi-AZ enabled Replication Group", hashicorp/terraform-provider-aws'
    + '#34819), so Startup to Business and back apply in place; no rule found refuses the settings the library changes together',
  versionGuard: {
    attributes: ['engine', 'engine_version'],
    // customizeDiffEngineForceNewOnDowngrade and customizeDiffEngineVersionForceNewOnDowngrade, as `forceNewWhen` says.
    replaces: (recorded, configured) => Fn.try([Op.or(
      Op.and(Op.eq(recorded('engine'), 'valkey'), Op.eq(configured('engine'), 'redis')),
      Op.lt(versionNumber(configured('engine_version')), versionNumber(recorded('engine_version'))),
    ), false]),
  },
  carry: {
    restoreProp: 'restoreFromSnapshot',
    // snapshot_arns seeds from RDB files in S3 (another region's export), set through an override.
    restoreAttributes: ['snapshot_name', 'snapshot_arns'],
    restoreCannotCarry: [DataStoreChange.REGION],
    steps: 'stop writes, take a snapshot (aws elasticache create-snapshot --replication-group-id <name> --snapshot-name <snapshot>), '
      + 'and set restoreFromSnapshot: "<snapshot>" on the backend, so that the new replication group is created from it.',
    source: 'terraform-provider-aws v6.25.0 internal/service/elasticache/replication_group.go: snapshot_name (ForceNew), sent as SnapshotName in CreateReplicationGroup',
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
      note: 'a new replication group in the new region: stopped at plan; a snapshot restores only in its own region, so copy it there first (aws elasticache copy-snapshot --target-bucket, then seed from S3)',
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
      note: 'an older version, or Valkey to Redis OSS, replaces the replication group: stopped at plan when it goes below the engine and version '
        + 'the replication group was created with or the ones it runs now (read at plan from a member cluster, so a move back after an in-place '
        + 'upgrade is stopped too); an accepted replacement still leaves the old group\'s final snapshot, under a name of its own',
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
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'the parameter group\'s maxmemory-policy changes in place (ModifyCacheParameterGroup, a parameter applied to the running nodes); the replication group is untouched',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${ELASTICACHE_ACCESS.rotation.detail}`,
    },
  ],
  propRules: [
    {
      prop: 'kmsKey',
      effect: ChangeEffect.REPLACES,
      attributes: ['kms_key_id'],
      note: 'kms_key_id forces a new replication group (ElastiCache cannot re-encrypt one): stopped at plan; a snapshot restores into the '
        + 'new group, encrypted with the new key (CreateReplicationGroup takes KmsKeyId with SnapshotName)',
      carried: true,
    },
    {
      prop: 'subnetIds',
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'the subnet group keeps its name (the replication group\'s subnet_group_name, which forces a new group) and its subnet_ids '
        + 'change in place (ModifyCacheSubnetGroup); the replication group is untouched. Moving to another subnet group, as a change of '
        + '`name` or of `adopt.subnetGroupName` would, replaces it',
    },
  ],
};
