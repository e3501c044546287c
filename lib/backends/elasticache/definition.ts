import { ELASTICACHE_ACCESS } from './access';
import { ELASTICACHE_ADOPTION_CONSEQUENCES, ELASTICACHE_ADOPTION_RULE, elastiCacheAdoption } from './adopt';
import { ELASTICACHE_ALERTS } from './alert-plan';
import { ELASTICACHE_CHANGES } from './changes';
import { ElastiCacheSettings, planElastiCache } from './plan';
import { ElastiCacheProps, ElastiCacheEngineVersion, ElastiCacheAdoption } from './props';
import { AWS_REGIONS } from './regions';
import { ELASTICACHE_PROP_RULES } from './validation';
import { Cloud, MAINTENANCE_WINDOW_TYPE, ProductPromise, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, UniqueName, plannedExpectations } from '../definition';

/** How a name derived from the data store's name is kept unique: the same for every ID in one account and region. */
const BY_NAME = 'derived from the data store\'s name, which ChoreoRedis refuses to repeat in one region within an app; a name derived from the construct path carries its hash';

/** ElastiCache: its identity, validation and planning, without any provider binding. */
export const ELASTICACHE: BackendDefinition<ElastiCacheProps, ElastiCacheSettings> = {
  id: 'elasticache',
  factory: 'elastiCache',
  cloud: Cloud.AWS,
  service: 'ElastiCache',
  changes: ELASTICACHE_CHANGES,
  regions: AWS_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' },
  enforcesWhenAsked: ['allow-list', 'allow-list-ipv6', 'lua-off', 'lua-on'],
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.STABLE_ENDPOINT,
    ProductPromise.RESTRICTED_COMMANDS, ProductPromise.LUA_SCRIPTING, ProductPromise.REGION, ProductPromise.ZONE_REDUNDANCY,
    ProductPromise.EVICTION_POLICY,
  ],
  lifecycle: {
    destroyDeletes: [
      'the replication group, with its automatic snapshots',
      'the RBAC user and user group',
      'the subnet group',
      'the security group and its ingress rules',
      'the generated password and the final snapshot\'s random suffix',
    ],
    destroyLeaves: [
      'the final snapshot `<name>-final-<8 hex digits>` ElastiCache takes as it deletes the replication group: kept deliberately, '
        + 'encrypted and billed until you delete it; its random suffix is new for each replication group, so a re-created data '
        + 'store can be destroyed again',
    ],
    uniqueNames: [
      ...['replication group ID (the name)', 'user ID `<name>-default`', 'user group ID (the name)', 'subnet group name (the name)']
        .map((name): UniqueName => ({ name, scope: 'account and region', how: BY_NAME })),
      { name: 'security group name (the name)', scope: 'VPC', how: BY_NAME },
      { name: 'final snapshot name', scope: 'account and region', how: 'the name with a random suffix, new for each replication group' },
    ],
    removal: 'Terraform deletes the replication group whatever the plan: ElastiCache has no deletion protection '
      + '(aws_elasticache_replication_group in provider 6.25 has no such argument). ElastiCache takes the final snapshot as it deletes the '
      + 'group, and it is kept, so restoreFromSnapshot brings the data back into a new data store',
    tokenCidrs: 'Terraform functions make each token entry a canonical block (an address gains /32 or /128, host bits are '
      + 'cleared) and put it in cidr_ipv4 or, for IPv6, cidr_ipv6',
  },
  alerts: ELASTICACHE_ALERTS,
  access: ELASTICACHE_ACCESS,
  propTypes: {
    region: required('string', { code: 'MissingRegion', fix: 'the AWS region, such as "eu-west-1"' }),
    network: required('string', { code: 'MissingNetwork', fix: 'the ID of the VPC ElastiCache runs in, such as "vpc-0123456789abcdef0"' }),
    subnetIds: required('string-list', { code: 'MissingSubnets', fix: 'subnets of the VPC for the subnet group, one per zone, such as ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]' }),
    availabilityZones: 'string-list',
    engineVersion: { isInstance: (v) => v instanceof ElastiCacheEngineVersion, name: 'ElastiCacheEngineVersion', example: 'ElastiCacheEngineVersion.VALKEY_8_0' },
    kmsKey: 'string',
    backupHour: 'number',
    snapshotWindow: 'string',
    // The typed window, or the old string form (accepted with a warning until release 0.2.0).
    maintenanceWindow: { oneOf: [MAINTENANCE_WINDOW_TYPE, 'string'] },
    applyImmediately: 'boolean',
    restoreFromSnapshot: 'string',
    adopt: shapeOf<ElastiCacheAdoption>({ replicationGroupId: required('string'), subnetGroupName: required('string') }, 'ElastiCacheAdoption'),
  },
  regionOf: (props) => props.region,
  validate: (props, isUnresolved, skipped) =>
    checkRules([...ELASTICACHE_PROP_RULES, ELASTICACHE_ADOPTION_RULE], props, isUnresolved, skipped),
  adoptionOf: elastiCacheAdoption,
  adoptionConsequences: ELASTICACHE_ADOPTION_CONSEQUENCES,
  plan: planElastiCache,
  verifierExpectations: plannedExpectations(planElastiCache, { region: 'eu-west-1', network: 'vpc-00000000', subnetIds: ['subnet-0000000a', 'subnet-0000000b', 'subnet-0000000c'] }),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderElastiCache,
};
