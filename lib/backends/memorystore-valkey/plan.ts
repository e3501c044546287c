import { VALKEY_MAX_BACKUP_RETENTION_DAYS, VALKEY_NODE_TYPES, VALKEY_PORT, ValkeyNodeType } from './node-types';
import { MemorystoreValkeyBackendProps, MemorystoreValkeyVersion } from './props';
import {
  ChoreoRedisError, DataStoreRequest, IsUnresolved, NameRule, ProductPromise, PromiseConformance, Realization, deriveName,
  maxConnectionsFor, memoryMb, smallestFit, stableHash, standbyCount, validateName,
} from '../../plan';
import type { BackendNames, BackendPlan } from '../backend';
import {
  SECONDS_PER_DAY, connectionLimitConformance, dnsRecordName, luaConformance, networkConformance, normalizeLabels,
  stableEndpointConformance, stablePart, validateHour, validateKmsKey, validatePrivateDnsZone, validateProjectAndRegion,
} from '../memorystore/google';
import { MemorystoreMaintenanceDay } from '../memorystore/props';

/** Memorystore for Valkey's rule for instance IDs (`google_memorystore_instance.instance_id`). */
export const VALKEY_INSTANCE_ID_RULE: NameRule = {
  maxLength: 63,
  pattern: /^[a-z0-9][a-z0-9-]{2,61}[a-z0-9]$/,
  description: 'lowercase letters, digits and hyphens, starting with a letter or digit and not ending with a hyphen, at least 4 characters',
};

const NETWORK = /^projects\/([^/]+)\/global\/networks\/([^/]+)$/;
/** A subnetwork's full name; the group is its region. */
const SUBNETWORK = /^projects\/[^/\s]+\/regions\/([^/\s]+)\/subnetworks\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** An IAM principal a project role can be granted to: its kind, a colon and its identifier. */
const MEMBER = /^(user|serviceAccount|group|domain|principal|principalSet):\S+$/;
const DEFAULT_BACKUP_HOUR = 3;
const DEFAULT_MAINTENANCE_HOUR = 5;

/** The renderer's share of a Memorystore for Valkey plan. */
export interface MemorystoreValkeySettings {
  readonly nodeType: string;
  readonly replicaCount: number;
  /** MULTI_ZONE when the plan fails over, SINGLE_ZONE otherwise. */
  readonly zoneDistribution: string;
  readonly maxClients: number;
  /** `<seconds>s`, for plans with backup history. */
  readonly backupRetention?: string;
  readonly backupHour: number;
  readonly maintenanceDay: string;
  readonly maintenanceHour: number;
  /** The project of the network, where the endpoints are created. */
  readonly networkProject: string;
  readonly connectionPolicyName: string;
  readonly labels: Record<string, string>;
  readonly dnsRecordName?: string;
}

