import { SizeOption } from '../../plan';

/** A Memorystore for Valkey node type, with its memory and its `maxclients` ceiling. */
export interface ValkeyNodeType extends SizeOption {
  /** The most `maxclients` the node type accepts. */
  readonly maxClientsCap: number;
}

/**
 * The node types google provider 6.50 documents for `google_memorystore_instance`, with total memory per
 * node in GB and the `maxclients` ceiling from Memorystore's quotas.
 */
export const VALKEY_NODE_TYPES: readonly ValkeyNodeType[] = [
  { id: 'SHARED_CORE_NANO', memoryGib: 1.4, maxClientsCap: 5_000 },
  { id: 'STANDARD_SMALL', memoryGib: 6.5, maxClientsCap: 32_000 },
  { id: 'HIGHMEM_MEDIUM', memoryGib: 13, maxClientsCap: 64_000 },
  { id: 'HIGHMEM_XLARGE', memoryGib: 58, maxClientsCap: 64_000 },
];

/** The port of Memorystore for Valkey's Private Service Connect endpoints (TLS when in-transit encryption is on). */
export const VALKEY_PORT = 6379;

/** The service class of the service connection policy that Private Service Connect endpoints need. */
export const VALKEY_SERVICE_CLASS = 'gcp-memorystore';

/** The role a client's IAM identity needs to authenticate with an access token. */
export const VALKEY_CONNECTION_ROLE = 'roles/memorystore.dbConnectionUser';

/** The most days of automated backups Memorystore for Valkey keeps. */
export const VALKEY_MAX_BACKUP_RETENTION_DAYS = 365;
