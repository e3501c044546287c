import { SizeOption } from '../../plan';

/** Memorystore for Redis capacity (`memory_size_gb`): whole GiB from 1 to 300. */
export const MEMORYSTORE_REDIS_SIZES: readonly SizeOption[] = Array.from({ length: 300 }, (_, i) => ({ id: `${i + 1}gb`, memoryGib: i + 1 }));

/** The smallest capacity that takes read replicas, which Premium's two standbys need. */
export const READ_REPLICAS_MIN_GIB = 5;

/** The most replicas a STANDARD_HA instance with read replicas runs. */
export const MAX_READ_REPLICAS = 5;

/**
 * Memorystore for Redis's service tier and replica settings by number of standbys: the tier decision as
 * data. One standby is the classic STANDARD_HA replica; more need read-replicas mode.
 */
export const MEMORYSTORE_TOPOLOGIES: readonly MemorystoreTopology[] = [
  { standbys: 0, tier: 'BASIC', readReplicasMode: undefined },
  { standbys: 1, tier: 'STANDARD_HA', readReplicasMode: 'READ_REPLICAS_DISABLED' },
  ...[2, 3, 4, 5].map((standbys) => ({ standbys, tier: 'STANDARD_HA', readReplicasMode: 'READ_REPLICAS_ENABLED' })),
];

/** One row of `MEMORYSTORE_TOPOLOGIES`. */
export interface MemorystoreTopology {
  readonly standbys: number;
  readonly tier: string;
  /** Unset for BASIC, where the API refuses the field. */
  readonly readReplicasMode?: string;
}

/** Memorystore for Redis's fixed client limit per instance (not among its modifiable configs). */
export const MEMORYSTORE_REDIS_MAX_CLIENTS = 65_000;

/** The port Memorystore for Redis listens on with in-transit encryption (SERVER_AUTHENTICATION). */
export const MEMORYSTORE_REDIS_TLS_PORT = 6378;

/**
 * The restricted commands Memorystore for Redis refuses natively (Google's "Blocked Redis commands" list).
 * FAILOVER, ROLE and SLAVEOF are not on it.
 */
export const MEMORYSTORE_REDIS_BLOCKED_COMMANDS: readonly string[] = [
  'acl', 'bgrewriteaof', 'bgsave', 'cluster', 'command', 'config', 'debug', 'lastsave', 'migrate', 'monitor', 'replicaof', 'save',
  'shutdown',
];

/** The instance API's export method, which writes an RDB file to Cloud Storage. */
export const REDIS_API = 'https://redis.googleapis.com/v1';

/** The one permission the backup job's service account needs. */
export const EXPORT_PERMISSIONS: readonly string[] = ['redis.instances.export'];
