import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ChoreoRedis, ChoreoRedisProps, ElastiCacheBackendProps, ElastiCacheEngineVersion, RedisBackend, ServicePlan } from '../../../index';
import { RESTRICTED_COMMANDS } from '../../../plan';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { ELASTICACHE_BLOCKED_COMMANDS } from '../catalog';

const network: ElastiCacheBackendProps = { region: 'eu-west-1', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] };

function awsStack(): TerraformStack {
  return testStack((stack) => {
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RandomProvider(stack, 'random');
  });
}

function render(props: Partial<ChoreoRedisProps> & { backendProps?: Partial<ElastiCacheBackendProps> } = {}) {
  const stack = awsStack();
  const { backendProps, ...rest } = props;
  const redis = new ChoreoRedis(stack, 'Cache', {
    plan: ServicePlan.BUSINESS,
    backend: RedisBackend.elastiCache({ ...network, ...backendProps }),
    ...rest,
  });
  return { stack, redis, synth: Testing.synth(stack) };
}

describe('ElastiCache renderer', () => {
  test.each([
    [ServicePlan.HOBBYIST, 1, false, 1, 'cache.t4g.small'],
    [ServicePlan.STARTUP, 1, false, 1, 'cache.t4g.medium'],
    [ServicePlan.BUSINESS, 2, true, 3, 'cache.m7g.large'],
    [ServicePlan.PREMIUM, 3, true, 13, 'cache.m7g.xlarge'],
  ])('%s: %d node(s), failover %s, %d day(s) of snapshots on %s', (plan, nodes, failover, retention, nodeType) => {
    const { synth } = render({ plan });
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      num_cache_clusters: nodes,
      automatic_failover_enabled: failover,
      multi_az_enabled: failover,
      snapshot_retention_limit: retention,
      node_type: nodeType,
      engine: 'valkey',
      engine_version: '8.0',
      transit_encryption_enabled: true,
      transit_encryption_mode: 'required',
      at_rest_encryption_enabled: 'true',
      region: 'eu-west-1',
    });
  });

  test('uses RBAC: a generated password for a user named "default" in the group attached to the replication group', () => {
    const { stack } = render();
    const [user] = Object.values(resourcesOf(stack, 'aws_elasticache_user'));
    const [group] = Object.values(resourcesOf(stack, 'aws_elasticache_user_group'));
    const [replicationGroup] = Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'));
    const [password] = Object.values(resourcesOf(stack, 'random_password'));
    expect(user).toMatchObject({ user_name: 'default', engine: 'valkey', authentication_mode: { type: 'password' } });
    expect(user.authentication_mode.passwords).toEqual([expect.stringMatching(/^\$\{random_password\.Cache_Password_[0-9A-F]+\.result\}$/)]);
    expect(group.user_ids).toEqual([expect.stringContaining('aws_elasticache_user.Cache_DefaultUser')]);
    expect(replicationGroup.user_group_ids).toEqual([expect.stringContaining('aws_elasticache_user_group.Cache_UserGroup')]);
    expect(replicationGroup.auth_token).toBeUndefined();
    expect(password).toMatchObject({ length: 32, special: true });
    expect(password.override_special).not.toMatch(/[@"/ ]/);
  });

  test('denies exactly the restricted commands ElastiCache does not already refuse, in a fixed order', () => {
    const { synth } = render({ luaScripting: true });
    const denied = RESTRICTED_COMMANDS.filter((c) => !ELASTICACHE_BLOCKED_COMMANDS.includes(c));
    expect(denied).toEqual(['cluster', 'command', 'failover', 'role', 'acl', 'lastsave', 'monitor']);
    expect(synth).toHaveResourceWithProperties(ElasticacheUser, {
      access_string: 'on ~* &* +@all -cluster -command -failover -role -acl -lastsave -monitor',
    });
  });

  test('denies the Lua commands too when Lua is off, and never a whole category', () => {
    const { stack } = render({ luaScripting: false });
    const [user] = Object.values(resourcesOf(stack, 'aws_elasticache_user'));
    expect(user.access_string).toBe(
      'on ~* &* +@all -cluster -command -failover -role -acl -lastsave -monitor -eval -eval_ro -evalsha -evalsha_ro -fcall -fcall_ro -function -script');
    expect(user.access_string).not.toMatch(/-@/);
  });

  test('admits 0.0.0.0/0 and ::/0 on the Redis port by default', () => {
    const { stack } = render();
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(rules.map((r) => [r.cidr_ipv4 ?? r.cidr_ipv6, r.from_port, r.to_port, r.ip_protocol]))
      .toEqual([['0.0.0.0/0', 6379, 6379, 'tcp'], ['::/0', 6379, 6379, 'tcp']]);
  });

  test('defines one ingress rule per allowed source, keyed by the source so reordering changes nothing', () => {
    const a = render({ allowedCidrs: ['203.0.113.0/24', '198.51.100.7', '2001:db8::/48'] });
    const b = render({ allowedCidrs: ['2001:db8::/48', '198.51.100.7/32', '203.0.113.0/24', '203.0.113.0/24'] });
    const rulesA = resourcesOf(a.stack, 'aws_vpc_security_group_ingress_rule');
    expect(Object.values(rulesA).map((r) => r.cidr_ipv4 ?? r.cidr_ipv6).sort()).toEqual(['198.51.100.7/32', '2001:db8::/48', '203.0.113.0/24']);
    expect(rulesA).toEqual(resourcesOf(b.stack, 'aws_vpc_security_group_ingress_rule'));
  });

  test('passes a token allow-list entry through as an IPv4 rule', () => {
    const stack = awsStack();
    const office = new TerraformVariable(stack, 'office', { type: 'string' });
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), allowedCidrs: [office.stringValue] });
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).map((r) => r.cidr_ipv4)).toEqual(['${var.office}']);
  });

  test('takes a Redis OSS engine, a KMS key, availability zones and windows', () => {
    const { synth } = render({
      plan: ServicePlan.PREMIUM,
      backendProps: {
        engineVersion: ElastiCacheEngineVersion.REDIS_7_1,
        kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/abc',
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        snapshotWindow: '01:00-02:00',
        maintenanceWindow: 'mon:03:00-mon:04:00',
      },
    });
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      engine: 'redis',
      engine_version: '7.1',
      kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/abc',
      preferred_cache_cluster_azs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      snapshot_window: '01:00-02:00',
      maintenance_window: 'mon:03:00-mon:04:00',
    });
    expect(synth).toHaveResourceWithProperties(ElasticacheUserGroup, { engine: 'redis' });
  });

  test('names every resource after the data store, within ElastiCache\'s rules', () => {
    const { redis, synth } = render({ name: 'Orders-Cache' });
    expect(redis.name).toBe('Orders-Cache');
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, { replication_group_id: 'Orders-Cache' });
    expect(synth).toHaveResourceWithProperties(ElasticacheSubnetGroup, { name: 'orders-cache' });
    expect(synth).toHaveResourceWithProperties(ElasticacheUser, { user_id: 'Orders-Cache-default' });
    expect(synth).toHaveResourceWithProperties(Password, { length: 32 });
  });

  test('warns that the open default reaches only networks routed into the VPC', () => {
    const { redis } = render();
    expect(warningsOf(redis)).toEqual([expect.stringContaining('ElastiCache (aws) cannot keep the business plan\'s promise "open by default, restrictable to IPs/CIDRs"')]);
    expect(warningsOf(render({ allowedCidrs: ['10.0.0.0/8'] }).redis)).toEqual([]);
  });

  test('reports the connection limit as a gap only above ElastiCache\'s fixed 65,000 per node', () => {
    expect(warningsOf(render({ allowedCidrs: ['10.0.0.0/8'], memoryGib: 13 }).redis)).toEqual([]);
    expect(warningsOf(render({ allowedCidrs: ['10.0.0.0/8'], memoryGib: 26 }).redis))
      .toEqual([expect.stringContaining('maxclients is fixed per node at 65000, below the promised 106660')]);
  });

  test('names the backends that keep a promise ElastiCache falls short of, from their definitions', () => {
    expect(warningsOf(render().redis)).toEqual([expect.stringMatching(/Fix: route clients into the VPC; or choose a backend that keeps this promise: RedisBackend\.digitalOceanValkey\(\)\.$/)]);
  });

  test('warns when the allow-list holds public addresses, which reach the VPC only when routed into it', () => {
    const warnings = warningsOf(render({ allowedCidrs: ['10.0.0.0/8', '203.0.113.7', '198.51.100.0/24'] }).redis);
    expect(warnings).toEqual([expect.stringContaining('[PublicSourceOnPrivateNetwork] allowedCidrs lists public internet address space (198.51.100.0/24, 203.0.113.7/32), but the data store is reachable only from the VPC')]);
    expect(warningsOf(render({ allowedCidrs: ['10.0.0.0/8', '172.16.0.0/12', '100.64.0.0/10'] }).redis)).toEqual([]);
  });
});

