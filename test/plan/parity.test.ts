/**
 * The promises that make an application behave the same on every backend, planned without synthesis: standbys in other
 * zones, the eviction policy, the engine against Redis OSS 7.2, and each cloud's SLA for the configuration written.
 */
import {
  Cloud, ElastiCacheEngineVersion, EvictionPolicy, IRedisBackend, MemorystoreRedisVersion, ProductPromise, Realization,
  RedisBackend, ServicePlan,
} from '../../lib';
import { ChoreoRedisError, Kept, engineProfile, redisLacks } from '../../lib/plan';
import { assessDataStore } from '../../lib/private/assess';

const elastiCache = (engineVersion?: ElastiCacheEngineVersion) =>
  RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-00000000', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'], engineVersion });
const azure = (region = 'westeurope') => RedisBackend.azureManagedRedis({ region });
const memorystore = (engineVersion?: MemorystoreRedisVersion) =>
  RedisBackend.memorystore({ project: 'my-project', region: 'europe-west1', network: 'projects/my-project/global/networks/default', engineVersion });
const memorystoreValkey = () => RedisBackend.memorystoreValkey({ project: 'my-project', region: 'europe-west1', network: 'projects/my-project/global/networks/default' });
const digitalOcean = () => RedisBackend.digitalOceanValkey({ region: 'fra1' });
const aiven = (cloud: Cloud, region: string) => RedisBackend.aiven({ project: 'p', cloud, region });

function kept(backend: IRedisBackend, plan: ServicePlan, promise: ProductPromise, evictionPolicy?: EvictionPolicy): Kept {
  return assessDataStore(backend, { plan, evictionPolicy }, `parity-${plan}/Redis`).design.conformance[promise];
}

describe('availability SLA: the cloud\'s published figure for the configuration written, against 99.99%', () => {
  test.each([
    ['ElastiCache Business (Multi-AZ)', () => elastiCache(), ServicePlan.BUSINESS, Realization.NATIVE, '99.99% monthly uptime for a Multi-AZ configuration (Amazon ElastiCache SLA)'],
    ['ElastiCache Hobbyist (one node)', () => elastiCache(), ServicePlan.HOBBYIST, Realization.SUBSTITUTED, '99.5% monthly uptime for a Single-AZ configuration (one node)'],
    ['Azure Business in a region with zones', () => azure(), ServicePlan.BUSINESS, Realization.NATIVE, '99.99% monthly uptime for high availability across availability zones'],
    ['Azure Business in westus, without zones', () => azure('westus'), ServicePlan.BUSINESS, Realization.SUBSTITUTED, '99.9% monthly uptime for high availability in a region without zones'],
    ['Azure Startup without high availability', () => azure(), ServicePlan.STARTUP, Realization.UNAVAILABLE, 'no published SLA covers a cache without high availability'],
    ['Memorystore for Redis Business (Standard Tier)', () => memorystore(), ServicePlan.BUSINESS, Realization.SUBSTITUTED, '99.9% monthly uptime for the Standard Tier'],
    ['Memorystore for Redis Hobbyist (Basic Tier)', () => memorystore(), ServicePlan.HOBBYIST, Realization.UNAVAILABLE, 'no published SLA covers the Basic Tier'],
    ['Memorystore for Valkey Premium (multi-zone with replicas)', memorystoreValkey, ServicePlan.PREMIUM, Realization.NATIVE, '99.99% monthly uptime for a multi-zone instance with replicas'],
    ['Memorystore for Valkey Startup (no replica)', memorystoreValkey, ServicePlan.STARTUP, Realization.UNAVAILABLE, 'no published SLA covers an instance without replicas'],
    ['DigitalOcean Business', digitalOcean, ServicePlan.BUSINESS, Realization.UNAVAILABLE, 'no published SLA covers Managed Databases'],
    ['Aiven Business', () => aiven(Cloud.GCP, 'europe-west1'), ServicePlan.BUSINESS, Realization.NATIVE, '99.99% monthly uptime for business services (Aiven SLA)'],
    ['Aiven Hobbyist on the hobbyist plan', () => aiven(Cloud.GCP, 'europe-west1'), ServicePlan.HOBBYIST, Realization.UNAVAILABLE, 'no published SLA covers hobbyist services'],
    ['Aiven Hobbyist on AWS, where a startup plan stands in', () => aiven(Cloud.AWS, 'eu-west-1'), ServicePlan.HOBBYIST, Realization.NATIVE, '99.99% monthly uptime for startup services'],
  ])('%s', (_, backend, plan, realization, detail) => {
    const row = kept(backend(), plan, ProductPromise.AVAILABILITY_SLA);
    expect(row.realization).toBe(realization);
    expect(row.detail).toContain(detail);
    // Every gap names what would reach 99.99% or the nearest configuration, except where none exists.
    if (realization !== Realization.NATIVE) expect(row.fix).toMatch(/^choose /);
  });
});

