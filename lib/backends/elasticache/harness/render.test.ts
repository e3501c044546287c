import { Eip } from '@cdktf/provider-aws/lib/eip';
import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Id } from '@cdktf/provider-random/lib/id';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { asIfFromJavaScript, resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { ChoreoRedis, ChoreoRedisProps, ElastiCacheBackendProps, ElastiCacheEngineVersion, EvictionPolicy, RedisBackend, ServicePlan, Weekday } from '../../../index';
import { ProductPromise, RESTRICTED_COMMANDS, Realization } from '../../../plan';
import { ELASTICACHE_BLOCKED_COMMANDS } from '../catalog';
import { ELASTICACHE } from '../definition';
import { ELASTICACHE_PROP_RULES } from '../validation';

const network: ElastiCacheBackendProps = { region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] };

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

  test('makes a token allow-list entry canonical in Terraform, in cidr_ipv4 or, for IPv6, cidr_ipv6', () => {
    const stack = awsStack();
    const office = new TerraformVariable(stack, 'office', { type: 'string' });
    const nat = new Eip(stack, 'nat', { region: 'eu-west-1' });
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), allowedCidrs: [office.stringValue, nat.publicIp] });
    const rules = resourcesOf(stack, 'aws_vpc_security_group_ingress_rule');
    const canonical = (x: string) => `cidrsubnet(strcontains(${x}, "/") ? ${x} : strcontains(${x}, ":") ? join("", [${x}, "/128"]) : join("", [${x}, "/32"]), 0, 0)`;
    expect(Object.values(rules).map((r) => [r.cidr_ipv4, r.cidr_ipv6, r.description])).toEqual([
      [
        `\${strcontains(var.office, ":") ? null : ${canonical('var.office')}}`,
        `\${strcontains(var.office, ":") ? ${canonical('var.office')} : null}`,
        'Redis clients from a configured source',
      ],
      [
        `\${strcontains(aws_eip.nat.public_ip, ":") ? null : ${canonical('aws_eip.nat.public_ip')}}`,
        `\${strcontains(aws_eip.nat.public_ip, ":") ? ${canonical('aws_eip.nat.public_ip')} : null}`,
        'Redis clients from a configured source',
      ],
    ]);
    expect(Object.keys(rules)).toEqual([expect.stringMatching(/^Cache_IngressToken0_/), expect.stringMatching(/^Cache_IngressToken1_/)]);
  });

  test('names the final snapshot per replication group: the name, "-final-" and a random_id renewed with each force-new input', () => {
    const { stack } = render({ name: 'orders', backendProps: { kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' } });
    const [[suffixId, suffix]] = Object.entries(resourcesOf(stack, 'random_id'));
    expect(suffixId).toMatch(/^Cache_FinalSnapshotSuffix_[0-9A-F]+$/);
    expect(suffix).toEqual({
      byte_length: 4,
      keepers: {
        replication_group_id: 'orders',
        region: 'eu-west-1',
        port: '6379',
        at_rest_encryption_enabled: 'true',
        kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        subnet_group_name: 'orders',
        engine: 'valkey',
        engine_version: '8.0',
      },
    });
    const [group] = Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'));
    expect(group.final_snapshot_identifier).toBe(`orders-final-\${random_id.${suffixId}.hex}`);
    expect(Object.keys(resourcesOf(render().stack, 'random_id'))).toEqual([suffixId]);
  });

  test('leaves the KMS key out of the keepers when ElastiCache\'s own key is used', () => {
    expect(render().synth).toHaveResourceWithProperties(Id, {
      keepers: {
        replication_group_id: 'test-cache-20b7f154',
        region: 'eu-west-1',
        port: '6379',
        at_rest_encryption_enabled: 'true',
        subnet_group_name: 'test-cache-20b7f154',
        engine: 'valkey',
        engine_version: '8.0',
      },
    });
  });

  test.each([
    [ElastiCacheEngineVersion.VALKEY_7_2, 'valkey7'],
    [ElastiCacheEngineVersion.VALKEY_8_0, 'valkey8'],
    [ElastiCacheEngineVersion.VALKEY_8_1, 'valkey8'],
    [ElastiCacheEngineVersion.valkey('9.0'), 'valkey9'],
    [ElastiCacheEngineVersion.REDIS_7_0, 'redis7'],
    [ElastiCacheEngineVersion.REDIS_7_1, 'redis7'],
  ])('gives %o its own parameter group of the engine\'s family %s, named after it, which sets the eviction policy', (engineVersion, family) => {
    const { synth } = render({ backendProps: { engineVersion } });
    expect(synth).toHaveResourceWithProperties(ElasticacheParameterGroup, {
      name: `test-cache-20b7f154-${family}`,
      family,
      parameter: [{ name: 'maxmemory-policy', value: 'noeviction' }],
      lifecycle: { create_before_destroy: true },
    });
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      engine: engineVersion.engine, engine_version: engineVersion.version, parameter_group_name: expect.stringMatching(/^\$\{aws_elasticache_parameter_group\.Cache_ParameterGroup_[0-9A-F]{8}\.name\}$/),
    });
  });

  test('writes the eviction policy chosen', () => {
    expect(render({ evictionPolicy: EvictionPolicy.VOLATILE_TTL }).synth).toHaveResourceWithProperties(ElasticacheParameterGroup, {
      parameter: [{ name: 'maxmemory-policy', value: 'volatile-ttl' }],
    });
  });

  test('names the family in Terraform when the engine version is a token', () => {
    const stack = awsStack();
    const version = new TerraformVariable(stack, 'version', { type: 'string' });
    const engineVersion = ElastiCacheEngineVersion.valkey(version.stringValue);
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache({ ...network, engineVersion }) });
    const [group] = Object.values(resourcesOf(stack, 'aws_elasticache_parameter_group'));
    expect(group.family).toBe('valkey${element(split(".", var.version), 0)}');
  });

  test('applies changes to the nodes immediately unless told to wait for the maintenance window', () => {
    expect(render().synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, { apply_immediately: true });
    expect(render({ backendProps: { applyImmediately: false } }).synth)
      .toHaveResourceWithProperties(ElasticacheReplicationGroup, { apply_immediately: false });
  });

  test('describes what destroy leaves: the final snapshot, named per replication group', () => {
    expect(ELASTICACHE.lifecycle?.destroyLeaves).toEqual([expect.stringContaining('final snapshot `<name>-final-<8 hex digits>`')]);
    expect(ELASTICACHE.lifecycle?.uniqueNames.map((u) => [u.name, u.scope])).toEqual([
      ['replication group ID (the name)', 'account and region'],
      ['user ID `<name>-default`', 'account and region'],
      ['user group ID (the name)', 'account and region'],
      ['subnet group name (the name)', 'account and region'],
      ['security group name (the name)', 'VPC'],
      ['final snapshot name', 'account and region'],
    ]);
  });

  test('takes a Redis OSS engine, a KMS key, availability zones and windows', () => {
    const { synth } = render({
      plan: ServicePlan.PREMIUM,
      backendProps: {
        engineVersion: ElastiCacheEngineVersion.REDIS_7_1,
        kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        backupHour: 1,
        maintenanceWindow: { day: Weekday.MONDAY, hour: 3 },
      },
    });
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      engine: 'redis',
      engine_version: '7.1',
      kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      preferred_cache_cluster_azs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      snapshot_window: '01:00-02:00',
      maintenance_window: 'mon:03:00-mon:04:00',
    });
    expect(synth).toHaveResourceWithProperties(ElasticacheParameterGroup, { family: 'redis7' });
    expect(synth).toHaveResourceWithProperties(ElasticacheUserGroup, { engine: 'redis' });
  });

  test('names every resource after the data store in lower case, the form ElastiCache stores', () => {
    const { redis, stack, synth } = render({ name: 'Orders-Cache' });
    expect(redis.name).toBe('orders-cache');
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, { replication_group_id: 'orders-cache' });
    expect(synth).toHaveResourceWithProperties(ElasticacheSubnetGroup, { name: 'orders-cache' });
    expect(synth).toHaveResourceWithProperties(ElasticacheUser, { user_id: 'orders-cache-default' });
    expect(synth).toHaveResourceWithProperties(ElasticacheUserGroup, { user_group_id: 'orders-cache' });
    expect(synth).toHaveResourceWithProperties(SecurityGroup, { name: 'orders-cache' });
    expect(synth).toHaveResourceWithProperties(Id, { keepers: expect.objectContaining({ replication_group_id: 'orders-cache', subnet_group_name: 'orders-cache' }) });
    expect(Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'))[0].final_snapshot_identifier).toMatch(/^orders-cache-final-\$\{random_id\./);
    expect(synth).toHaveResourceWithProperties(Password, { length: 32 });
  });

  test('lowers a token name in Terraform, and derives the user and user group IDs from the construct path', () => {
    const stack = awsStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), name: name.stringValue });
    const [group] = Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'));
    expect(group.replication_group_id).toBe('${lower(var.name)}');
    expect(group.final_snapshot_identifier).toMatch(/^\$\{lower\(var\.name\)\}-final-\$\{random_id\.Cache_FinalSnapshotSuffix_[0-9A-F]+\.hex\}$/);
    expect(Object.values(resourcesOf(stack, 'aws_security_group'))[0].name).toBe('${lower(var.name)}');
    expect(Object.values(resourcesOf(stack, 'aws_elasticache_subnet_group'))[0].name).toBe('${lower(var.name)}');
    expect(Object.values(resourcesOf(stack, 'aws_elasticache_user'))[0].user_id).toBe('test-cache-20b7f154-default');
    expect(Object.values(resourcesOf(stack, 'aws_elasticache_user_group'))[0].user_group_id).toBe('test-cache-20b7f154');
  });

  test('keeps a name derived from the construct path clear of the "sg-" prefix', () => {
    const stack = awsStack();
    const redis = new ChoreoRedis(new Construct(stack, 'sg'), 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network) });
    expect(redis.name).toMatch(/^sgcache-[0-9a-f]{8}$/);
    expect(Object.values(resourcesOf(stack, 'aws_security_group'))[0].name).toBe(redis.name);
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
    const warnings = warningsOf(render().redis);
    expect(warnings).toEqual([expect.stringMatching(
      /Fix: route clients into the VPC; or choose a backend that keeps this promise: (RedisBackend\.\w+\(\), )*RedisBackend\.digitalOceanValkey\(\)(, RedisBackend\.\w+\(\))*\.$/)]);
    expect(warnings[0]).not.toContain('RedisBackend.elastiCache()');
  });

  test('warns when the allow-list holds public addresses, which reach the VPC only when routed into it', () => {
    const warnings = warningsOf(render({ allowedCidrs: ['10.0.0.0/8', '203.0.113.7', '198.51.100.0/24'] }).redis);
    expect(warnings).toEqual([expect.stringContaining('[PublicSourceOnPrivateNetwork] allowedCidrs lists public internet address space (198.51.100.0/24, 203.0.113.7/32), but the data store is reachable only from the VPC')]);
    expect(warningsOf(render({ allowedCidrs: ['10.0.0.0/8', '172.16.0.0/12', '100.64.0.0/10'] }).redis)).toEqual([]);
  });
});

