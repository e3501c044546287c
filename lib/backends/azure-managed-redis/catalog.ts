import { AzureManagedRedisSkuFamily } from './props';
import { EvictionPolicy, SizeOption } from '../../plan';

/**
 * Azure Managed Redis SKUs per in-memory tier, with the memory Azure advertises for each (GB, taken as
 * GiB for sizing). With high availability on, Azure keeps a replica of that memory on a second node.
 */
export const MANAGED_REDIS_SKUS: Readonly<Record<AzureManagedRedisSkuFamily, readonly SizeOption[]>> = {
  [AzureManagedRedisSkuFamily.BALANCED]: [
    { id: 'Balanced_B0', memoryGib: 0.5 },
    { id: 'Balanced_B1', memoryGib: 1 },
    { id: 'Balanced_B3', memoryGib: 3 },
    { id: 'Balanced_B5', memoryGib: 6 },
    { id: 'Balanced_B10', memoryGib: 12 },
    { id: 'Balanced_B20', memoryGib: 24 },
    { id: 'Balanced_B50', memoryGib: 60 },
    { id: 'Balanced_B100', memoryGib: 120 },
    { id: 'Balanced_B150', memoryGib: 180 },
    { id: 'Balanced_B250', memoryGib: 240 },
    { id: 'Balanced_B350', memoryGib: 360 },
    { id: 'Balanced_B500', memoryGib: 480 },
    { id: 'Balanced_B700', memoryGib: 720 },
    { id: 'Balanced_B1000', memoryGib: 960 },
  ],
  [AzureManagedRedisSkuFamily.MEMORY_OPTIMIZED]: [
    { id: 'MemoryOptimized_M10', memoryGib: 12 },
    { id: 'MemoryOptimized_M20', memoryGib: 24 },
    { id: 'MemoryOptimized_M50', memoryGib: 60 },
    { id: 'MemoryOptimized_M100', memoryGib: 120 },
    { id: 'MemoryOptimized_M150', memoryGib: 180 },
    { id: 'MemoryOptimized_M250', memoryGib: 240 },
    { id: 'MemoryOptimized_M350', memoryGib: 360 },
    { id: 'MemoryOptimized_M500', memoryGib: 480 },
    { id: 'MemoryOptimized_M700', memoryGib: 720 },
    { id: 'MemoryOptimized_M1000', memoryGib: 960 },
  ],
  [AzureManagedRedisSkuFamily.COMPUTE_OPTIMIZED]: [
    { id: 'ComputeOptimized_X3', memoryGib: 3 },
    { id: 'ComputeOptimized_X5', memoryGib: 6 },
    { id: 'ComputeOptimized_X10', memoryGib: 12 },
    { id: 'ComputeOptimized_X20', memoryGib: 24 },
    { id: 'ComputeOptimized_X50', memoryGib: 60 },
    { id: 'ComputeOptimized_X100', memoryGib: 120 },
    { id: 'ComputeOptimized_X150', memoryGib: 180 },
    { id: 'ComputeOptimized_X250', memoryGib: 240 },
    { id: 'ComputeOptimized_X350', memoryGib: 360 },
    { id: 'ComputeOptimized_X500', memoryGib: 480 },
    { id: 'ComputeOptimized_X700', memoryGib: 720 },
  ],
};

/** The port of the default database's TLS endpoint. */
export const MANAGED_REDIS_PORT = 10000;

/** The nodes that hold the data with high availability on (primary and replica), and off. */
export const MANAGED_REDIS_NODES_WITH_HA = 2;
export const MANAGED_REDIS_NODES_WITHOUT_HA = 1;

/** The default database's settings, each one of the values the provider's schema accepts. */
export const DEFAULT_DATABASE = {
  /** `client_protocol`: Encrypted | Plaintext. */
  clientProtocol: 'Encrypted',
  /** `clustering_policy`: EnterpriseCluster gives non-cluster clients one endpoint (OSSCluster | NoCluster otherwise). */
  clusteringPolicy: 'EnterpriseCluster',
} as const;

/**
 * `default_database.eviction_policy` for each eviction policy: azurerm v4.55.0 takes the API's names
 * (`PossibleValuesForEvictionPolicy`, redisenterprise databases) and defaults to `VolatileLRU`. It changes in place.
 */
