import type { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { LogicAppActionCustom } from '@cdktf/provider-azurerm/lib/logic-app-action-custom';
import { LogicAppTriggerRecurrence } from '@cdktf/provider-azurerm/lib/logic-app-trigger-recurrence';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import {
  DEFAULT_DATABASE, EXPORT_ROLE_ACTIONS, EXPORT_SAS_HOURS, NSG_ALLOW_PRIORITY, NSG_DENY_PRIORITY, PRIVATE_LINK_SUBRESOURCE,
  REDIS_ENTERPRISE_API_VERSION, STORAGE_API_VERSION,
} from './catalog';
import { ManagedRedisExportSettings, ManagedRedisPrivateEndpointSettings, ManagedRedisSettings } from './plan';
import { Planned, RedisBinding } from '../definition';

/**
 * Provider modules that only some data stores need (an existing resource group, an allow-list through a private
 * endpoint), loaded on first use so that the others do not pay for them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, as above */
const optionalBindings = {
  resourceGroupLookup: () => require('@cdktf/provider-azurerm/lib/data-azurerm-resource-group') as typeof import('@cdktf/provider-azurerm/lib/data-azurerm-resource-group'),
  privateEndpoint: () => ({
    ...require('@cdktf/provider-azurerm/lib/network-security-group') as typeof import('@cdktf/provider-azurerm/lib/network-security-group'),
    ...require('@cdktf/provider-azurerm/lib/network-security-rule') as typeof import('@cdktf/provider-azurerm/lib/network-security-rule'),
    ...require('@cdktf/provider-azurerm/lib/private-dns-zone') as typeof import('@cdktf/provider-azurerm/lib/private-dns-zone'),
    ...require('@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link') as typeof import('@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link'),
    ...require('@cdktf/provider-azurerm/lib/private-endpoint') as typeof import('@cdktf/provider-azurerm/lib/private-endpoint'),
    ...require('@cdktf/provider-azurerm/lib/subnet-network-security-group-association') as typeof import('@cdktf/provider-azurerm/lib/subnet-network-security-group-association'),
  }),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ARM = 'https://management.azure.com';
const MANAGED_IDENTITY_AUTH = { type: 'ManagedServiceIdentity', audience: `${ARM}/` };
const SAS_ACTION = 'Create_export_SAS';
const EXPORT_ACTION = 'Export_database';

/** Where the data store's resources go. */
interface Placement {
  readonly location: string;
  readonly resourceGroupName: string;
  /** The group's ID, for scoping the export role; read only when needed, as it may define a lookup. */
  readonly resourceGroupId: () => string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Defines an Azure Managed Redis data store: the cache, its resource group unless one is given, the private
 * endpoint that enforces an allow-list, and the export job that keeps the backup history.
 */
export function renderManagedRedis(scope: Construct, plan: Planned<ManagedRedisSettings>): RedisBinding {
  const { settings } = plan;
  const placement = placementOf(scope, settings, plan.request.tags);

  const redis = new ManagedRedis(scope, 'Resource', {
    name: plan.name,
    location: placement.location,
    resourceGroupName: placement.resourceGroupName,
    skuName: settings.skuName,
    highAvailabilityEnabled: settings.highAvailability,
    publicNetworkAccess: settings.publicNetworkAccess,
    defaultDatabase: {
      clientProtocol: DEFAULT_DATABASE.clientProtocol,
      clusteringPolicy: DEFAULT_DATABASE.clusteringPolicy,
      evictionPolicy: DEFAULT_DATABASE.evictionPolicy,
      accessKeysAuthenticationEnabled: true,
      persistenceRedisDatabaseBackupFrequency: settings.rdbBackupFrequency,
    },
    tags: placement.tags,
  });

  if (settings.privateEndpoint !== undefined) definePrivateEndpoint(scope, settings.privateEndpoint, redis, plan.port, placement);
  const exportStorage = settings.export === undefined ? [] : [defineExportJob(scope, settings.export, redis, placement)];

  return {
    resource: redis,
    statefulResources: [redis, ...exportStorage],
    host: redis.hostname,
    port: plan.port,
    user: 'default',
    password: redis.defaultDatabase.primaryAccessKey,
  };
}

/** The resource group: defined for the data store, or an existing one, looked up only when its ID is needed. */
function placementOf(scope: Construct, settings: ManagedRedisSettings, tags: Readonly<Record<string, string>>): Placement {
  const { location, resourceGroupName } = settings;
  if (settings.defineResourceGroup) {
    const group = new ResourceGroup(scope, 'ResourceGroup', { name: resourceGroupName, location, tags });
    return { location, resourceGroupName: group.name, resourceGroupId: () => group.id, tags };
  }
  let lookup: DataAzurermResourceGroup | undefined;
  return {
    location,
    resourceGroupName,
    resourceGroupId: () => {
      lookup ??= new (optionalBindings.resourceGroupLookup().DataAzurermResourceGroup)(scope, 'ResourceGroupLookup', { name: resourceGroupName });
      return lookup.id;
    },
    tags,
  };
}

/**
 * Enforces the allow-list: a private endpoint for the cache in the user's subnet, a network security group
 * on that subnet admitting only the allowed sources on the Redis port, and private DNS for the hostname.
 */
function definePrivateEndpoint(scope: Construct, settings: ManagedRedisPrivateEndpointSettings, redis: ManagedRedis, port: number,
  placement: Placement): void {
  const {
    NetworkSecurityGroup, NetworkSecurityRule, PrivateDnsZone, PrivateDnsZoneVirtualNetworkLink, PrivateEndpoint,
    SubnetNetworkSecurityGroupAssociation,
  } = optionalBindings.privateEndpoint();
  const { location, resourceGroupName, tags } = placement;
  const securityGroup = new NetworkSecurityGroup(scope, 'SecurityGroup', { name: settings.securityGroupName, location, resourceGroupName, tags });
  const rule = { direction: 'Inbound', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: String(port), destinationAddressPrefix: '*' };
  new NetworkSecurityRule(scope, 'AllowClients', {
    ...rule,
    name: 'allow-redis-clients',
    priority: NSG_ALLOW_PRIORITY,
    access: 'Allow',
    sourceAddressPrefixes: [...settings.sources],
    resourceGroupName,
    networkSecurityGroupName: securityGroup.name,
  });
  new NetworkSecurityRule(scope, 'DenyOtherClients', {
    ...rule,
    name: 'deny-other-redis-clients',
    priority: NSG_DENY_PRIORITY,
    access: 'Deny',
    sourceAddressPrefix: '*',
    resourceGroupName,
    networkSecurityGroupName: securityGroup.name,
  });
  new SubnetNetworkSecurityGroupAssociation(scope, 'SubnetSecurityGroup', {
    subnetId: settings.subnetId,
    networkSecurityGroupId: securityGroup.id,
  });

  const dns = settings.dnsZone;
  let zoneId: string;
  if ('existingZoneId' in dns) {
    zoneId = dns.existingZoneId;
  } else {
    const zone = new PrivateDnsZone(scope, 'PrivateDnsZone', { name: dns.zoneName, resourceGroupName, tags });
    new PrivateDnsZoneVirtualNetworkLink(scope, 'PrivateDnsLink', {
      name: dns.linkName,
      resourceGroupName,
      privateDnsZoneName: zone.name,
      virtualNetworkId: dns.virtualNetworkId,
      tags,
    });
    zoneId = zone.id;
  }
  new PrivateEndpoint(scope, 'PrivateEndpoint', {
    name: settings.endpointName,
    location,
    resourceGroupName,
    subnetId: settings.subnetId,
    privateServiceConnection: {
      name: settings.endpointName,
      privateConnectionResourceId: redis.id,
      subresourceNames: [PRIVATE_LINK_SUBRESOURCE],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [zoneId] },
    tags,
  });
}

/**
 * Keeps the plan's backup history: a Logic App that exports the database every day into a versioned
 * container, a lifecycle rule that deletes exports and versions after the history, and a custom role that
 * lets the Logic App's identity do only those two calls.
 *
 * @returns the storage account, which holds data
 */
function defineExportJob(scope: Construct, settings: ManagedRedisExportSettings, redis: ManagedRedis, placement: Placement): StorageAccount {
  const { location, resourceGroupName, tags } = placement;
  const storage = new StorageAccount(scope, 'ExportStorage', {
    name: settings.storageAccountName,
    location,
    resourceGroupName,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    allowNestedItemsToBePublic: false,
    // The export job signs a service SAS with the account key; Azure Managed Redis exports through a SAS.
    sharedAccessKeyEnabled: true,
    infrastructureEncryptionEnabled: true,
    blobProperties: { versioningEnabled: true },
    tags,
  });
  // Each attribute read creates a new token (with a captured stack trace): read each once.
  const storageId = storage.id;
  const redisId = redis.id;
  const container = new StorageContainer(scope, 'ExportContainer', {
    name: settings.containerName,
    storageAccountId: storageId,
    containerAccessType: 'private',
  });
  const containerName = container.name;
  new StorageManagementPolicy(scope, 'ExportLifecycle', {
    storageAccountId: storageId,
    rule: [{
      name: 'expire-exports',
      enabled: true,
      filters: { blobTypes: ['blockBlob', 'appendBlob'], prefixMatch: [`${settings.containerName}/`] },
      actions: {
        baseBlob: { deleteAfterDaysSinceModificationGreaterThan: settings.historyDays },
        version: { deleteAfterDaysSinceCreation: settings.historyDays },
      },
    }],
  });

  const workflow = new LogicAppWorkflow(scope, 'ExportWorkflow', {
    name: settings.workflowName,
    location,
    resourceGroupName,
    identity: { type: 'SystemAssigned' },
    tags,
  });
  const workflowId = workflow.id;
  new LogicAppTriggerRecurrence(scope, 'ExportSchedule', {
    name: 'Daily',
    logicAppId: workflowId,
    frequency: 'Day',
    interval: 1,
    timeZone: 'UTC',
    schedule: { atTheseHours: [settings.hour], atTheseMinutes: [0] },
  });
  new LogicAppActionCustom(scope, 'ExportCreateSas', {
    name: SAS_ACTION,
    logicAppId: workflowId,
    body: JSON.stringify({
      type: 'Http',
      runAfter: {},
      inputs: {
        method: 'POST',
        uri: `${ARM}${storageId}/listServiceSas?api-version=${STORAGE_API_VERSION}`,
        body: {
          canonicalizedResource: `/blob/${settings.storageAccountName}/${containerName}`,
          signedResource: 'c',
          signedPermission: 'rcwl',
          signedProtocol: 'https',
          signedExpiry: `@{addHours(utcNow(), ${EXPORT_SAS_HOURS})}`,
          keyToSign: 'key1',
        },
        authentication: MANAGED_IDENTITY_AUTH,
      },
    }),
  });
  new LogicAppActionCustom(scope, 'ExportDatabase', {
    name: EXPORT_ACTION,
    logicAppId: workflowId,
    body: JSON.stringify({
      type: 'Http',
      runAfter: { [SAS_ACTION]: ['Succeeded'] },
      inputs: {
        method: 'POST',
        uri: `${ARM}${redisId}/databases/default/export?api-version=${REDIS_ENTERPRISE_API_VERSION}`,
        body: { sasUri: `@{concat('${storage.primaryBlobEndpoint}${containerName}?', body('${SAS_ACTION}')?['serviceSasToken'])}` },
        authentication: MANAGED_IDENTITY_AUTH,
      },
      operationOptions: 'DisableAsyncPattern',
    }),
  });

  const resourceGroupId = placement.resourceGroupId();
  const role = new RoleDefinition(scope, 'ExportRole', {
    name: settings.roleName,
    scope: resourceGroupId,
    description: `Lets the export job of ${redis.name} list a SAS for its export container and start an export.`,
    permissions: [{ actions: [...EXPORT_ROLE_ACTIONS] }],
    assignableScopes: [resourceGroupId],
  });
  const roleDefinitionId = role.roleDefinitionResourceId;
  const principalId = workflow.identity.principalId;
  for (const [id, target] of [['ExportRoleOnRedis', redisId], ['ExportRoleOnStorage', storageId]] as const) {
    new RoleAssignment(scope, id, {
      scope: target,
      roleDefinitionId,
      principalId,
      principalType: 'ServicePrincipal',
    });
  }
  return storage;
}