describe('ElastiCache validation', () => {
  test.each<[string, Partial<ElastiCacheBackendProps>, RegExp]>([
    ['a region outside the US and EU', { region: 'ap-south-1' }, /\[UnsupportedRegion\] RedisBackend.elastiCache\(\{ region \}\) "ap-south-1" is not a US or EU region of aws/],
    ['London, outside the EU', { region: 'eu-west-2' }, /"eu-west-2" is in Europe but outside the European Union/],
    ['a missing VPC', { vpcId: '' }, /\[MissingNetwork\] vpcId is missing/],
    ['missing subnets', { subnetIds: [] }, /\[MissingNetwork\] subnetIds is missing or empty/],
    ['fewer subnets than nodes', { subnetIds: ['subnet-a'] }, /\[NotEnoughSubnets\] subnetIds has 1 distinct subnet\(s\), but the plan's 2 nodes go in 2 availability zones/],
    ['a zone of another region', { availabilityZones: ['us-east-1a', 'eu-west-1b'] }, /\[InvalidAvailabilityZone\] availabilityZones\[0\] "us-east-1a" is not a zone of eu-west-1/],
    ['fewer zones than nodes', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, /\[NotEnoughAvailabilityZones\] availabilityZones lists 1 distinct zone/],
    ['an old Redis engine', { engineVersion: ElastiCacheEngineVersion.redis('6.2') }, /\[InvalidEngineVersion\] engineVersion redis "6.2" is not supported/],
    ['a malformed Valkey version', { engineVersion: ElastiCacheEngineVersion.valkey('8') }, /\[InvalidEngineVersion\] engineVersion valkey "8"/],
    ['a malformed snapshot window', { snapshotWindow: '3:00-4:00' }, /\[InvalidWindow\] snapshotWindow "3:00-4:00" is not a daily window/],
    ['a short maintenance window', { maintenanceWindow: 'sun:05:00-sun:05:30' }, /\[InvalidWindow\] maintenanceWindow "sun:05:00-sun:05:30" lasts 30 minutes/],
    ['overlapping windows', { snapshotWindow: '05:30-06:30', maintenanceWindow: 'sun:05:00-sun:06:00' }, /\[OverlappingWindows\]/],
    ['windows overlapping across midnight', { snapshotWindow: '23:30-00:30', maintenanceWindow: 'mon:00:00-mon:01:00' }, /\[OverlappingWindows\]/],
  ])('fails on %s', (_, backendProps, message) => {
    expect(() => render({ backendProps })).toThrow(message);
  });

  test.each<[string, Partial<ChoreoRedisProps>, RegExp]>([
    ['a name too long', { name: 'a'.repeat(41) }, /\[InvalidName\] name "a{41}" is not a valid name here: it has 41 characters, 1 too many\. ElastiCache replication group IDs allow /],
    ['a name with two hyphens in a row', { name: 'orders--cache' }, /\[InvalidName\] name "orders--cache"/],
    ['a name starting with a digit', { name: '1cache' }, /\[InvalidName\]/],
    ['a memory size no node type fits', { memoryGib: 500 }, /\[NoSizeFits\] memoryGib 500 is more than any of the ElastiCache node types offers; the largest is cache.r7g.16xlarge with 419.09 GiB/],
  ])('fails on %s', (_, props, message) => {
    expect(() => render(props)).toThrow(message);
  });

  test('fails on two data stores that would share a replication group ID in one stack', () => {
    const stack = awsStack();
    new ChoreoRedis(stack, 'A', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), name: 'orders' });
    expect(() => new ChoreoRedis(stack, 'B', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), name: 'Orders' }))
      .toThrow('[NameCollision] name "Orders" of test/B is already used by test/A for ElastiCache in eu-west-1');
  });

  test('accepts a window that touches but does not overlap', () => {
    expect(() => render({ backendProps: { snapshotWindow: '04:00-05:00', maintenanceWindow: 'sun:05:00-sun:06:00' } })).not.toThrow();
  });
});