export const MANAGED_REDIS_EVICTION_POLICIES: Readonly<Record<EvictionPolicy, string>> = {
  [EvictionPolicy.NO_EVICTION]: 'NoEviction',
  [EvictionPolicy.ALL_KEYS_LRU]: 'AllKeysLRU',
  [EvictionPolicy.ALL_KEYS_LFU]: 'AllKeysLFU',
  [EvictionPolicy.ALL_KEYS_RANDOM]: 'AllKeysRandom',
  [EvictionPolicy.VOLATILE_LRU]: 'VolatileLRU',
  [EvictionPolicy.VOLATILE_LFU]: 'VolatileLFU',
  [EvictionPolicy.VOLATILE_RANDOM]: 'VolatileRandom',
  [EvictionPolicy.VOLATILE_TTL]: 'VolatileTTL',
};

/**
 * The regions of `AZURE_REGIONS` without availability zones, where a highly available cache keeps its replica in the
 * same datacenter (Microsoft's "Azure regions list" of regions with availability zone support, as of 2025; the other
 * US and EU regions here have three zones).
 */
export const REGIONS_WITHOUT_ZONES: readonly string[] = ['northcentralus', 'westcentralus', 'westus', 'francesouth', 'germanynorth'];

/** The values `persistence_redis_database_backup_frequency` accepts. */
export const RDB_BACKUP_FREQUENCIES: readonly string[] = ['1h', '6h', '12h'];

/**
 * The values `persistence_append_only_file_backup_frequency` accepts: azurerm v4.55.0 takes the API's `1s` and `always`
 * but leaves out `always`, which Azure deprecated (`validate.PossibleValuesForAofFrequency`).
 */
export const AOF_BACKUP_FREQUENCIES: readonly string[] = ['1s'];

/** How often AOF persistence writes to disk: every second, which keeps the recovery point and the disaster-recovery copy. */
export const AOF_BACKUP_FREQUENCY = '1s';

/** The Redis version Azure Managed Redis runs; the provider does not expose it. */
export const MANAGED_REDIS_ENGINE_VERSION = '7.4';

/**
 * The restricted commands Azure Managed Redis (Redis Software) refuses outright, per redis.io "Redis
 * Software compatibility" (server, cluster and key command tables). CLUSTER subcommands are only answered
 * under the OSS cluster API, which the EnterpriseCluster policy does not expose.
 */
export const MANAGED_REDIS_REFUSED_COMMANDS: readonly string[] = [
  'bgrewriteaof', 'bgsave', 'cluster', 'debug', 'failover', 'lastsave', 'migrate', 'replicaof', 'save', 'shutdown', 'slaveof',
];

/** Restricted commands it refuses in part: ACL writes (SETUSER, DELUSER, LOAD, SAVE, LOG, GENPASS) and most CONFIG. */
export const MANAGED_REDIS_PARTLY_REFUSED_COMMANDS: readonly string[] = ['acl', 'config'];

/** The ARM API versions the export job calls. */
export const REDIS_ENTERPRISE_API_VERSION = '2025-07-01';
export const STORAGE_API_VERSION = '2023-05-01';

/**
 * The only operations the export job's identity may perform: list a service SAS for the export
 * container, and start an export of this database.
 */
export const EXPORT_ROLE_ACTIONS: readonly string[] = [
  'Microsoft.Storage/storageAccounts/listServiceSas/action',
  'Microsoft.Cache/redisEnterprise/databases/export/action',
];

/** The blob container the exports go to. */
export const EXPORT_CONTAINER = 'exports';

/** Hours a generated SAS stays valid: long enough for one export of the largest SKU to finish writing. */
export const EXPORT_SAS_HOURS = 6;

/** The private-link sub-resource and DNS zone of Azure Managed Redis private endpoints. */
export const PRIVATE_LINK_SUBRESOURCE = 'redisEnterprise';
export const PRIVATE_DNS_ZONE = 'privatelink.redis.azure.net';

/** Priorities of the network security group's rules: the allow-list first, then a deny for everyone else. */
export const NSG_ALLOW_PRIORITY = 100;
export const NSG_DENY_PRIORITY = 4000;