/** Validates the backend's own props before any data store uses them. */
export function validateMemorystoreValkeyProps(props: MemorystoreValkeyBackendProps, isUnresolved: IsUnresolved): void {
  validateProjectAndRegion(props.project, props.region, 'memorystoreValkey', isUnresolved);
  if (!isUnresolved(props.network) && !NETWORK.test(props.network ?? '')) {
    throw new ChoreoRedisError('MissingNetwork',
      `network "${props.network}" is not a VPC network's full name; Memorystore for Valkey puts its Private Service Connect endpoints in one. Pass "projects/<project>/global/networks/<network>".`);
  }
  if (props.pscSubnetworks !== undefined && !isUnresolved(props.pscSubnetworks) && props.pscSubnetworks.length === 0) {
    throw new ChoreoRedisError('MissingNetwork',
      'pscSubnetworks is empty; the service connection policy needs at least one subnetwork of the network. List one, or omit pscSubnetworks if the network already has a policy for gcp-memorystore in this region.');
  }
  (isUnresolved(props.pscSubnetworks) ? [] : props.pscSubnetworks ?? []).forEach((subnetwork, index) => {
    if (isUnresolved(subnetwork)) return;
    const match = SUBNETWORK.exec(subnetwork ?? '');
    if (match === null || (!isUnresolved(props.region) && match[1] !== props.region)) {
      throw new ChoreoRedisError('MissingNetwork',
        `pscSubnetworks[${index}] "${subnetwork}" is not a subnetwork of ${props.region}; the service connection policy takes subnetworks of its own region, written "projects/<project>/regions/${props.region}/subnetworks/<name>".`);
    }
  });
  (isUnresolved(props.clientMembers) ? [] : props.clientMembers ?? []).forEach((member, index) => {
    if (!isUnresolved(member) && !MEMBER.test(member ?? '')) {
      throw new ChoreoRedisError('InvalidMember',
        `clientMembers[${index}] "${member}" is not an IAM principal that a project role can be granted to; write its kind and identifier, such as "serviceAccount:app@my-project.iam.gserviceaccount.com", "user:ops@example.com" or "group:cache-users@example.com".`);
    }
  });
  const days: string[] = Object.values(MemorystoreMaintenanceDay);
  if (props.maintenanceDay !== undefined && !days.includes(props.maintenanceDay)) {
    throw new ChoreoRedisError('InvalidMaintenanceDay',
      `maintenanceDay "${props.maintenanceDay}" is not one of ${days.join(', ')}; use a MemorystoreMaintenanceDay value.`);
  }
  validateKmsKey(props.kmsKey, props.region, isUnresolved);
  validateHour(props.backupHour, 'backupHour', isUnresolved);
  validateHour(props.maintenanceHour, 'maintenanceHour', isUnresolved);
  validatePrivateDnsZone(props.privateDnsZone, isUnresolved);
  const version = (props.engineVersion ?? MemorystoreValkeyVersion.VALKEY_8_0).version;
  if (!isUnresolved(version) && !/^VALKEY_\d+_\d+$/.test(version)) {
    throw new ChoreoRedisError('InvalidEngineVersion',
      `engineVersion "${version}" is not a Memorystore for Valkey version; write it like "VALKEY_8_0", or use MemorystoreValkeyVersion.VALKEY_8_0.`);
  }
}