describe('ElastiCache validation', () => {
  test.each([
    ['a 17-digit VPC and subnet IDs with a key ID', { network: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0', 'subnet-89abcdef'], kmsKey: '1234abcd-12ab-34cd-56ef-1234567890ab' }],
    ['8-digit IDs with a multi-Region key ID', { network: 'vpc-89abcdef', subnetIds: ['subnet-89abcdef'], kmsKey: 'mrk-1234abcd12ab34cd56ef1234567890ab' }],
    ['a key ARN', { kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }],
    ['a GovCloud key ARN', { kmsKey: 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }],
    ['an alias', { kmsKey: 'alias/redis-at-rest' }],
    ['an alias ARN', { kmsKey: 'arn:aws:kms:us-east-1:111122223333:alias/redis_at_rest' }],
    ['tokens', { network: '${aws_vpc.main.id}', subnetIds: ['${aws_subnet.a.id}', 'subnet-0123456789abcdef0'], kmsKey: '${aws_kms_key.k.arn}' }],
  ])('accepts %s', (_, props) => {
    const isUnresolved = (v: unknown) => typeof v === 'string' && v.startsWith('${');
    const all = { region: 'eu-west-1', network: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'], ...props };
    for (const rule of ELASTICACHE_PROP_RULES) expect(() => rule.check(all, isUnresolved)).not.toThrow();
  });

  test.each<[string, Partial<ElastiCacheBackendProps>, RegExp]>([
    ['a region outside the US and EU', { region: 'ap-south-1' }, /\[UnsupportedRegion\] RedisBackend.elastiCache\(\{ region \}\) "ap-south-1" is not a US or EU region of aws/],
    ['London, outside the EU', { region: 'eu-west-2' }, /"eu-west-2" is in Europe but outside the European Union/],
    ['a missing VPC', { network: '' }, /\[MissingNetwork\] network is missing/],
    ['missing subnets', { subnetIds: [] }, /\[MissingSubnets\] subnetIds is missing or empty/],
    ['a VPC that is not a VPC ID', { network: 'vpc-xyz' }, /\[InvalidNetwork\] network "vpc-xyz" is not a VPC ID; a VPC ID is "vpc-" followed by 8 or 17 lower-case hex digits/],
    ['subnets that are not subnet IDs', { subnetIds: ['subnet-xyz', 'subnet-0123456789abcdef0', 'subnet-abc'] },
      /\[InvalidSubnet\] subnetIds\[0\] "subnet-xyz", subnetIds\[2\] "subnet-abc" are not subnet IDs; a subnet ID is "subnet-" followed by 8 or 17/],
    ['a KMS key that names none', { kmsKey: 'my-key' }, /\[InvalidKmsKey\] kmsKey "my-key" does not name a KMS key; give its key ID .* or omit kmsKey/],
    ['a KMS key ARN of another service', { kmsKey: 'arn:aws:s3:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, /\[InvalidKmsKey\]/],
    ['fewer subnets than nodes', { subnetIds: ['subnet-aaaaaaaa'] }, /\[NotEnoughSubnets\] subnetIds has 1 distinct subnet\(s\), but the plan's 2 nodes go in 2 availability zones/],
    ['a zone of another region', { availabilityZones: ['us-east-1a', 'eu-west-1b'] }, /\[InvalidZone\] availabilityZones\[0\] "us-east-1a" is not a zone of eu-west-1/],
    ['fewer zones than nodes', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, /\[NotEnoughAvailabilityZones\] availabilityZones lists 1 distinct zone/],
    ['an old Redis engine', { engineVersion: ElastiCacheEngineVersion.redis('6.2') }, /\[InvalidEngineVersion\] engineVersion redis "6.2" is not supported/],
    ['a malformed Valkey version', { engineVersion: ElastiCacheEngineVersion.valkey('8') }, /\[InvalidEngineVersion\] engineVersion valkey "8"/],
    ['a malformed snapshot window', { snapshotWindow: '3:00-4:00' }, /\[InvalidWindow\] snapshotWindow "3:00-4:00" is not a daily window/],
    ['a short maintenance window', { maintenanceWindow: 'sun:05:00-sun:05:30' }, /\[InvalidWindow\] maintenanceWindow "sun:05:00-sun:05:30" lasts 30 minutes/],
    ['overlapping windows', { snapshotWindow: '05:30-06:30', maintenanceWindow: 'sun:05:00-sun:06:00' }, /\[OverlappingWindows\]/],
    ['applyImmediately of the wrong type', { applyImmediately: asIfFromJavaScript<boolean>('false') },
      /\[InvalidType\] RedisBackend\.elastiCache\(\{ applyImmediately \}\) is the string "false", but must be a boolean \(true or false\)\./],
    ['windows overlapping across midnight', { snapshotWindow: '23:30-00:30', maintenanceWindow: 'mon:00:00-mon:01:00' }, /\[OverlappingWindows\]/],
    ['a backup hour of 24', { backupHour: 24 }, /\[InvalidHour\] backupHour 24 is not an hour of the day/],
    ['a backup hour in the maintenance window', { backupHour: 5, maintenanceWindow: { day: Weekday.SUNDAY, hour: 4, minute: 30 } },
      /\[OverlappingWindows\] maintenanceWindow "sun:04:30-sun:05:30" overlaps the daily snapshotWindow "05:00-06:00"/],
    ['typed windows overlapping across midnight', { backupHour: 23, maintenanceWindow: { day: Weekday.SUNDAY, hour: 23, minute: 30 } }, /\[OverlappingWindows\]/],
    ['a maintenance hour of 24', { maintenanceWindow: { day: Weekday.SUNDAY, hour: 24 } }, /\[InvalidMaintenanceWindow\] RedisBackend.elastiCache\(\{ maintenanceWindow \}\) is not a weekly window: hour 24/],
    ['both backupHour and its old form', { backupHour: 2, snapshotWindow: '02:00-03:00' }, /\[RenamedPropConflict\]/],
  ])('fails on %s', (_, backendProps, message) => {
    expect(() => render({ backendProps })).toThrow(message);
  });

  test.each<[string, Partial<ChoreoRedisProps>, RegExp]>([
    ['a name too long', { name: 'a'.repeat(41) }, /\[InvalidName\] name "a{41}" is not a valid name here: it has 41 characters, 1 too many\. ElastiCache names \(the replication group ID, which also names the security group\) allow /],
    ['a name with two hyphens in a row', { name: 'orders--cache' }, /\[InvalidName\] name "orders--cache"/],
    ['a name starting with a digit', { name: '1cache' }, /\[InvalidName\]/],
    ['a name starting with "sg-", which EC2 refuses as a security group name', { name: 'sg-cache' },
      /\[InvalidName\] name "sg-cache" is not a valid name here: .* ElastiCache names \(the replication group ID, which also names the security group\) allow letters \(used in lower case\), digits and hyphens, starting with a letter but not with "sg-" \(which EC2 refuses in a security group's name\)/],
    ['a name starting with "SG-"', { name: 'SG-Cache' }, /\[InvalidName\] name "SG-Cache"/],
    ['a memory size no node type fits', { memoryGib: 500 }, /\[NoSizeFits\] memoryGib 500 is more than any of the ElastiCache node types offers; the largest is cache.r7g.16xlarge with 419.09 GiB/],
  ])('fails on %s', (_, props, message) => {
    expect(() => render(props)).toThrow(message);
  });

  test('fails on two data stores that would share a replication group ID in one stack', () => {
    const stack = awsStack();
    new ChoreoRedis(stack, 'A', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), name: 'orders' });
    expect(() => new ChoreoRedis(stack, 'B', { plan: ServicePlan.STARTUP, backend: RedisBackend.elastiCache(network), name: 'Orders' }))
      .toThrow('[NameCollision] name "orders" of test/B is already used by test/A for ElastiCache in eu-west-1');
  });

  test('writes a typed maintenance window as an hour, into Monday when it starts at 23:00 on Sunday', () => {
    const { synth } = render({ backendProps: { backupHour: 4, maintenanceWindow: { day: Weekday.SUNDAY, hour: 23, minute: 15 } } });
    expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, { snapshot_window: '04:00-05:00', maintenance_window: 'sun:23:15-mon:00:15' });
  });

  test('accepts a window that touches but does not overlap', () => {
    expect(() => render({ backendProps: { snapshotWindow: '04:00-05:00', maintenanceWindow: 'sun:05:00-sun:06:00' } })).not.toThrow();
  });
});

describe('recovery point', () => {
  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP])('%s: the daily snapshot, up to 24 hours of writes, a substitute (ElastiCache has no AOF for Valkey)', (plan) => {
    const { redis, synth } = render({ plan });
    // Nothing narrows it: the replication group has no persistence setting to write.
    expect(JSON.stringify(JSON.parse(synth).resource.aws_elasticache_replication_group)).not.toMatch(/append|aof|persistence/i);
    expect(redis.conformance.find((c) => c.promise === ProductPromise.RECOVERY_POINT)).toMatchObject({
      realization: Realization.SUBSTITUTED,
      detail: expect.stringContaining('losing the single node loses up to 24 hours of writes'),
      fix: 'choose ServicePlan.BUSINESS, whose standby receives every write by replication',
    });
  });

  test.each([ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s: replication to the standbys, native', (plan) => {
    const { redis } = render({ plan });
    expect(redis.conformance.find((c) => c.promise === ProductPromise.RECOVERY_POINT)).toMatchObject({
      realization: Realization.NATIVE,
      detail: expect.stringContaining('asynchronous replication to the standby node(s) in other availability zones: losing the primary'),
    });
  });
});

describe('restore at creation', () => {
  test('restoreFromSnapshot creates the replication group from the snapshot, and is read only at creation', () => {
    const stack = testStack((s) => { new AwsProvider(s, 'aws', { region: 'eu-west-1' }); new RandomProvider(s, 'random'); });
    new ChoreoRedis(stack, 'Cache', {
      plan: ServicePlan.STARTUP,
      backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'], restoreFromSnapshot: 'orders-before-move' }),
    });
    const [group] = Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'));
    expect(group.snapshot_name).toBe('orders-before-move');
    expect(group.lifecycle.ignore_changes).toEqual(['snapshot_name', 'snapshot_arns']);
  });

  test('fails for a restoreFromSnapshot that is not a snapshot name', () => {
    expect(() => RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa'], restoreFromSnapshot: 'orders--old' }))
      .toThrow('[InvalidRestoreSource] restoreFromSnapshot "orders--old" is not an ElastiCache snapshot name');
  });
});
