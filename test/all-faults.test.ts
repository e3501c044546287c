/**
 * One error names every fault of one props object: a prop object with three faults fails with `InvalidProps`, whose
 * problems are the three, each naming its prop, the value, what is allowed and the fix.
 */
import { testStack } from './util';
import {
  AivenValkeyVersion, AlertTarget, ChoreoRedis, ChoreoRedisErrors, ChoreoRedisProps, Cloud, DigitalOceanValkeyVersion, ElastiCacheEngineVersion,
  EvictionPolicy,
  MemorystoreRedisVersion, MemorystoreValkeyVersion, RedisBackend, ServicePlan, Weekday,
} from '../lib/index';
import { ChoreoRedisError } from '../lib/plan';

/** The error `create` throws. */
function errorOf(create: () => unknown): ChoreoRedisError {
  try {
    create();
  } catch (e) {
    if (e instanceof ChoreoRedisError) return e;
    throw e;
  }
  throw new Error('expected a ChoreoRedisError, but nothing was thrown');
}

/** Three faults, each as its code and the words its message must hold: the prop with its value, and what to do. */
type Fault = readonly [code: string, ...words: string[]];

function expectFaults(create: () => unknown, faults: readonly Fault[]): void {
  const error = errorOf(create);
  expect(error.code).toBe('InvalidProps');
  expect(error.message).toContain(`${faults.length} problems with the props; fix each:`);
  expect(ChoreoRedisErrors.problemCodesOf(error)).toEqual(faults.map(([code]) => code));
  error.problems.forEach((problem, i) => {
    const [, ...words] = faults[i];
    words.forEach((word) => expect(problem.message).toContain(word));
    expect(error.message).toContain(problem.message);
  });
}

const ELASTICACHE = RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-01234567', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] });

describe('ChoreoRedisProps', () => {
  test('three faults of the data store\'s own props in one error', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', {
      plan: ServicePlan.BUSINESS,
      backend: ELASTICACHE,
      memoryGib: -1,
      allowedCidrs: ['10.0.0.0/8', '300.1.2.3/32'],
      evictionPolicy: 'lru' as EvictionPolicy,
    }), [
      ['InvalidMemory', 'memoryGib -1', 'a number above 0 and at most 1024'],
      ['InvalidCidr', 'allowedCidrs[1]', '300.1.2.3/32'],
      ['InvalidEvictionPolicy', 'lru'],
    ]);
  });

  test('an unknown plan, no alert target and a bad acceptReplacement in one error', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', {
      plan: 'gold' as ServicePlan,
      backend: ELASTICACHE,
      alerts: { targets: [], cpuPercent: 150 },
      acceptReplacement: 'yes',
    } satisfies ChoreoRedisProps), [
      ['UnknownPlan', 'plan "gold"', 'ServicePlan.HOBBYIST'],
      ['InvalidAlertTargets', 'alerts.targets'],
      ['InvalidAcceptReplacement', 'acceptReplacement'],
    ]);
  });

  test('every bad allow-list entry and every bad threshold is named, not only the first', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', {
      plan: ServicePlan.BUSINESS,
      backend: ELASTICACHE,
      allowedCidrs: ['10.0.0.1/8', 'office', '::1/129'],
      alerts: { targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:ops')], cpuPercent: 150, connections: 0 },
    }), [
      ['CidrHostBits', 'allowedCidrs[0]', '10.0.0.0/8'],
      ['InvalidCidr', 'allowedCidrs[1]', 'office'],
      ['InvalidCidr', 'allowedCidrs[2]'],
      ['InvalidAlertThreshold', 'alerts.cpuPercent 150', 'a percentage above 0 and at most 100'],
      ['InvalidAlertThreshold', 'alerts.connections 0', 'a whole number above 0'],
    ]);
  });

  test('the declared types of every prop: an unknown key, a wrong type and a missing plan in one error', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', JSON.parse('{"allowedCidr": ["10.0.0.0/8"], "memoryGib": "4"}') as ChoreoRedisProps), [
      ['UnknownProp', 'allowedCidr', 'did you mean allowedCidrs?'],
      ['InvalidType', 'memoryGib', 'must be a number'],
      ['MissingProp', 'plan', 'ServicePlan.BUSINESS'],
      ['MissingProp', 'backend', 'RedisBackend'],
    ]);
  });
});