describe('standbys in other availability zones', () => {
  test.each([
    ['ElastiCache', () => elastiCache(), Realization.NATIVE, 'multi_az_enabled = true'],
    ['Azure in a region with zones', () => azure(), Realization.NATIVE, 'across westeurope\'s availability zones'],
    ['Azure in westus, without zones', () => azure('westus'), Realization.SUBSTITUTED, 'westus has no availability zones'],
    ['Memorystore for Redis', () => memorystore(), Realization.NATIVE, 'STANDARD_HA keeps the replica(s) in zones other than the primary\'s'],
    ['Memorystore for Valkey', memorystoreValkey, Realization.NATIVE, 'mode = "MULTI_ZONE"'],
    ['DigitalOcean, one datacenter', digitalOcean, Realization.SUBSTITUTED, 'fra1 is one datacenter with no availability zones'],
    ['Aiven on Google Cloud', () => aiven(Cloud.GCP, 'europe-west1'), Realization.NATIVE, 'Aiven spreads the 2 nodes across google-europe-west1\'s availability zones'],
    ['Aiven on DigitalOcean', () => aiven(Cloud.DIGITALOCEAN, 'fra1'), Realization.SUBSTITUTED, 'is one DigitalOcean datacenter with no availability zones'],
  ])('Business on %s', (_, backend, realization, detail) => {
    const row = kept(backend(), ServicePlan.BUSINESS, ProductPromise.ZONE_REDUNDANCY);
    expect(row).toMatchObject({ realization, detail: expect.stringContaining(detail) });
  });

  test('a single node has no standby to place, on every backend', () => {
    for (const backend of [elastiCache(), azure(), memorystore(), memorystoreValkey(), digitalOcean(), aiven(Cloud.AWS, 'eu-west-1')]) {
      expect(kept(backend, ServicePlan.STARTUP, ProductPromise.ZONE_REDUNDANCY)).toMatchObject({
        realization: Realization.NATIVE, detail: expect.stringMatching(/single node.*no standby to place in another zone/),
      });
    }
  });
});

