import { EvictionPolicy, SizeOption } from '../../plan';

/**
 * DigitalOcean database size slugs offered for Managed Valkey, with memory per node in GiB: shared-CPU `db-s-*`
 * sizes, then memory-optimized `m-*` sizes. For equal memory the first listed wins, so the cheaper shared-CPU
 * size is chosen.
 */
export const DIGITALOCEAN_VALKEY_SIZES: readonly SizeOption[] = [
  { id: 'db-s-1vcpu-1gb', memoryGib: 1 },
  { id: 'db-s-1vcpu-2gb', memoryGib: 2 },
  { id: 'db-s-2vcpu-4gb', memoryGib: 4 },
  { id: 'db-s-4vcpu-8gb', memoryGib: 8 },
  { id: 'db-s-6vcpu-16gb', memoryGib: 16 },
  { id: 'db-s-8vcpu-32gb', memoryGib: 32 },
  { id: 'db-s-16vcpu-64gb', memoryGib: 64 },
  { id: 'm-2vcpu-16gb', memoryGib: 16 },
  { id: 'm-4vcpu-32gb', memoryGib: 32 },
  { id: 'm-8vcpu-64gb', memoryGib: 64 },
  { id: 'm-16vcpu-128gb', memoryGib: 128 },
  { id: 'm-24vcpu-192gb', memoryGib: 192 },
  { id: 'm-32vcpu-256gb', memoryGib: 256 },
];

/** The port Managed Valkey listens on, TLS only. */
export const DIGITALOCEAN_VALKEY_PORT = 25061;

/** The most nodes a Managed Valkey cluster runs: a primary and one standby. */
export const DIGITALOCEAN_VALKEY_MAX_NODES = 2;

/** The least memory per node of a cluster with a standby node, in GiB. */
export const DIGITALOCEAN_VALKEY_MIN_STANDBY_MEMORY_GIB = 2;

/** The most trusted sources a database firewall holds. */
export const DIGITALOCEAN_FIREWALL_MAX_SOURCES = 100;

/** The oldest Valkey major version Managed Valkey runs. */
export const DIGITALOCEAN_VALKEY_MIN_VERSION = 8;

/** DigitalOcean's rule for a tag (`ValidateTag` in the provider): letters, digits, colons, dashes, underscores. */
export const DIGITALOCEAN_TAG_PATTERN = /^[a-zA-Z0-9:_-]{1,255}$/;

/** The longest tag DigitalOcean accepts. */
export const DIGITALOCEAN_TAG_MAX_LENGTH = 255;

/**
 * `digitalocean_database_cluster.eviction_policy` for the policies Managed Valkey offers: the API's underscored names
 * (godo `EvictionPolicy*` constants, vendored in terraform-provider-digitalocean v2.71.0; the provider checks only that the
 * value is not empty and sets it in place through the eviction-policy endpoint). DigitalOcean offers no LFU policy, and
 * writes noeviction when the attribute is left out (resource_database_cluster.go Update).
 */
export const DIGITALOCEAN_EVICTION_POLICIES: Readonly<Partial<Record<EvictionPolicy, string>>> = {
  [EvictionPolicy.NO_EVICTION]: 'noeviction',
  [EvictionPolicy.ALL_KEYS_LRU]: 'allkeys_lru',
  [EvictionPolicy.ALL_KEYS_RANDOM]: 'allkeys_random',
  [EvictionPolicy.VOLATILE_LRU]: 'volatile_lru',
  [EvictionPolicy.VOLATILE_RANDOM]: 'volatile_random',
  [EvictionPolicy.VOLATILE_TTL]: 'volatile_ttl',
};
