import { Fn } from 'cdktf';
import {
  DEFAULT_DATABASE, EXPORT_CONTAINER, MANAGED_REDIS_ENGINE_VERSION, MANAGED_REDIS_NODES_WITHOUT_HA, MANAGED_REDIS_NODES_WITH_HA,
  MANAGED_REDIS_PARTLY_REFUSED_COMMANDS, MANAGED_REDIS_PORT, MANAGED_REDIS_REFUSED_COMMANDS, MANAGED_REDIS_SKUS, PRIVATE_DNS_ZONE,
  RDB_BACKUP_FREQUENCIES, RDB_BACKUP_FREQUENCY,
} from './catalog';
import { AzureManagedRedisBackendProps, AzureManagedRedisSkuFamily } from './props';
import {
  ChoreoRedisError, ConformanceRecord, DataStoreRequest, IpFamily, IsUnresolved, Kept, NameRule, RESTRICTED_COMMANDS, Realization, deriveName,
  failoverKept, maxConnectionsFor, memoryMb, regionKept, smallestFit, stableHash, validateName,
} from '../../plan';
import type { BackendNames, Planned } from '../definition';

/** The provider's rule for `azurerm_managed_redis.name` (`validate.ManagedRedisClusterName`). */
export const MANAGED_REDIS_NAME_RULE: NameRule = {
  maxLength: 63,
  pattern: /^(?!.*--)[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/,
  description: 'at least 3 letters, digits and hyphens, starting and ending with a letter or digit, with no two hyphens in a row',
  title: 'Azure Managed Redis names',
  characters: /[A-Za-z0-9-]/,
};

/** Azure's rule for resource group names. */
export const RESOURCE_GROUP_NAME_RULE: NameRule = {
  maxLength: 90,
  pattern: /^[-\w.()]*[-\w()]$/,
  description: 'letters, digits, underscores, hyphens, periods and parentheses, not ending with a period',
  title: 'Azure resource group names',
  characters: /[-\w.()]/,
};

const DEFAULT_BACKUP_HOUR = 3;

/**
 * A subnet resource ID; the first group is its virtual network's ID. The provider parses resource IDs with
 * case-sensitive segment names (`commonids.ValidateSubnetID`, `ValidatePrivateDnsZoneID`), so these do too.
 */
const SUBNET_ID = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/;
/** A private DNS zone resource ID; the group is the zone's name, which DNS compares case-insensitively. */
const PRIVATE_DNS_ZONE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/([^/]+)$/;

/** The export job that keeps the plan's backup history. */
export interface ManagedRedisExportSettings {
  /** Days an export and its versions are kept. */
  readonly historyDays: number;
  /** The hour (UTC) of the daily export. */
  readonly hour: number;
  /** When the export runs, in words for the conformance report. */
  readonly schedule: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  readonly workflowName: string;
  readonly roleName: string;
}

/**
 * The private DNS zone that holds the endpoint's record: an existing zone the user named, or one the construct
 * defines and links to the subnet's virtual network.
 */
export type ManagedRedisDnsZoneSettings =
  | { readonly existingZoneId: string }
  | {
    readonly zoneName: string;
    readonly linkName: string;
    /** The subnet's virtual network: its ID, or Terraform functions that cut it from a subnet ID known only at apply. */
    readonly virtualNetworkId: string;
  };

/** The private endpoint that enforces an allow-list. */
export interface ManagedRedisPrivateEndpointSettings {
  readonly subnetId: string;
  readonly dnsZone: ManagedRedisDnsZoneSettings;
  readonly endpointName: string;
  readonly securityGroupName: string;
  /** The allowed sources, canonical CIDR blocks (or tokens). */
  readonly sources: readonly string[];
}

/** The renderer's share of an Azure Managed Redis plan. */
export interface ManagedRedisSettings {
  readonly location: string;
  readonly skuName: string;
  readonly highAvailability: boolean;
  /** The resource group to use, or to define when `defineResourceGroup` is true. */
  readonly resourceGroupName: string;
  readonly defineResourceGroup: boolean;
  readonly rdbBackupFrequency: string;
  /** `Enabled`, or `Disabled` when a private endpoint enforces the allow-list. */
  readonly publicNetworkAccess: string;
  /** Present when a private endpoint enforces `allowedCidrs`. */
  readonly privateEndpoint?: ManagedRedisPrivateEndpointSettings;
  /** Present when the plan promises backup history. */
  readonly export?: ManagedRedisExportSettings;
}

/** Validates the backend's own props before any data store uses them. */
export function validateManagedRedisProps(props: AzureManagedRedisBackendProps, isUnresolved: IsUnresolved): void {
  const family = props.skuFamily;
  if (family !== undefined && !Object.values(AzureManagedRedisSkuFamily).includes(family)) {
    throw new ChoreoRedisError('InvalidSkuFamily',
      `skuFamily "${String(family)}" is not an Azure Managed Redis in-memory tier; use AzureManagedRedisSkuFamily.${Object.keys(AzureManagedRedisSkuFamily).join(', AzureManagedRedisSkuFamily.')}.`);
  }
  const hour = props.backupHour;
  if (hour !== undefined && !isUnresolved(hour) && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
    throw new ChoreoRedisError('InvalidHour', `backupHour ${hour} is not an hour of the day; give a whole number from 0 to 23 (UTC), such as ${DEFAULT_BACKUP_HOUR}.`);
  }
  if (props.resourceGroupName !== undefined && !isUnresolved(props.resourceGroupName)) {
    validateName(props.resourceGroupName, RESOURCE_GROUP_NAME_RULE, 'resourceGroupName');
  }
  const subnet = props.privateEndpointSubnetId;
  if (subnet !== undefined && !isUnresolved(subnet) && !SUBNET_ID.test(subnet)) {
    throw new ChoreoRedisError('InvalidSubnetId',
      `privateEndpointSubnetId "${subnet}" is not a subnet resource ID; write "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<network>/subnets/<subnet>" with the segment names in this case, or pass a subnet's id attribute.`);
  }
  const zone = props.privateDnsZoneId;
  if (zone !== undefined && subnet === undefined) {
    throw new ChoreoRedisError('PrivateDnsZoneWithoutEndpoint',
      'privateDnsZoneId is set without privateEndpointSubnetId; the zone only serves the private endpoint. Pass privateEndpointSubnetId too, or omit privateDnsZoneId.');
  }
  if (zone !== undefined && !isUnresolved(zone) && PRIVATE_DNS_ZONE_ID.exec(zone)?.[1].toLowerCase() !== PRIVATE_DNS_ZONE) {
    throw new ChoreoRedisError('InvalidPrivateDnsZoneId',
      `privateDnsZoneId "${zone}" is not the ID of a ${PRIVATE_DNS_ZONE} private DNS zone; write "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/${PRIVATE_DNS_ZONE}" with the segment names in this case.`);
  }
}

/** Decides how the allow-list is kept: public access, or a private endpoint with a network security group. */
function planNetwork(props: AzureManagedRedisBackendProps, request: DataStoreRequest, name: string): ManagedRedisPrivateEndpointSettings | undefined {
  const subnetId = props.privateEndpointSubnetId;
  const cidrs = request.allowedCidrs;
  if (subnetId === undefined) return undefined;
  if (cidrs === undefined) {
    throw new ChoreoRedisError('PrivateEndpointWithoutAllowList',
      'privateEndpointSubnetId is set but allowedCidrs is not; the private endpoint exists to enforce allowedCidrs, and without it the data store stays open to every source. Give allowedCidrs, or omit privateEndpointSubnetId.');
  }
  const ipv6 = cidrs.filter((block) => block.family === IpFamily.IPV6);
  if (ipv6.length > 0) {
    throw new ChoreoRedisError('UnsupportedCidrFamily',
      `allowedCidrs has IPv6 entries (${ipv6.map((b) => b.cidr).join(', ')}); the private endpoint and its network security group admit IPv4 sources only. Remove them, or list the IPv4 addresses those clients reach the virtual network from.`);
  }
  const endpointName = `${name}-pe`;
  const dnsZone: ManagedRedisDnsZoneSettings = props.privateDnsZoneId !== undefined
    ? { existingZoneId: props.privateDnsZoneId }
    : {
      zoneName: PRIVATE_DNS_ZONE,
      linkName: `${endpointName}-dns`,
      // The subnet ID up to and including the virtual network's name.
      virtualNetworkId: SUBNET_ID.exec(subnetId)?.[1] ?? Fn.join('/', Fn.slice(Fn.split('/', subnetId), 0, 9)),
    };
  return {
    subnetId,
    dnsZone,
    endpointName,
    securityGroupName: `${name}-nsg`,
    sources: cidrs.map((block) => block.cidr),
  };
}

/** Checks the database settings against the provider's schema: enums and the persistence conflicts. */
export function validateDatabaseSettings(settings: {
  rdbBackupFrequency: string; aofBackupFrequency?: string; geoReplicationGroupName?: string;
}): void {
  if (!RDB_BACKUP_FREQUENCIES.includes(settings.rdbBackupFrequency)) {
    throw new ChoreoRedisError('InvalidPersistence',
      `persistence_redis_database_backup_frequency "${settings.rdbBackupFrequency}" is not accepted; Azure Managed Redis takes ${RDB_BACKUP_FREQUENCIES.join(', ')}.`);
  }
  const conflict = settings.aofBackupFrequency !== undefined ? 'AOF persistence' : settings.geoReplicationGroupName !== undefined ? 'geo-replication' : undefined;
  if (conflict !== undefined) {
    throw new ChoreoRedisError('PersistenceConflict',
      `RDB persistence conflicts with ${conflict} on Azure Managed Redis; the disaster-recovery backup needs RDB persistence, so ${conflict} cannot be combined with it.`);
  }
}

/** How the allow-list promise is kept: open by default, enforced through a private endpoint, or not at all. */
function networkAccess(request: DataStoreRequest, privateEndpoint?: ManagedRedisPrivateEndpointSettings): Kept {
  const cidrs = request.allowedCidrs;
  if (cidrs === undefined) {
    return { realization: Realization.NATIVE, detail: 'public_network_access = "Enabled": every source may connect' };
  }
  if (privateEndpoint !== undefined) {
    return {
      realization: Realization.EMULATED,
      detail: `public network access off; a private endpoint in privateEndpointSubnetId, whose network security group admits only the ${cidrs.length} allowedCidrs source(s) on port ${MANAGED_REDIS_PORT}: reachable from the virtual network and networks routed into it, not from the internet`,
    };
  }
  return {
    realization: Realization.UNAVAILABLE,
    detail: `Azure Managed Redis has no IP firewall; it offers only public network access on or off plus private endpoints, so the ${cidrs.length} allowedCidrs entr${cidrs.length === 1 ? 'y' : 'ies'} cannot be enforced on its public endpoint`,
    fix: 'pass privateEndpointSubnetId to enforce allowedCidrs through a private endpoint (reachable from the virtual network only), or omit allowedCidrs',
  };
}

/** How Azure Managed Redis keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  skuName: string;
  memoryGib: number;
  highAvailability: boolean;
  nodeCount: number;
  export?: ManagedRedisExportSettings;
  privateEndpoint?: ManagedRedisPrivateEndpointSettings;
}): ConformanceRecord {
  const { promises } = request;
  const promised = maxConnectionsFor(memoryMb(plan.memoryGib));
  const refused = [...MANAGED_REDIS_REFUSED_COMMANDS, ...MANAGED_REDIS_PARTLY_REFUSED_COMMANDS];
  const notRefused = RESTRICTED_COMMANDS.filter((c) => !refused.includes(c));
  const history = plan.export;
  return {
    'nodes': plan.nodeCount === promises.nodeCount
      ? { realization: Realization.NATIVE, detail: `high_availability_enabled = ${plan.highAvailability} (${plan.nodeCount} node(s)), ${plan.skuName}` }
      : {
        realization: Realization.SUBSTITUTED,
        detail: `Azure Managed Redis keeps at most ${MANAGED_REDIS_NODES_WITH_HA} copies of the data (high availability: primary and replica), not the ${promises.nodeCount} nodes the plan promises`,
        fix: 'choose ServicePlan.BUSINESS (primary and replica)',
      },
    'automatic-failover': failoverKept(promises, 'high availability on: a replica shard takes over automatically, zone-spread where the region has zones'),
    'disaster-recovery-backup': {
      realization: Realization.NATIVE,
      detail: `RDB persistence every ${RDB_BACKUP_FREQUENCY}; Azure restores it into the same cache after a node loss`,
    },
    'backup-history': history === undefined
      ? { realization: Realization.NATIVE, detail: 'the plan keeps no history beyond the disaster-recovery backup' }
      : {
        realization: Realization.EMULATED,
        detail: `a Logic App with a managed identity exports the database ${history.schedule} to the versioned container "${history.containerName}" of storage account ${history.storageAccountName}; a lifecycle rule deletes exports and their versions after ${history.historyDays} day(s); restore by importing an export`,
      },
    'encryption-at-rest': {
      realization: Realization.NATIVE,
      detail: history === undefined
        ? 'platform-managed encryption of the cache and its persistence disks'
        : 'platform-managed encryption of the cache and its persistence disks; exports in a storage account with infrastructure (double) encryption',
    },
    'tls': { realization: Realization.NATIVE, detail: `client_protocol = "${DEFAULT_DATABASE.clientProtocol}", TLS 1.2 minimum` },
    'authentication': {
      realization: Realization.NATIVE,
      detail: 'access_keys_authentication_enabled = true; the URI carries the service-generated primary access key',
    },
    'network-access': networkAccess(request, plan.privateEndpoint),
    'stable-endpoint': {
      realization: Realization.NATIVE,
      detail: `the cache hostname with clustering_policy = "${DEFAULT_DATABASE.clusteringPolicy}" is one endpoint that survives failover`,
    },
    'connection-limit': {
      realization: Realization.SUBSTITUTED,
      detail: `Azure Managed Redis applies its own per-SKU connection limit, which neither the provider nor Azure's documentation states and which cannot be configured; the plan promises ${promised} for ${plan.skuName}`,
      fix: 'load-test the SKU',
    },
    'restricted-commands': {
      realization: Realization.SUBSTITUTED,
      detail: `Azure Managed Redis refuses ${MANAGED_REDIS_REFUSED_COMMANDS.join(', ')} natively and ${MANAGED_REDIS_PARTLY_REFUSED_COMMANDS.join(', ')} in part; ${notRefused.join(', ')} stay allowed, as azurerm 4.55.0 offers no custom access policy`,
      fix: 'keep those commands out of client code',
    },
    'lua-scripting': request.luaScripting
      ? { realization: Realization.NATIVE, detail: 'Lua and functions are on' }
      : {
        realization: Realization.UNAVAILABLE,
        detail: 'Lua cannot be switched off: azurerm 4.55.0 assigns only the built-in "default" access policy, with no custom ACL',
        fix: 'omit luaScripting (Lua stays on)',
      },
    'region': regionKept('location checked against the US and EU list and set on every resource'),
  };
}

function validatedName(names: BackendNames, isUnresolved: IsUnresolved): string {
  if (names.name === undefined) return deriveName(names.path, MANAGED_REDIS_NAME_RULE);
  if (isUnresolved(names.name)) return names.name;
  return validateName(names.name, MANAGED_REDIS_NAME_RULE, 'name');
}

/** A storage account name (3 to 24 lower-case letters and digits, unique across Azure) for the exports. */
function storageAccountName(props: AzureManagedRedisBackendProps, names: BackendNames, name: string, isUnresolved: IsUnresolved): string {
  const parts = [names.path, name, props.location, props.resourceGroupName ?? ''].filter((p) => !isUnresolved(p));
  return `choreo${stableHash(parts.join('|'), 18)}`;
}

/** Decides SKU, topology, persistence, the export job and names for one Azure Managed Redis data store. */
export function planManagedRedis(props: AzureManagedRedisBackendProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<ManagedRedisSettings> {
  const { promises } = request;
  const family = props.skuFamily ?? AzureManagedRedisSkuFamily.BALANCED;
  const size = smallestFit(MANAGED_REDIS_SKUS[family], request.memoryGib, `Azure Managed Redis ${family} SKUs`);
  const name = validatedName(names, isUnresolved);
  const highAvailability = promises.nodeCount > 1;
  const nodeCount = highAvailability ? MANAGED_REDIS_NODES_WITH_HA : MANAGED_REDIS_NODES_WITHOUT_HA;
  const idBase = isUnresolved(name) ? deriveName(names.path, MANAGED_REDIS_NAME_RULE) : name;
  const privateEndpoint = planNetwork(props, request, name);
  const hour = props.backupHour ?? DEFAULT_BACKUP_HOUR;
  const exportSettings: ManagedRedisExportSettings | undefined = promises.backupHistoryDays > 0
    ? {
      historyDays: promises.backupHistoryDays,
      hour,
      schedule: isUnresolved(hour) ? 'daily at the hour backupHour resolves to (UTC)' : `daily at ${String(hour).padStart(2, '0')}:00 UTC`,
      storageAccountName: storageAccountName(props, names, name, isUnresolved),
      containerName: EXPORT_CONTAINER,
      workflowName: `${name}-export`,
      // Custom role names are unique per tenant: a derived name already carries the path's hash.
      roleName: names.name === undefined ? `choreo-redis-export-${idBase}` : `choreo-redis-export-${idBase}-${stableHash(names.path)}`,
    }
    : undefined;
  const settings: ManagedRedisSettings = {
    location: props.location,
    skuName: size.id,
    highAvailability,
    resourceGroupName: props.resourceGroupName ?? `${name}-rg`,
    defineResourceGroup: props.resourceGroupName === undefined,
    rdbBackupFrequency: RDB_BACKUP_FREQUENCY,
    publicNetworkAccess: privateEndpoint === undefined ? 'Enabled' : 'Disabled',
    privateEndpoint,
    export: exportSettings,
  };
  validateDatabaseSettings(settings);
  return {
    request,
    name,
    size,
    nodeCount,
    backupRetentionDays: promises.backupHistoryDays,
    engine: 'redis',
    engineVersion: MANAGED_REDIS_ENGINE_VERSION,
    port: MANAGED_REDIS_PORT,
    conformance: conformance(request, {
      skuName: size.id, memoryGib: size.memoryGib, highAvailability, nodeCount, export: exportSettings, privateEndpoint,
    }),
    settings,
  };
}
