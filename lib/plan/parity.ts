/**
 * The promises that make an application behave the same on every backend: standbys in other zones, one eviction
 * policy, the Redis OSS 7.2 command set, and the product's availability SLA. Each backend states how it keeps them
 * with these helpers, next to the values it writes.
 */
import { Kept, Realization } from './conformance';
import { ChoreoRedisError } from './errors';
import { PlanPromises, standbyCount } from './service-plan';

/**
 * What a data store does when its memory is full (Redis `maxmemory-policy`).
 *
 * The product's default is `NO_EVICTION`: the product runs on Aiven, whose default it is, and a data store that is
 * also used as a database must refuse a write it has no room for rather than drop keys silently.
 */
export enum EvictionPolicy {
  /** Refuse writes that need more memory (OOM errors); never drop a key. */
  NO_EVICTION = 'noeviction',
  /** Evict any key, least recently used first. */
  ALL_KEYS_LRU = 'allkeys-lru',
  /** Evict any key, least frequently used first. */
  ALL_KEYS_LFU = 'allkeys-lfu',
  /** Evict any key at random. */
  ALL_KEYS_RANDOM = 'allkeys-random',
  /** Evict keys with a TTL, least recently used first. */
  VOLATILE_LRU = 'volatile-lru',
  /** Evict keys with a TTL, least frequently used first. */
  VOLATILE_LFU = 'volatile-lfu',
  /** Evict keys with a TTL at random. */
  VOLATILE_RANDOM = 'volatile-random',
  /** Evict keys with a TTL, nearest expiry first. */
  VOLATILE_TTL = 'volatile-ttl',
}

export const ALL_EVICTION_POLICIES: readonly EvictionPolicy[] = Object.values(EvictionPolicy);

/** The product's eviction policy, written on every backend unless the user chooses another. */
export const DEFAULT_EVICTION_POLICY = EvictionPolicy.NO_EVICTION;

/** Checks an `evictionPolicy` prop, which plain JavaScript may give as any string. */
export function resolveEvictionPolicy(policy: EvictionPolicy | undefined): EvictionPolicy {
  if (policy === undefined) return DEFAULT_EVICTION_POLICY;
  if (!ALL_EVICTION_POLICIES.includes(policy)) {
    throw new ChoreoRedisError('InvalidEvictionPolicy',
      `evictionPolicy "${String(policy)}" is not an eviction policy; use one of EvictionPolicy.${Object.keys(EvictionPolicy).join(', EvictionPolicy.')} (the Redis names ${ALL_EVICTION_POLICIES.join(', ')}), or omit it for ${DEFAULT_EVICTION_POLICY}.`);
  }
  return policy;
}

/**
 * The eviction policy as the backend writes it: native, with the setting that carries it and the service's own
 * default, which the written value overrides.
 */
export function evictionKept(policy: EvictionPolicy, setting: string, serviceDefault: string): Kept {
  return { realization: Realization.NATIVE, detail: `${setting}: maxmemory-policy ${policy}, written so that the service's default (${serviceDefault}) never decides` };
}

/**
 * Standbys in other availability zones: `how` the service spreads them for plans with standbys; a single node has
 * none to place.
 */
export function zonesKept(promises: PlanPromises, how: string, singleNode = 'single node: the plan has no standby to place in another zone'): Kept {
  return { realization: Realization.NATIVE, detail: standbyCount(promises) > 0 ? how : singleNode };
}

/** The product's monthly uptime SLA, Aiven's, in percent. */
export const PRODUCT_SLA_PERCENT = 99.99;

/** A cloud's published SLA for one configuration. */
export interface PublishedSla {
  /** The monthly uptime percentage, or undefined where the cloud publishes none for the configuration. */
  readonly percent?: number;
  /** The configuration the figure is for, as the SLA names it, such as `Multi-AZ configuration`. */
  readonly configuration: string;
  /** Where the figure is published. */
  readonly source: string;
}

/**
 * The availability SLA: native when the cloud's published figure for the configuration written reaches the product's
 * 99.99%, a substitute when lower, unavailable when the cloud publishes none for it. `fix` names the configuration that
 * would reach it, where there is one.
 */
export function availabilityKept(sla: PublishedSla, fix?: string): Kept {
  if (sla.percent === undefined) {
    return { realization: Realization.UNAVAILABLE, detail: `no published SLA covers ${sla.configuration} (${sla.source}); the product promises ${PRODUCT_SLA_PERCENT}%`, fix };
  }
  const figure = `${sla.percent}% monthly uptime for ${sla.configuration} (${sla.source})`;
  return sla.percent >= PRODUCT_SLA_PERCENT
    ? { realization: Realization.NATIVE, detail: figure }
    : { realization: Realization.SUBSTITUTED, detail: `${figure}, below the product's ${PRODUCT_SLA_PERCENT}%`, fix };
}