/** How Memorystore for Valkey keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  nodeType: ValkeyNodeType; replicaCount: number; zoneDistribution: string; maxClients: number; historyDays: number; dnsRecord?: string;
}): PromiseConformance[] {
  const { promises } = request;
  return [
    {
      promise: ProductPromise.NODES,
      realization: Realization.NATIVE,
      detail: `one shard of ${plan.nodeType.id} with ${plan.replicaCount} replica(s), ${plan.zoneDistribution.toLowerCase().replace('_', '-')}`,
    },
    {
      promise: ProductPromise.AUTOMATIC_FAILOVER,
      realization: Realization.NATIVE,
      detail: promises.automaticFailover ? 'Memorystore promotes a replica in another zone when the primary fails' : 'single node: the plan promises no failover',
    },
    {
      promise: ProductPromise.DISASTER_RECOVERY_BACKUP,
      realization: Realization.NATIVE,
      detail: 'RDB persistence, a snapshot every hour, restores the instance after a failure',
    },
    plan.historyDays === 0
      ? { promise: ProductPromise.BACKUP_HISTORY, realization: Realization.NATIVE, detail: 'the plan keeps no history beyond the RDB snapshot' }
      : {
        promise: ProductPromise.BACKUP_HISTORY,
        realization: Realization.NATIVE,
        detail: `daily automated backups kept ${plan.historyDays} day(s)`,
      },
    {
      promise: ProductPromise.ENCRYPTION_AT_REST,
      realization: Realization.NATIVE,
      detail: 'Memorystore encrypts data and backups at rest (Google-managed or the given KMS key)',
    },
    {
      promise: ProductPromise.TLS,
      realization: Realization.NATIVE,
      detail: 'transit_encryption_mode = "SERVER_AUTHENTICATION"; clients trust the instance\'s managed server CA',
    },
    {
      promise: ProductPromise.AUTHENTICATION,
      realization: Realization.SUBSTITUTED,
      detail: 'google provider 6.50 offers only IAM authentication for Memorystore for Valkey, with no static password: a client sends an OAuth access token of an identity holding roles/memorystore.dbConnectionUser as its password; the URI carries the token of the identity that ran Terraform, which expires within an hour',
      fix: 'have each client fetch its own access token (clientMembers grants the role), or choose RedisBackend.memorystore() for a static password',
    },
    networkConformance(request, 'clients connect through the Private Service Connect endpoints on the given network'),
    stableEndpointConformance(plan.dnsRecord, 'primary endpoint\'s'),
    connectionLimitConformance(plan.maxClients, maxConnectionsFor(memoryMb(plan.nodeType.memoryGib)),
      `engine_configs sets maxclients, capped at ${plan.nodeType.maxClientsCap} for ${plan.nodeType.id}, to`,
      'choose a memoryGib whose node type allows the formula (STANDARD_SMALL or HIGHMEM_MEDIUM), or DigitalOcean'),
    {
      promise: ProductPromise.RESTRICTED_COMMANDS,
      realization: Realization.SUBSTITUTED,
      detail: 'only the administrative commands Memorystore for Valkey blocks itself are refused; its ACL policies need google provider 7.46 or later',
      fix: 'choose ElastiCache or DigitalOcean, which refuse all 16',
    },
    luaConformance(request.luaScripting, 'Memorystore for Valkey'),
    { promise: ProductPromise.REGION, realization: Realization.NATIVE, detail: 'region checked against the US and EU list and set on every resource' },
  ];
}

/** Decides node type, replicas, backups, limits and names for one Memorystore for Valkey data store. */
export function planMemorystoreValkey(props: MemorystoreValkeyBackendProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): BackendPlan {
  const { promises } = request;
  const nodeType = smallestFit(VALKEY_NODE_TYPES, request.memoryGib, 'Memorystore for Valkey node types in google provider 6.50') as ValkeyNodeType;
  const name = names.name === undefined
    ? deriveName(names.path, VALKEY_INSTANCE_ID_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, VALKEY_INSTANCE_ID_RULE, 'name');
  const idBase = isUnresolved(name) ? deriveName(names.path, VALKEY_INSTANCE_ID_RULE) : name;
  const maxClients = Math.min(nodeType.maxClientsCap, maxConnectionsFor(memoryMb(nodeType.memoryGib)));
  const historyDays = Math.min(promises.backupHistoryDays, VALKEY_MAX_BACKUP_RETENTION_DAYS);
  const replicaCount = standbyCount(promises);
  const zoneDistribution = promises.automaticFailover ? 'MULTI_ZONE' : 'SINGLE_ZONE';
  const dnsRecord = dnsRecordName(props.privateDnsZone, idBase);
  const settings: MemorystoreValkeySettings = {
    nodeType: nodeType.id,
    replicaCount,
    zoneDistribution,
    maxClients,
    backupRetention: historyDays > 0 ? `${historyDays * SECONDS_PER_DAY}s` : undefined,
    backupHour: props.backupHour ?? DEFAULT_BACKUP_HOUR,
    maintenanceDay: props.maintenanceDay ?? MemorystoreMaintenanceDay.SUNDAY,
    maintenanceHour: props.maintenanceHour ?? DEFAULT_MAINTENANCE_HOUR,
    networkProject: NETWORK.exec(props.network)?.[1] ?? props.project,
    connectionPolicyName: `memorystore-psc-${stableHash(`${stablePart(props.network, isUnresolved)}/${stablePart(props.region, isUnresolved)}`)}`,
    labels: normalizeLabels(request.tags, isUnresolved),
    dnsRecordName: dnsRecord,
  };
  return {
    request,
    name,
    size: { id: nodeType.id, memoryGib: nodeType.memoryGib },
    nodeCount: promises.nodeCount,
    backupRetentionDays: historyDays,
    engine: 'valkey',
    engineVersion: (props.engineVersion ?? MemorystoreValkeyVersion.VALKEY_8_0).version,
    port: VALKEY_PORT,
    serviceMaxConnections: maxClients,
    conformance: conformance(request, { nodeType, replicaCount, zoneDistribution, maxClients, historyDays, dnsRecord }),
    settings: settings as unknown as Record<string, unknown>,
  };
}
