import { Fn, Op, Token } from 'cdktf';
import { adoptedCacheOf } from './adopt';
import { AzureAlertSettings, planAzureAlerts } from './alert-plan';
import {
  DEFAULT_DATABASE, EXPORT_CONTAINER, MANAGED_REDIS_ENGINE_VERSION, MANAGED_REDIS_EVICTION_POLICIES, MANAGED_REDIS_NODES_WITHOUT_HA,
  MANAGED_REDIS_NODES_WITH_HA, REGIONS_WITHOUT_ZONES,
  MANAGED_REDIS_PARTLY_REFUSED_COMMANDS, MANAGED_REDIS_PORT, MANAGED_REDIS_REFUSED_COMMANDS, MANAGED_REDIS_SKUS, PRIVATE_DNS_ZONE,
  RDB_BACKUP_FREQUENCIES, AOF_BACKUP_FREQUENCIES, AOF_BACKUP_FREQUENCY,
} from './catalog';
import { AzureManagedRedisProps, AzureManagedRedisSkuFamily } from './props';
import { DEFAULT_BACKUP_HOUR, NSG_MAX_ADDRESSES, SUBNET_ID, checkPrivateEndpointSources } from './validation';
import {
  ChoreoRedisError, ConformanceRecord, DataStoreRequest, IsUnresolved, Kept, NameRule, RESTRICTED_COMMANDS, Realization, availabilityKept,
  deriveName, engineKept, engineProfile, evictionKept, failoverKept, maxConnectionsFor, memoryMb, publicSourcesWarning, recoveryPointKept,
  regionKept, smallestFit, validateName, checkTagLimits, CidrBlock, sourcesText, refuseWithoutEffect,
} from '../../plan';
import { canonicalCidrExpression, canonicalListExpression, familyCountExpression } from '../cidr-tokens';
import type { BackendNames, Planned } from '../definition';

/**
 * The rule for `azurerm_managed_redis.name`. The provider's `validate.ManagedRedisClusterName` takes 3 to 63
 * characters (azurerm v4.55.0 `internal/services/managedredis/validate/managed_redis_name.go`), but the service's
 * API model says "Name must be 1-60 characters long. Allowed characters(A-Z, a-z, 0-9) and hyphen(-)"
 * (Azure.ResourceManager.RedisEnterprise, `clusterName`), so a name of 61 to 63 characters would pass the plan and
 * fail at apply: the rule is the intersection, at most 60.
 *
 * Upper case is accepted and emitted as given. The API allows it; the provider's Read takes `name` from the resource
 * ID Terraform built from the configuration (`managed_redis_resource.go` Read: `Name: clusterId.RedisEnterpriseName`),
 * so state never differs from configuration; the host name `<name>.<region>.redis.azure.net` is DNS, which compares
 * case-insensitively. Lower-casing a given name would not be safe either: `name` is ForceNew with no case-insensitive
 * diff suppression, so it would replace every existing cache whose name has a capital letter. Derived names are
 * lower case.
 */