/** The Redis OSS release the product promises compatibility with. */
export const REDIS_OSS_BASELINE = '7.2';

/** Commands Redis OSS 7.2 added over 7.0 and 7.1 (Redis 7.2 release notes). */
export const REDIS_7_2_NEW_COMMANDS: readonly string[] = ['CLIENT NO-TOUCH', 'CLIENT SETINFO', 'WAITAOF'];

/** What Redis OSS 7.0 added over 6.2 (Redis 7.0 release notes): a 6.x engine lacks these too. */
export const REDIS_7_0_NEW_FEATURES: readonly string[] = ['functions (FUNCTION, FCALL, FCALL_RO)', 'sharded Pub/Sub (SPUBLISH, SSUBSCRIBE)', 'ACL selectors and ACL DRYRUN', 'EVAL_RO and EVALSHA_RO'];

/**
 * Hash-field expiration, which Redis OSS 7.4 added (HEXPIRE, HPEXPIRE, HEXPIREAT, HPEXPIREAT, HTTL, HPTTL, HEXPIRETIME,
 * HPEXPIRETIME, HPERSIST) and Valkey only in 9.0: an application that uses it runs on some backends and not others.
 */
export const HASH_FIELD_EXPIRATION = 'hash-field expiration (HEXPIRE, HTTL and related commands)';

/** What a backend's engine answers, against the Redis OSS 7.2 command set. */
export interface EngineProfile {
  /** `redis` or `valkey`. */
  readonly engine: string;
  /** The version as the service names it. */
  readonly version: string;
  /** Commands and modules the engine answers beyond Redis OSS 7.2. */
  readonly adds: readonly string[];
  /** What of Redis OSS 7.2 the engine lacks (the restricted commands are a promise of their own). */
  readonly lacks: readonly string[];
}

/**
 * The engine compatibility promise: native when the engine lacks nothing of Redis OSS 7.2 (what it adds is stated,
 * since an application that uses it runs on this backend only), a substitute otherwise.
 */
export function engineKept(profile: EngineProfile, fix: string): Kept {
  const adds = profile.adds.length > 0 ? `; it also answers ${profile.adds.join('; ')}, which other backends may not` : '';
  const name = `${profile.engine} ${profile.version}`;
  return profile.lacks.length === 0
    ? { realization: Realization.NATIVE, detail: `${name}: the Redis OSS ${REDIS_OSS_BASELINE} command set${adds}` }
    : { realization: Realization.SUBSTITUTED, detail: `${name} lacks ${profile.lacks.join('; ')} of Redis OSS ${REDIS_OSS_BASELINE}${adds}`, fix };
}

/**
 * What a Redis OSS release lacks of 7.2, from its `<major>.<minor>` (6.x lacks 7.0's additions too). Unknown forms
 * (a token) lack nothing that can be named.
 */
export function redisLacks(majorMinor: string): string[] {
  const [major, minor] = majorMinor.split('.').map((n) => Number(n));
  if (!Number.isFinite(major)) return [];
  if (major < 7) return [...REDIS_7_0_NEW_FEATURES, ...REDIS_7_2_NEW_COMMANDS];
  if (major === 7 && Number.isFinite(minor) && minor < 2) return [...REDIS_7_2_NEW_COMMANDS];
  return [];
}

/**
 * What a Redis OSS release adds to 7.2: hash-field expiration from 7.4. Valkey forked from Redis OSS 7.2.4 and
 * answers its command set; it gained hash-field expiration in 9.0.
 */
export function engineAdditions(engine: string, majorMinor: string): string[] {
  const [major, minor] = majorMinor.split('.').map((n) => Number(n));
  if (!Number.isFinite(major)) return [];
  const hashFieldExpiration = engine === 'valkey' ? major >= 9 : major > 7 || (major === 7 && minor >= 4);
  return [
    ...(engine === 'valkey' ? ['the commands Valkey added after forking from Redis OSS 7.2.4'] : []),
    ...(hashFieldExpiration ? [HASH_FIELD_EXPIRATION] : []),
  ];
}

/** The profile of a Redis OSS or Valkey engine of `<major>.<minor>`, with what a service adds (such as modules). */
export function engineProfile(engine: string, version: string, majorMinor: string, serviceAdds: readonly string[] = []): EngineProfile {
  return {
    engine,
    version,
    adds: [...engineAdditions(engine, majorMinor), ...serviceAdds],
    lacks: engine === 'valkey' ? [] : redisLacks(majorMinor),
  };
}
