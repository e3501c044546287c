/**
 * ElastiCache written by hand: the resources `RedisBackend.elastiCache` defines for the `aws` matrix cloud.
 */
import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Id } from '@cdktf/provider-random/lib/id';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Baseline, MatrixVariant, evictionPolicyOf, verifyOf } from '../../../../bench/baselines/baseline';
import { guardReplacement } from '../../replacement-guard';
import { ELASTICACHE_CHANGES } from '../changes';
import { elastiCacheRunningVersion } from '../running-version';

const REGION = 'eu-west-1';
const PORT = 6379;
const DENY = '-cluster -command -failover -role -acl -lastsave -monitor';
const DENY_LUA = '-eval -eval_ro -evalsha -evalsha_ro -fcall -fcall_ro -function -script';

interface Variant {
  readonly plan: string;
  readonly nodeType: string;
  readonly nodes: number;
  readonly retentionDays: number;
  readonly accessString: string;
  readonly sources: ReadonlyArray<{ id: string; cidr: string; ipv6?: boolean }>;
}

const OPEN = [{ id: 'Ingress-0_0_0_0_0', cidr: '0.0.0.0/0' }, { id: 'Ingress-_0', cidr: '::/0', ipv6: true }];
const ALL_COMMANDS = `on ~* &* +@all ${DENY}`;

const VARIANTS: Record<MatrixVariant, Variant> = {
  hobbyist: { plan: 'hobbyist', nodeType: 'cache.t4g.small', nodes: 1, retentionDays: 1, accessString: ALL_COMMANDS, sources: OPEN },
  startup: { plan: 'startup', nodeType: 'cache.t4g.medium', nodes: 1, retentionDays: 1, accessString: ALL_COMMANDS, sources: OPEN },
  business: { plan: 'business', nodeType: 'cache.m7g.large', nodes: 2, retentionDays: 3, accessString: ALL_COMMANDS, sources: OPEN },
  premium: { plan: 'premium', nodeType: 'cache.m7g.xlarge', nodes: 3, retentionDays: 13, accessString: ALL_COMMANDS, sources: OPEN },
  restricted: {
    plan: 'business',
    nodeType: 'cache.m7g.large',
    nodes: 2,
    retentionDays: 3,
    accessString: `${ALL_COMMANDS} ${DENY_LUA}`,
    sources: [{ id: 'Ingress-203_0_113_0_24', cidr: '203.0.113.0/24' }, { id: 'Ingress-198_51_100_7_32', cidr: '198.51.100.7/32' }],
  },
};

export const baseline: Baseline = {
  cloud: 'aws',
  variants: ['hobbyist', 'startup', 'business', 'premium', 'restricted'],
  configure(stack) {
    new AwsProvider(stack, 'aws', { region: REGION });
    new RandomProvider(stack, 'random');
  },
  define(scope, variant, name) {
    const v = VARIANTS[variant];
    const tags = { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': v.plan };
    const password = new Password(scope, 'Password', {
      length: 32, special: true, overrideSpecial: '!#$%&*()-_=+[]{}<>:?', minLower: 1, minUpper: 1, minNumeric: 1,
    });
    const user = new ElasticacheUser(scope, 'DefaultUser', {
      region: REGION,
      userId: `${name}-default`,
      userName: 'default',
      engine: 'valkey',
      accessString: v.accessString,
      authenticationMode: { type: 'password', passwords: [password.result] },
      tags,
    });
    const userGroup = new ElasticacheUserGroup(scope, 'UserGroup', {
      region: REGION, userGroupId: name, engine: 'valkey', userIds: [user.userId], tags,
    });
    const subnetGroup = new ElasticacheSubnetGroup(scope, 'SubnetGroup', {
      region: REGION,
      name,
      description: `Subnets of the ${v.plan} Redis data store ${name}`,
      subnetIds: ['subnet-0aaa0aaa', 'subnet-0bbb0bbb', 'subnet-0ccc0ccc'],
      tags,
    });
    const securityGroup = new SecurityGroup(scope, 'SecurityGroup', {
      region: REGION, name, description: `Redis clients of ${name}`, vpcId: 'vpc-0123456789abcdef0', tags,
    });
    for (const source of v.sources) {
      new VpcSecurityGroupIngressRule(scope, source.id, {
        region: REGION,
        securityGroupId: securityGroup.id,
        ipProtocol: 'tcp',
        fromPort: PORT,
        toPort: PORT,
        ...(source.ipv6 ? { cidrIpv6: source.cidr } : { cidrIpv4: source.cidr }),
        description: `Redis clients from ${source.cidr}`,
        tags,
      });
    }
    const snapshotSuffix = new Id(scope, 'FinalSnapshotSuffix', {
      byteLength: 4,
      keepers: {
        replication_group_id: name,
        region: REGION,
        port: String(PORT),
        at_rest_encryption_enabled: 'true',
        subnet_group_name: name,
        engine: 'valkey',
        engine_version: '8.0',
      },
    });
    const parameterGroup = new ElasticacheParameterGroup(scope, 'ParameterGroup', {
      region: REGION,
      name: `${name}-valkey8`,
      family: 'valkey8',
      description: 'Choreo-managed Redis parameters',
      parameter: [{ name: 'maxmemory-policy', value: evictionPolicyOf(variant) }],
      tags,
      lifecycle: { createBeforeDestroy: true },
    });
    const failover = v.nodes > 1;
    const group = new ElasticacheReplicationGroup(scope, 'Resource', {
      region: REGION,
      replicationGroupId: name,
      description: `Choreo-managed Redis, ${v.plan} plan`,
      engine: 'valkey',
      engineVersion: '8.0',
      parameterGroupName: parameterGroup.name,
      nodeType: v.nodeType,
      port: PORT,
      numCacheClusters: v.nodes,
      automaticFailoverEnabled: failover,
      multiAzEnabled: failover,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [securityGroup.id],
      atRestEncryptionEnabled: 'true',
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      userGroupIds: [userGroup.userGroupId],
      snapshotRetentionLimit: v.retentionDays,
      finalSnapshotIdentifier: `${name}-final-${snapshotSuffix.hex}`,
      snapshotWindow: '03:00-04:00',
      maintenanceWindow: 'sun:05:00-sun:06:00',
      autoMinorVersionUpgrade: 'true',
      applyImmediately: true,
      tags,
      lifecycle: failover ? { preventDestroy: true } : undefined,
    });
    guardReplacement(scope, group, ELASTICACHE_CHANGES, { service: 'ElastiCache', running: elastiCacheRunningVersion(name, REGION) });
    const connections: Record<MatrixVariant, number> = { hobbyist: 10000, startup: 12656, business: 26132, premium: 52960, restricted: 26132 };
    return {
      host: group.primaryEndpointAddress,
      port: PORT,
      user: 'default',
      password: password.result,
      verify: verifyOf('elasticache', variant, connections[variant], v.nodes),
    };
  },
};
