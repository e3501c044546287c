import type { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Construct } from 'constructs';
import { defineAzureAlerts } from './alerts';
import { DEFAULT_DATABASE, NSG_ALLOW_PRIORITY, NSG_DENY_PRIORITY, PRIVATE_LINK_SUBRESOURCE } from './catalog';
import { Placement, defineExportJob } from './export-job';
import { ManagedRedisClaim, ManagedRedisPrivateEndpointSettings, ManagedRedisSettings } from './plan';
import { ChoreoRedisError, rotationSlots } from '../../plan';
import { Planned, RedisBinding } from '../definition';

/**
 * What each app's data stores have claimed (see `ManagedRedisClaim`), by the app's root construct: stacks of one
 * app may deploy into the same subnet, resource group or virtual network.
 */
const CLAIMS = new WeakMap<object, Map<string, string>>();

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

/**
 * Defines an Azure Managed Redis data store: the cache, its resource group unless one is given, the private
 * endpoint that enforces an allow-list, and the export job that keeps the backup history.
 */
export function renderManagedRedis(scope: Construct, plan: Planned<ManagedRedisSettings>): RedisBinding {
  const { settings } = plan;
  if (settings.privateEndpoint !== undefined) claim(scope, settings.privateEndpoint.claims);
  const placement = placementOf(scope, settings, plan.request.tags);

  const redis = new ManagedRedis(scope, 'Resource', {
    name: plan.name,
    // The service returns its own spelling of the region; the provider normalises it (Read stores
    // `location.Normalize(model.Location)`, azurerm v4.55.0 managed_redis_resource.go; `commonschema.Location()` has
    // `location.StateFunc` and `location.DiffSuppressFunc`), so the lower-case region name never drifts.
    location: placement.location,
    resourceGroupName: placement.resourceGroupName,
    skuName: settings.skuName,
    highAvailabilityEnabled: settings.highAvailability,
    publicNetworkAccess: settings.publicNetworkAccess,
    defaultDatabase: {
      clientProtocol: DEFAULT_DATABASE.clientProtocol,
      clusteringPolicy: DEFAULT_DATABASE.clusteringPolicy,
      evictionPolicy: settings.evictionPolicy,
      accessKeysAuthenticationEnabled: true,
      persistenceAppendOnlyFileBackupFrequency: settings.persistence.aofBackupFrequency,
      persistenceRedisDatabaseBackupFrequency: settings.persistence.rdbBackupFrequency,
    },
    // Tags as given: `commonschema.Tags()` is a plain map with `tags.Validate` only, and Read sets `model.Tags`
    // unchanged (managed_redis_resource.go), so the service's copy compares equal.
    tags: placement.tags,
  });

  if (settings.privateEndpoint !== undefined) definePrivateEndpoint(scope, settings.privateEndpoint, redis, plan.port, placement);
  const exportJob = settings.export === undefined ? undefined : defineExportJob(scope, settings.export, redis, placement);
  if (settings.alerts !== undefined) {
    defineAzureAlerts(scope, settings.alerts, {
      resourceGroupName: placement.resourceGroupName, cacheId: redis.id, exportWorkflowId: exportJob?.workflowId, tags: placement.tags,
    });
  }

  return {
    resource: redis,
    statefulResources: [redis, ...(exportJob === undefined ? [] : [exportJob.storage])],
    host: redis.hostname,
    port: plan.port,
    user: 'default',
    // Both keys are always valid: a rotation hands on the other one, and the previous keeps working.
    password: rotationSlots(plan.request.access?.rotation ?? 0).current === 0
      ? redis.defaultDatabase.primaryAccessKey : redis.defaultDatabase.secondaryAccessKey,
  };
}

/** Refuses a second data store of the app that would define what this one defines (a subnet's NSG, a DNS zone). */
function claim(scope: Construct, claims: readonly ManagedRedisClaim[]): void {
  const app = scope.node.root;
  const claimed = CLAIMS.get(app) ?? new Map<string, string>();
  CLAIMS.set(app, claimed);
  for (const c of claims) {
    const key = c.key.toLowerCase();
    const other = claimed.get(key);
    if (other !== undefined) {
      throw new ChoreoRedisError('PrivateNetworkConflict',
        `${other} and ${scope.node.path} would both define ${c.what}. Fix: ${c.fix}.`);
    }
  }
  claims.forEach((c) => claimed.set(c.key.toLowerCase(), scope.node.path));
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
    lifecycle: settings.sourceChecks.length === 0 ? undefined : { precondition: [...settings.sourceChecks] },
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