describe('faults of different kinds in one props object', () => {
  test('an unknown key with value faults of the other props: the typo, the host bits and the memory in one error', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', { plan: ServicePlan.BUSINESS, backend: ELASTICACHE, ...JSON.parse('{"luaScriptng": false, "allowedCidrs": ["10.0.0.5/24"], "memoryGib": -2}') }), [
      ['UnknownProp', 'luaScriptng', 'did you mean luaScripting?'],
      ['InvalidMemory', 'memoryGib -2'],
      ['CidrHostBits', 'allowedCidrs[0]', '10.0.0.0/24'],
    ]);
  });

  test('a prop of the wrong type is left out of the value checks, which run on the others', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache',
      { plan: ServicePlan.BUSINESS, backend: ELASTICACHE, ...JSON.parse('{"allowedCidrs": "10.0.0.0/8", "memoryGib": -2}') }), [
      ['InvalidType', 'allowedCidrs', 'Wrap a single entry in a list'],
      ['InvalidMemory', 'memoryGib -2'],
    ]);
  });

  test('a missing backend with a value fault: the data store\'s own value checks need no backend', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', { plan: ServicePlan.BUSINESS, ...JSON.parse('{"memoryGib": -2, "luaScriptng": false}') }), [
      ['UnknownProp', 'luaScriptng'],
      ['MissingProp', 'backend'],
      ['InvalidMemory', 'memoryGib -2'],
    ]);
  });

  test('a missing plan: only the type faults, as the value checks need the plan', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', { backend: ELASTICACHE, ...JSON.parse('{"memoryGib": -2, "luaScriptng": false}') }), [
      ['UnknownProp', 'luaScriptng'],
      ['MissingProp', 'plan'],
    ]);
  });

  test('ElastiCache\'s checks that need the plan: too few subnets, no node type big enough and a bad name in one error', () => {
    expectFaults(() => new ChoreoRedis(testStack(), 'Cache', {
      plan: ServicePlan.BUSINESS,
      backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-01234567', subnetIds: ['subnet-aaaaaaaa'] }),
      memoryGib: 500,
      name: 'sg-cache',
    }), [
      ['NotEnoughSubnets', 'subnetIds has 1 distinct subnet(s)'],
      ['NoSizeFits', 'memoryGib 500'],
      ['InvalidName', 'name "sg-cache"'],
    ]);
  });

  test('a backend\'s unknown key and wrong type with its region and rule faults', () => {
    expectFaults(() => RedisBackend.elastiCache({
      region: 'ap-south-1',
      network: 'vpc-xyz',
      subnetIds: ['subnet-aaaaaaaa'],
      backupHour: 25,
      ...JSON.parse('{"kmsKeyID": "alias/redis", "applyImmediately": "yes"}'),
    }), [
      ['UnknownProp', 'kmsKeyID', 'did you mean kmsKey?'],
      ['InvalidType', 'applyImmediately', 'must be a boolean'],
      ['UnsupportedRegion', 'ap-south-1'],
      ['InvalidNetwork', 'network "vpc-xyz"'],
      ['InvalidHour', 'backupHour 25'],
    ]);
  });
});

describe.each<[string, () => unknown, readonly Fault[]]>([
  ['ElastiCache', () => RedisBackend.elastiCache({
    region: 'eu-west-1',
    network: 'vpc-01234567',
    subnetIds: ['subnet-aaaaaaaa'],
    engineVersion: ElastiCacheEngineVersion.redis('6.2'),
    maintenanceWindow: { day: Weekday.SUNDAY, hour: 24 },
    restoreFromSnapshot: 'before--move',
  }), [
    ['InvalidEngineVersion', 'engineVersion redis "6.2"', 'ElastiCacheEngineVersion.VALKEY_8_0'],
    ['InvalidMaintenanceWindow', 'maintenanceWindow', 'hour 24', '{ day: Weekday.SUNDAY, hour: 5 }'],
    ['InvalidRestoreSource', 'restoreFromSnapshot "before--move"', 'omit restoreFromSnapshot'],
  ]],
  ['Azure Managed Redis', () => RedisBackend.azureManagedRedis({
    region: 'uksouth', backupHour: 24, privateEndpointSubnetId: 'subnet-aaaaaaaa',
  }), [
    ['UnsupportedRegion', 'region', 'uksouth'],
    ['InvalidHour', 'backupHour 24', 'from 0 to 23'],
    ['InvalidSubnet', 'privateEndpointSubnetId "subnet-aaaaaaaa"', '/subscriptions/'],
  ]],
  ['Memorystore for Redis', () => RedisBackend.memorystore({
    project: 'My Project',
    region: 'europe-west1',
    network: 'projects/p/global/networks/default',
    zone: 'us-central1-a',
    engineVersion: MemorystoreRedisVersion.of('REDIS_5_0'),
  }), [
    ['InvalidProject', '"My Project"', 'such as "my-project-123"'],
    ['InvalidZone', 'zone "us-central1-a"', 'europe-west1-a'],
    ['InvalidEngineVersion', 'engineVersion "REDIS_5_0"', 'MemorystoreRedisVersion.REDIS_7_2'],
  ]],
  ['Memorystore for Valkey', () => RedisBackend.memorystoreValkey({
    project: 'p',
    region: 'europe-west1',
    network: 'projects/p/global/networks/default',
    clientMembers: ['app@example.com'],
    engineVersion: MemorystoreValkeyVersion.of('8.0'),
  }), [
    ['InvalidProject', '"p"', 'project ID'],
    ['InvalidMember', 'clientMembers[0] "app@example.com"', 'serviceAccount:'],
    ['InvalidEngineVersion', 'engineVersion "8.0"', 'MemorystoreValkeyVersion.VALKEY_8_0'],
  ]],
  ['DigitalOcean Managed Valkey', () => RedisBackend.digitalOceanValkey({
    region: 'fra1', engineVersion: DigitalOceanValkeyVersion.of('7'), project: 'default', network: 'vpc-11111111',
  }), [
    ['InvalidEngineVersion', 'engineVersion "7"', 'DigitalOceanValkeyVersion.V8'],
    ['InvalidProject', 'project "default"', 'omit project'],
    ['InvalidNetwork', 'network "vpc-11111111"', 'omit network'],
  ]],
  ['Aiven for Valkey', () => RedisBackend.aiven({
    project: 'my project',
    cloud: Cloud.AWS,
    region: 'eu-west-1',
    engineVersion: AivenValkeyVersion.of('7.2'),
    maintenanceWindow: { day: Weekday.MONDAY, hour: 3, minute: 75 },
  }), [
    ['InvalidProject', '"my project"', 'letters, digits'],
    ['InvalidEngineVersion', 'engineVersion "7.2"', 'AivenValkeyVersion.VALKEY_8_1'],
    ['InvalidMaintenanceWindow', 'maintenanceWindow', 'minute 75'],
  ]],
])('%s props', (_, create, faults) => {
  test('three faults in one error, each naming its prop, value and fix', () => expectFaults(create, faults));
});
