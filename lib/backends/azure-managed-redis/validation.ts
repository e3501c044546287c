import { PRIVATE_DNS_ZONE } from './catalog';
import { AzureManagedRedisProps, AzureManagedRedisSkuFamily } from './props';
import { CidrBlock, ChoreoRedisError, IpFamily, NameRule, PropRule, validateName } from '../../plan';

/** Azure's rule for resource group names. */
export const RESOURCE_GROUP_NAME_RULE: NameRule = {
  maxLength: 90,
  pattern: /^[-\w.()]*[-\w()]$/,
  description: 'letters, digits, underscores, hyphens, periods and parentheses, not ending with a period',
  title: 'Azure resource group names',
  characters: /[-\w.()]/,
};

/** The hour (UTC) of the daily export when the props name none. */
export const DEFAULT_BACKUP_HOUR = 3;

/**
 * A subnet resource ID; the first group is its virtual network's ID. The provider parses resource IDs with
 * case-sensitive segment names (`commonids.ValidateSubnetID`, `ValidatePrivateDnsZoneID`), so these do too.
 */
export const SUBNET_ID = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/;
/** A private DNS zone resource ID; the group is the zone's name, which DNS compares case-insensitively. */
const PRIVATE_DNS_ZONE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/([^/]+)$/;

/** Azure Managed Redis's checks of its own props, in order, before any data store uses them. */
export const AZURE_MANAGED_REDIS_PROP_RULES: readonly PropRule<AzureManagedRedisProps>[] = [
  {
    props: ['skuFamily'],
    check(props) {
      const family = props.skuFamily;
      if (family !== undefined && !Object.values(AzureManagedRedisSkuFamily).includes(family)) {
        throw new ChoreoRedisError('InvalidSkuFamily',
          `skuFamily "${String(family)}" is not an Azure Managed Redis in-memory tier; use AzureManagedRedisSkuFamily.${Object.keys(AzureManagedRedisSkuFamily).join(', AzureManagedRedisSkuFamily.')}.`);
      }
    },
  },
  {
    props: ['backupHour'],
    check(props, isUnresolved) {
      const hour = props.backupHour;
      if (hour !== undefined && !isUnresolved(hour) && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
        throw new ChoreoRedisError('InvalidHour', `backupHour ${hour} is not an hour of the day; give a whole number from 0 to 23 (UTC), such as ${DEFAULT_BACKUP_HOUR}.`);
      }
    },
  },
  {
    props: ['resourceGroupName'],
    check(props, isUnresolved) {
      if (props.resourceGroupName !== undefined && !isUnresolved(props.resourceGroupName)) {
        validateName(props.resourceGroupName, RESOURCE_GROUP_NAME_RULE, 'resourceGroupName');
      }
    },
  },
  {
    props: ['privateEndpointSubnetId'],
    check(props, isUnresolved) {
      const subnet = props.privateEndpointSubnetId;
      if (subnet !== undefined && !isUnresolved(subnet) && !SUBNET_ID.test(subnet)) {
        throw new ChoreoRedisError('InvalidSubnet',
          `privateEndpointSubnetId "${subnet}" is not a subnet resource ID; write "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<network>/subnets/<subnet>" with the segment names in this case, or pass a subnet's id attribute.`);
      }
    },
  },
  {
    props: ['privateDnsZone', 'privateEndpointSubnetId'],
    check(props) {
      if (props.privateDnsZone !== undefined && props.privateEndpointSubnetId === undefined) {
        throw new ChoreoRedisError('PrivateDnsZoneWithoutEndpoint',
          'privateDnsZone is set without privateEndpointSubnetId; the zone only serves the private endpoint. Pass privateEndpointSubnetId too, or omit privateDnsZone.');
      }
    },
  },
  {
    props: ['privateDnsZone'],
    check(props, isUnresolved) {
      const zone = props.privateDnsZone;
      if (zone !== undefined && !isUnresolved(zone) && PRIVATE_DNS_ZONE_ID.exec(zone)?.[1].toLowerCase() !== PRIVATE_DNS_ZONE) {
        throw new ChoreoRedisError('InvalidDnsZone',
          `privateDnsZone "${zone}" is not the ID of a ${PRIVATE_DNS_ZONE} private DNS zone; write "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/${PRIVATE_DNS_ZONE}" with the segment names in this case.`);
      }
    },
  },
];

/**
 * Checks the allow-list a private endpoint enforces, which only the data store's request gives: it must be set,
 * and hold IPv4 sources only.
 */
export function checkPrivateEndpointSources(cidrs: readonly CidrBlock[] | undefined): asserts cidrs is readonly CidrBlock[] {
  if (cidrs === undefined) {
    throw new ChoreoRedisError('PrivateEndpointWithoutAllowList',
      'privateEndpointSubnetId is set but allowedCidrs is not; the private endpoint exists to enforce allowedCidrs, and without it the data store stays open to every source. Give allowedCidrs, or omit privateEndpointSubnetId.');
  }
  // azurerm 4.55.0's azurerm_private_endpoint has no IP version attribute, and the API's ipVersionType defaults to
  // IPv4 ("If not defined, this defaults to IPv4", Azure.ResourceManager.Network PrivateEndpointData.IPVersionType):
  // an IPv6 source could never reach the endpoint.
  const ipv6 = cidrs.filter((block) => block.family === IpFamily.IPV6);
  if (ipv6.length > 0) {
    throw new ChoreoRedisError('UnsupportedAddressFamily',
      `allowedCidrs has IPv6 entries (${ipv6.map((b) => b.cidr).join(', ')}); the private endpoint and its network security group admit IPv4 sources only. Remove them, or list the IPv4 addresses those clients reach the virtual network from.`);
  }
  if (cidrs.length > NSG_MAX_ADDRESSES) {
    throw new ChoreoRedisError('TooManySources',
      `allowedCidrs has ${cidrs.length} distinct entries; the network security group that enforces them holds at most ${NSG_MAX_ADDRESSES} source addresses and ranges (Azure networking limits). Merge neighbouring addresses into CIDR ranges.`);
  }
}

/**
 * Source and destination addresses and ranges per network security group (Azure subscription and service limits,
 * "Networking limits": 4,000); the allow rule holds every entry.
 */
export const NSG_MAX_ADDRESSES = 4000;