describe('the eviction policy', () => {
  test('fails for a policy that is not one, naming the prop, the value, what is allowed and the default', () => {
    const backend = elastiCache();
    const error = (() => {
      try {
        assessDataStore(backend, { plan: ServicePlan.BUSINESS, evictionPolicy: 'lru' as EvictionPolicy }, 'bad/Redis');
      } catch (e) {
        return e as ChoreoRedisError;
      }
      throw new Error('no error');
    })();
    expect(error.code).toBe('InvalidEvictionPolicy');
    expect(error.message).toBe('[InvalidEvictionPolicy] evictionPolicy "lru" is not an eviction policy; use one of EvictionPolicy.NO_EVICTION, EvictionPolicy.ALL_KEYS_LRU, '
      + 'EvictionPolicy.ALL_KEYS_LFU, EvictionPolicy.ALL_KEYS_RANDOM, EvictionPolicy.VOLATILE_LRU, EvictionPolicy.VOLATILE_LFU, EvictionPolicy.VOLATILE_RANDOM, '
      + 'EvictionPolicy.VOLATILE_TTL (the Redis names noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random, volatile-ttl), or omit it for noeviction.');
  });

  test('fails on DigitalOcean for an LFU policy, which Managed Valkey does not offer: an explicit setting that cannot be kept', () => {
    const backend = digitalOcean();
    expect(() => assessDataStore(backend, { plan: ServicePlan.STARTUP, evictionPolicy: EvictionPolicy.ALL_KEYS_LFU }, 'lfu/Redis'))
      .toThrow(/\[EvictionPolicyNotKept\] .*evictionPolicy "allkeys-lfu" is not one Managed Valkey offers \(noeviction, allkeys-lru, allkeys-random, volatile-lru, volatile-random, volatile-ttl\)\. Fix: choose one of/);
  });

  test.each([
    ['ElastiCache', () => elastiCache(), 'the data store\'s parameter group (family valkey8): maxmemory-policy volatile-ttl', 'volatile-lru in the default parameter groups'],
    ['Azure', () => azure(), 'default_database.eviction_policy = "VolatileTTL": maxmemory-policy volatile-ttl', 'VolatileLRU'],
    ['Memorystore for Redis', () => memorystore(), 'redis_configs: maxmemory-policy volatile-ttl', 'volatile-lru'],
    ['Memorystore for Valkey', memorystoreValkey, 'engine_configs: maxmemory-policy volatile-ttl', 'volatile-lru'],
    ['DigitalOcean', digitalOcean, 'eviction_policy = "volatile_ttl" on the cluster: maxmemory-policy volatile-ttl', 'noeviction'],
    ['Aiven', () => aiven(Cloud.AWS, 'eu-west-1'), 'valkey_user_config.valkey_maxmemory_policy: maxmemory-policy volatile-ttl', 'noeviction'],
  ])('%s writes the policy chosen, overriding the service default it names', (_, backend, detail, serviceDefault) => {
    const row = kept(backend(), ServicePlan.BUSINESS, ProductPromise.EVICTION_POLICY, EvictionPolicy.VOLATILE_TTL);
    expect(row.realization).toBe(Realization.NATIVE);
    expect(row.detail).toContain(detail);
    expect(row.detail).toContain(`the service's default (${serviceDefault}`);
  });
});

describe('engine compatibility with Redis OSS 7.2', () => {
  test('what a Redis OSS release lacks of 7.2, and what it adds', () => {
    expect(redisLacks('7.2')).toEqual([]);
    expect(redisLacks('7.0')).toEqual(['CLIENT NO-TOUCH', 'CLIENT SETINFO', 'WAITAOF']);
    expect(redisLacks('6.X')).toEqual(expect.arrayContaining(['functions (FUNCTION, FCALL, FCALL_RO)', 'WAITAOF']));
    expect(engineProfile('redis', '7.4', '7.4').adds).toEqual(['hash-field expiration (HEXPIRE, HTTL and related commands)']);
    expect(engineProfile('valkey', '8.1', '8.1').adds).toEqual(['the commands Valkey added after forking from Redis OSS 7.2.4']);
    expect(engineProfile('valkey', '9.0', '9.0').adds).toContain('hash-field expiration (HEXPIRE, HTTL and related commands)');
  });

  test.each([
    ['ElastiCache Valkey 8.0', () => elastiCache(), Realization.NATIVE, 'valkey 8.0: the Redis OSS 7.2 command set; it also answers the commands Valkey added'],
    ['ElastiCache Redis OSS 7.0', () => elastiCache(ElastiCacheEngineVersion.REDIS_7_0), Realization.SUBSTITUTED, 'redis 7.0 lacks CLIENT NO-TOUCH; CLIENT SETINFO; WAITAOF of Redis OSS 7.2'],
    ['Azure Managed Redis 7.4', () => azure(), Realization.NATIVE, 'redis 7.4: the Redis OSS 7.2 command set; it also answers hash-field expiration'],
    ['Memorystore for Redis 7.2', () => memorystore(), Realization.NATIVE, 'redis REDIS_7_2: the Redis OSS 7.2 command set'],
    ['Memorystore for Redis 6.x', () => memorystore(MemorystoreRedisVersion.REDIS_6_X), Realization.SUBSTITUTED, 'redis REDIS_6_X lacks functions'],
    ['Aiven for Valkey', () => aiven(Cloud.AWS, 'eu-west-1'), Realization.NATIVE, 'the JSON and Search modules (JSON.* and FT.* commands), always on'],
  ])('%s', (_, backend, realization, detail) => {
    expect(kept(backend(), ServicePlan.BUSINESS, ProductPromise.ENGINE_COMPATIBILITY))
      .toMatchObject({ realization, detail: expect.stringContaining(detail) });
  });
});