export const MANAGED_REDIS_NAME_RULE: NameRule = {
  maxLength: 60,
  pattern: /^(?!.*--)[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/,
  description: 'at least 3 letters, digits and hyphens, starting and ending with a letter or digit, with no two hyphens in a row',
  title: 'Azure Managed Redis names',
  characters: /[A-Za-z0-9-]/,
};

/** The export job that keeps the plan's backup history. */
export interface ManagedRedisExportSettings {
  /** Days an export and its versions are kept. */
  readonly historyDays: number;
  /** The hour (UTC) of the daily export. */
  readonly hour: number;
  /** When the export runs, in words for the conformance report. */
  readonly schedule: string;
  /**
   * The storage account's name, from the resource group's ID (known only to Terraform). Storage account names are
   * unique across Azure, so the name hashes what tells deployments apart: the subscription and resource group (both
   * in the ID) and the data store's name, unique within the group.
   */
  readonly storageAccountName: (resourceGroupId: string) => string;
  readonly containerName: string;
  readonly workflowName: string;
  /**
   * The custom role's name, from the resource group's ID. Role names are unique per Microsoft Entra tenant
   * (hashicorp/terraform-provider-azurerm#10728), which spans subscriptions and resource groups.
   */
  readonly roleName: (resourceGroupId: string) => string;
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

/**
 * Something only one data store in an app may define, such as the network security group of a subnet: the renderer
 * refuses a second data store that claims the same key.
 */
export interface ManagedRedisClaim {
  /** What is claimed, compared case-insensitively (Azure resource IDs and names are case-insensitive). */
  readonly key: string;
  /** What both data stores would define, and why that fails. */
  readonly what: string;
  readonly fix: string;
}

/** A Terraform precondition: a boolean expression and the error Terraform gives when it is false. */
export interface ManagedRedisCondition {
  /** A Terraform expression (an unresolved value) that Terraform evaluates to a boolean. */
  readonly condition: unknown;
  readonly errorMessage: string;
}

/** The private endpoint that enforces an allow-list. */
export interface ManagedRedisPrivateEndpointSettings {
  readonly subnetId: string;
  readonly dnsZone: ManagedRedisDnsZoneSettings;
  readonly endpointName: string;
  readonly securityGroupName: string;
  /**
   * The allowed sources for `source_address_prefixes`: canonical CIDR blocks, and for token entries Terraform
   * expressions that make them canonical. The provider stores the set as sent, with no validation or
   * normalisation (azurerm v4.55.0 `network_security_rule_resource.go`, `source_address_prefixes`: TypeSet of
   * strings), and Azure refuses a block with host bits ("invalid Address prefix", Azure/azure-powershell#4557).
   */
  readonly sources: readonly string[];
  /** Preconditions on the allow rule: each token entry must resolve to IPv4, as literal entries must. */
  readonly sourceChecks: readonly ManagedRedisCondition[];
  /** What the endpoint defines that no other data store of the app may define too. */
  readonly claims: readonly ManagedRedisClaim[];
}

/**
 * The default database's persistence, AOF or RDB: azurerm v4.55.0 declares the two attributes ConflictsWith each other,
 * and the API enables at most one ("at most one of AOF or RDB persistence may be enabled").
 */
export interface ManagedRedisPersistence {
  /** `persistence_append_only_file_backup_frequency`. */
  readonly aofBackupFrequency?: string;
  /** `persistence_redis_database_backup_frequency`. */
  readonly rdbBackupFrequency?: string;
}

/** The renderer's share of an Azure Managed Redis plan. */
export interface ManagedRedisSettings {
  readonly location: string;
  readonly skuName: string;
  readonly highAvailability: boolean;
  /** The resource group to use, or to define when `defineResourceGroup` is true. */
  readonly resourceGroupName: string;
  readonly defineResourceGroup: boolean;
  /** The default database's persistence: one mode, as the provider's ConflictsWith allows. */
  readonly persistence: ManagedRedisPersistence;
  /** `default_database.eviction_policy`, in the API's spelling. */
  readonly evictionPolicy: string;
  /** `Enabled`, or `Disabled` when a private endpoint enforces the allow-list. */
  readonly publicNetworkAccess: string;
  /** Present when a private endpoint enforces `allowedCidrs`. */
  readonly privateEndpoint?: ManagedRedisPrivateEndpointSettings;
  /** Present when the plan promises backup history. */
  readonly export?: ManagedRedisExportSettings;
  /** Metric, Resource Health and export-job alerts, when alerts are on. */
  readonly alerts?: AzureAlertSettings;
}

/** The network security group's source prefixes: each entry canonical, a list known only to Terraform joined in. */
function nsgSources(cidrs: readonly CidrBlock[]): string[] {
  const entries = cidrs.filter((block) => block.list === undefined)
    .map((block) => (block.resolved === false ? canonicalCidrExpression(block.cidr) : block.cidr));
  const lists = cidrs.filter((block) => block.list !== undefined).map((block) => canonicalListExpression(block.list!));
  return lists.length === 0 ? entries : Token.asList(Fn.distinct(Token.asList(Fn.concat([entries, ...lists]))));
}

/** Decides how the allow-list is kept: public access, or a private endpoint with a network security group. */
function planNetwork(props: AzureManagedRedisProps, request: DataStoreRequest, name: string,
  resourceGroupName: string): ManagedRedisPrivateEndpointSettings | undefined {
  const subnetId = props.privateEndpointSubnetId;
  const cidrs = request.allowedCidrs;
  if (subnetId === undefined) return undefined;
  checkPrivateEndpointSources(cidrs);
  const tokens = cidrs.filter((block) => block.resolved === false && block.list === undefined).map((block) => block.cidr);
  const endpointName = `${name}-pe`;
  // The subnet ID up to and including the virtual network's name.
  const virtualNetworkId = SUBNET_ID.exec(subnetId)?.[1];
  const dnsZone: ManagedRedisDnsZoneSettings = props.privateDnsZone !== undefined
    ? { existingZoneId: props.privateDnsZone }
    : {
      zoneName: PRIVATE_DNS_ZONE,
      linkName: `${endpointName}-dns`,
      virtualNetworkId: virtualNetworkId ?? Fn.join('/', Fn.slice(Fn.split('/', subnetId), 0, 9)),
    };
  return {
    subnetId,
    dnsZone,
    endpointName,
    securityGroupName: `${name}-nsg`,
    sources: nsgSources(cidrs),
    sourceChecks: [
      ...tokens.map((entry) => ({
        condition: Fn.conditional(Fn.strcontains(entry, ':'), false, true),
        errorMessage: `allowedCidrs entry "${entry}" is IPv6, but the private endpoint and its network security group admit IPv4 sources only. Remove it, or list the IPv4 addresses those clients reach the virtual network from.`,
      })),
      ...cidrs.filter((block) => block.list !== undefined).flatMap((block) => {
        const canonical = canonicalListExpression(block.list!);
        return [{
          condition: Op.eq(familyCountExpression(canonical, 'ipv6'), 0),
          errorMessage: 'The allowedCidrs list holds IPv6 entries, but the private endpoint and its network security group admit IPv4 sources only. Remove them, or list the IPv4 addresses those clients reach the virtual network from.',
        }, {
          condition: Op.lte(Fn.lengthOf(nsgSources(cidrs)), NSG_MAX_ADDRESSES),
          errorMessage: `The allowedCidrs list holds more than ${NSG_MAX_ADDRESSES} entries with the others; the network security group that enforces them holds at most ${NSG_MAX_ADDRESSES} source addresses and ranges. Merge neighbouring addresses into CIDR ranges.`,
        }];
      }),
    ],
    claims: privateNetworkClaims(subnetId, resourceGroupName, virtualNetworkId ?? subnetId, props.privateDnsZone === undefined),
  };
}

/**
 * What a private endpoint defines that Azure allows once: the network security group of its subnet, and, unless
 * `privateDnsZone` names an existing zone, the fixed-name DNS zone in its resource group and that zone's link to
 * the virtual network. A second data store defining the same fails at apply.
 */
function privateNetworkClaims(subnetId: string, resourceGroupName: string, virtualNetwork: string, definesZone: boolean): ManagedRedisClaim[] {
  const shareZone = `define one ${PRIVATE_DNS_ZONE} zone linked to the virtual network and pass its ID as privateDnsZone to each data store`;
  return [
    {
      key: `subnet ${subnetId}`,
      // azurerm v4.55.0 subnet_network_security_group_association_resource.go Create: a subnet that already has a
      // network security group gives ImportAsExistsAssociationError.
      what: `a network security group for subnet ${subnetId}; a subnet has one, so the second association fails at apply ("already exists")`,
      fix: 'give each data store its own privateEndpointSubnetId',
    },
    ...(definesZone ? [
      {
        key: `zone ${resourceGroupName}`,
        what: `the private DNS zone ${PRIVATE_DNS_ZONE} in resource group ${resourceGroupName}; its name is fixed, so the second zone fails at apply ("already exists")`,
        fix: shareZone,
      },
      {
        // Azure: "A virtual network cannot be linked to multiple zones with overlapping namespaces" (private-link FAQ:
        // multiple zones with the same name for a single virtual network are not supported).
        key: `link ${virtualNetwork}`,
        what: `a ${PRIVATE_DNS_ZONE} zone linked to the virtual network of ${subnetId}; a virtual network links at most one zone of a name, so the second link fails at apply`,
        fix: shareZone,
      },
    ] : []),
  ];
}

/** Checks the database settings against the provider's schema: enums and the persistence conflicts. */
export function validateDatabaseSettings(settings: ManagedRedisPersistence & { geoReplicationGroupName?: string }): void {
  const { aofBackupFrequency: aof, rdbBackupFrequency: rdb } = settings;
  if (aof !== undefined && !AOF_BACKUP_FREQUENCIES.includes(aof)) {
    throw new ChoreoRedisError('InvalidPersistence',
      `persistence_append_only_file_backup_frequency "${aof}" is not accepted; Azure Managed Redis takes ${AOF_BACKUP_FREQUENCIES.join(', ')}.`);
  }
  if (rdb !== undefined && !RDB_BACKUP_FREQUENCIES.includes(rdb)) {
    throw new ChoreoRedisError('InvalidPersistence',
      `persistence_redis_database_backup_frequency "${rdb}" is not accepted; Azure Managed Redis takes ${RDB_BACKUP_FREQUENCIES.join(', ')}.`);
  }
  const modes = [aof !== undefined ? 'AOF persistence' : undefined, rdb !== undefined ? 'RDB persistence' : undefined].filter((m) => m !== undefined);
  if (modes.length === 0) {
    throw new ChoreoRedisError('PersistenceConflict',
      'the default database has no persistence; the disaster-recovery copy and the recovery point need AOF or RDB persistence.');
  }
  const conflicts = [...modes.slice(1), settings.geoReplicationGroupName !== undefined ? 'geo-replication' : undefined].filter((c) => c !== undefined);
  if (conflicts.length > 0) {
    throw new ChoreoRedisError('PersistenceConflict',
      `${modes[0]} conflicts with ${conflicts.join(' and ')} on Azure Managed Redis, which allows one persistence mode and none with geo-replication; the disaster-recovery copy and the recovery point need persistence, so ${conflicts.join(' and ')} cannot be combined with it.`);
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
      detail: `public network access off; a private endpoint in privateEndpointSubnetId, whose network security group admits only the ${sourcesText(cidrs, 'allowedCidrs source(s)', 'allowedCidrs source(s)')} on port ${MANAGED_REDIS_PORT}: reachable from the virtual network and networks routed into it, not from the internet`,
    };
  }
  return {
    realization: Realization.UNAVAILABLE,
    detail: `Azure Managed Redis has no IP firewall; it offers only public network access on or off plus private endpoints, so the ${sourcesText(cidrs, 'allowedCidrs entry', 'allowedCidrs entries')} cannot be enforced on its public endpoint`,
    fix: 'pass privateEndpointSubnetId to enforce allowedCidrs through a private endpoint (reachable from the virtual network only), or omit allowedCidrs',
  };
}

/**
 * Standbys in other zones: a highly available cache spreads its primary and replica shards across the region's
 * availability zones by itself (Azure "Reliability in Azure Managed Redis": zone redundancy is automatic for high
 * availability in regions with zones; azurerm 4.55.0 has no zones attribute to choose them). Regions without zones keep
 * both in one datacenter.
 */
function zoneRedundancy(location: string, highAvailability: boolean): Kept {
  if (!highAvailability) return { realization: Realization.NATIVE, detail: 'single node: the plan has no standby to place in another zone' };
  if (REGIONS_WITHOUT_ZONES.includes(location.toLowerCase())) {
    return {
      realization: Realization.SUBSTITUTED,
      detail: `${location} has no availability zones: the replica shard runs in the primary's datacenter, on other hardware`,
      fix: 'choose a region with availability zones, such as eastus2, westus2, northeurope or westeurope',
    };
  }
  return {
    realization: Realization.NATIVE,
    detail: `high_availability_enabled = true: Azure spreads the primary and replica shards across ${location}'s availability zones (automatic; azurerm 4.55.0 has no zones attribute)`,
  };
}

/**
 * The availability SLA (Azure "High availability and disaster recovery with Azure Managed Redis": zone redundancy,
 * "multi-node replicated configuration across Availability Zones", 99.99%; standard replication, "dual-node replicated
 * configuration in a single data center", 99.9%; "Reliability in Azure Managed Redis" recommends high availability for
 * production, and no figure covers a cache without it).
 */
function availability(location: string, highAvailability: boolean): Kept {
  const source = 'SLA for Azure Managed Redis';
  if (!highAvailability) {
    return availabilityKept({ configuration: 'a cache without high availability', source }, 'choose ServicePlan.BUSINESS in a region with availability zones (99.99%)');
  }
  return REGIONS_WITHOUT_ZONES.includes(location.toLowerCase())
    ? availabilityKept({ percent: 99.9, configuration: 'high availability in a region without zones', source }, 'choose a region with availability zones (99.99%)')
    : availabilityKept({ percent: 99.99, configuration: 'high availability across availability zones', source });
}

/** How Azure Managed Redis keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  location: string;
  evictionPolicy: string;
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
      detail: `AOF persistence, written every ${AOF_BACKUP_FREQUENCY}; Azure rehydrates the cache from it after a node loss`,
    },
    'backup-history': history === undefined
      ? { realization: Realization.NATIVE, detail: 'the plan keeps no history beyond the disaster-recovery backup' }
      : {
        realization: Realization.EMULATED,
        detail: `a Logic App with a managed identity exports the database ${history.schedule} to the versioned container "${history.containerName}" of a storage account named after a hash of the resource group ID and the data store's name; a lifecycle rule deletes exports and their versions after ${history.historyDays} day(s); restore by importing an export`,
      },
    // Azure allows AOF or RDB, not both. AOF keeps the recovery point (RDB's shortest period is an hour) and still gives
    // the copy a lost node is restored from; the history needs neither, since the export job writes its own RDB file.
    'recovery-point': recoveryPointKept(promises, {
      how: `persistence_append_only_file_backup_frequency = "${AOF_BACKUP_FREQUENCY}", chosen over RDB (whose shortest period is an hour) as Azure allows one mode and the export job writes its own RDB file for the history`,
      windowSeconds: 1,
    }, 'high availability replicates every write to the replica shard'),
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
    'region': regionKept('region checked against the US and EU list and set on every resource'),
    'zone-redundancy': zoneRedundancy(plan.location, plan.highAvailability),
    'eviction-policy': evictionKept(request.evictionPolicy, `default_database.eviction_policy = "${plan.evictionPolicy}"`, 'VolatileLRU, the provider\'s default'),
    // Redis Software (Redis Enterprise) 7.4 under the service, which does not expose it (MANAGED_REDIS_ENGINE_VERSION). No
    // module is enabled: azurerm's `module` block is left out.
    'engine-compatibility': engineKept(engineProfile('redis', MANAGED_REDIS_ENGINE_VERSION, MANAGED_REDIS_ENGINE_VERSION),
      'use another backend for a Redis OSS 7.2 engine'),
    'availability-sla': availability(plan.location, plan.highAvailability),
  };
}

function validatedName(names: BackendNames, isUnresolved: IsUnresolved): string {
  if (names.name === undefined) return deriveName(names.path, MANAGED_REDIS_NAME_RULE);
  if (isUnresolved(names.name)) return names.name;
  return validateName(names.name, MANAGED_REDIS_NAME_RULE, 'name');
}

/**
 * The storage account's name: "choreo" and 18 hex digits of a SHA-1, 24 lower-case letters and digits, which fits
 * `validate.StorageAccountName` (`\A([a-z0-9]{3,24})\z`, azurerm v4.55.0
 * `internal/services/storage/validate/storage_account_name.go`). Names are global, so Terraform hashes the resource
 * group's ID (subscription and group) with the data store's name (unique within the group).
 */
function storageAccountName(name: string): (resourceGroupId: string) => string {
  return (resourceGroupId) => `choreo${Fn.substr(Fn.sha1(Fn.join('/', [resourceGroupId, name])), 0, 18)}`;
}

/**
 * The export role's name: role names are unique per Microsoft Entra tenant (hashicorp/terraform-provider-azurerm#10728),
 * so Terraform adds a hash of the resource group's ID (subscription and group) to the data store's name. The
 * provider renames a role definition in place (`role_definition_resource.go` Update: `HasChange("name")`).
 */
function roleName(idBase: string): (resourceGroupId: string) => string {
  return (resourceGroupId) => `choreo-redis-export-${idBase}-${Fn.substr(Fn.sha1(resourceGroupId), 0, 8)}`;
}

/** Decides SKU, topology, persistence, the export job and names for one Azure Managed Redis data store. */
export function planManagedRedis(props: AzureManagedRedisProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<ManagedRedisSettings> {
  const { promises } = request;
  const family = props.skuFamily ?? AzureManagedRedisSkuFamily.BALANCED;
  const size = smallestFit(MANAGED_REDIS_SKUS[family], request.memoryGib, `Azure Managed Redis ${family} SKUs`);
  const name = validatedName(names, isUnresolved);
  const highAvailability = promises.nodeCount > 1;
  const nodeCount = highAvailability ? MANAGED_REDIS_NODES_WITH_HA : MANAGED_REDIS_NODES_WITHOUT_HA;
  const idBase = isUnresolved(name) ? deriveName(names.path, MANAGED_REDIS_NAME_RULE) : name;
  const resourceGroupName = props.resourceGroupName ?? adoptedCacheOf(props)?.resourceGroup ?? `${name}-rg`;
  const privateEndpoint = planNetwork(props, request, name, resourceGroupName);
  // Azure tags (Azure Resource Manager, "Tag resources": 50 per resource, names up to 512 characters, values up to
  // 256, no < > % & \ ? / in names); a storage account, which the export job defines, takes names up to 128.
  checkTagLimits(request.tags, {
    service: promises.backupHistoryDays > 0 ? 'Azure (on the export storage account)' : 'Azure',
    maxTags: 50,
    maxKeyLength: promises.backupHistoryDays > 0 ? 128 : 512,
    maxValueLength: 256,
    forbiddenKeyCharacters: /[<>%&\\?/]/,
  }, isUnresolved);
  refuseWithoutEffect(props.backupHour !== undefined && promises.backupHistoryDays === 0, 'RedisBackend.azureManagedRedis({ backupHour })',
    `the ${request.plan} plan keeps no backup history, so no export job runs`);
  const hour = props.backupHour ?? DEFAULT_BACKUP_HOUR;
  const exportSettings: ManagedRedisExportSettings | undefined = promises.backupHistoryDays > 0
    ? {
      historyDays: promises.backupHistoryDays,
      hour,
      schedule: isUnresolved(hour) ? 'daily at the hour backupHour resolves to (UTC)' : `daily at ${String(hour).padStart(2, '0')}:00 UTC`,
      storageAccountName: storageAccountName(name),
      containerName: EXPORT_CONTAINER,
      workflowName: `${name}-export`,
      roleName: roleName(idBase),
    }
    : undefined;
  const settings: ManagedRedisSettings = {
    location: props.region,
    skuName: size.id,
    highAvailability,
    resourceGroupName,
    defineResourceGroup: props.resourceGroupName === undefined && props.adopt === undefined,
    persistence: { aofBackupFrequency: AOF_BACKUP_FREQUENCY },
    evictionPolicy: MANAGED_REDIS_EVICTION_POLICIES[request.evictionPolicy],
    publicNetworkAccess: privateEndpoint === undefined ? 'Enabled' : 'Disabled',
    privateEndpoint,
    export: exportSettings,
    alerts: request.alerts === undefined ? undefined : planAzureAlerts(request.alerts, request, name, size.memoryGib, exportSettings !== undefined),
  };
  validateDatabaseSettings(settings.persistence);
  return {
    request,
    name,
    size,
    nodeCount,
    backupRetentionDays: promises.backupHistoryDays,
    engine: 'redis',
    engineVersion: MANAGED_REDIS_ENGINE_VERSION,
    port: MANAGED_REDIS_PORT,
    // Only the virtual network reaches the private endpoint: public sources connect only if routed into it.
    warnings: [privateEndpoint && publicSourcesWarning(request.allowedCidrs, 'the virtual network',
      'route those clients into the virtual network (VPN gateway, ExpressRoute, peering) or run them inside it, and list the addresses they have there')]
      .filter((w) => w !== undefined),
    conformance: conformance(request, {
      location: props.region,
      evictionPolicy: settings.evictionPolicy,
      skuName: size.id,
      memoryGib: size.memoryGib,
      highAvailability,
      nodeCount,
      export: exportSettings,
      privateEndpoint,
    }),
    settings,
  };
}
