/**
 * The Azure provider rules accept what the backend synthesizes, and each rule catches a bad value: a rule
 * that cannot fail would let the property and conformance tests pass whatever the backend defines.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Testing } from 'cdktf';
import { AZURE_PROVIDER_RULES } from './rules';
import { testStack } from '../../../../test/util';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../../../index';

const SUBNET = '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis';
const ZONE = '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net';

/** Every resource type the backend defines: Business (export job) with a private endpoint and its own DNS zone. */
function synthesized(): Record<string, Record<string, any>> {
  const stack = testStack((s) => new AzurermProvider(s, 'azurerm', { features: [{}] }));
  new ChoreoRedis(stack, 'Redis', {
    plan: ServicePlan.BUSINESS,
    allowedCidrs: ['10.0.0.0/8', '203.0.113.7'],
    backend: RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: SUBNET }),
  });
  return JSON.parse(Testing.synth(stack)).resource;
}

const RESOURCES = synthesized();

/** The one resource of a type, as a fresh copy to break. */
function resource(type: string): Record<string, any> {
  const [attrs] = Object.values(RESOURCES[type] ?? {});
  if (attrs === undefined) throw new Error(`the backend defines no ${type}`);
  return structuredClone(attrs);
}

test('covers every resource type the backend defines but terraform_data (shared rules), and the backend passes them', () => {
  expect(Object.keys(RESOURCES).filter((type) => type !== 'terraform_data' && AZURE_PROVIDER_RULES[type] === undefined)).toEqual([]);
  for (const [type, byId] of Object.entries(RESOURCES)) {
    if (type === 'terraform_data') continue;
    for (const attrs of Object.values(byId)) expect([type, AZURE_PROVIDER_RULES[type](attrs)]).toEqual([type, []]);
  }
});

test('skips attributes Terraform resolves later', () => {
  const redis = resource('azurerm_managed_redis');
  redis.name = '${var.name}';
  expect(AZURE_PROVIDER_RULES.azurerm_managed_redis(redis)).toEqual([]);
});

type Break = (attrs: Record<string, any>) => void;

test.each<[string, string, Break, string]>([
  ['azurerm_managed_redis', 'a name with two hyphens', (a) => { a.name = 'orders--cache'; }, 'ManagedRedisClusterName'],
  ['azurerm_managed_redis', 'a name of 64 characters', (a) => { a.name = 'a'.repeat(64); }, 'ManagedRedisClusterName'],
  ['azurerm_managed_redis', 'a name of 61 characters, which the provider takes and the API refuses', (a) => { a.name = 'a'.repeat(61); }, 'at most 60 characters (API)'],
  ['azurerm_managed_redis', 'a resource group ending in a period', (a) => { a.resource_group_name = 'group.'; }, 'resourcegroups.ValidateName'],
  ['azurerm_managed_redis', 'a region outside the US and EU', (a) => { a.location = 'uksouth'; }, 'a US or EU Azure region'],
  ['azurerm_managed_redis', 'a retired Enterprise SKU', (a) => { a.sku_name = 'Enterprise_E10'; }, 'PossibleValuesForSkuName'],
  ['azurerm_managed_redis', 'public access "On"', (a) => { a.public_network_access = 'On'; }, 'Enabled or Disabled'],
  ['azurerm_managed_redis', 'high availability as a string', (a) => { a.high_availability_enabled = 'yes'; }, 'a bool'],
  ['azurerm_managed_redis', 'client protocol "TLS"', (a) => { a.default_database.client_protocol = 'TLS'; }, 'Encrypted or Plaintext'],
  ['azurerm_managed_redis', 'clustering policy "Cluster"', (a) => { a.default_database.clustering_policy = 'Cluster'; }, 'clustering_policy enum'],
  ['azurerm_managed_redis', 'eviction policy "allkeys-lru"', (a) => { a.default_database.eviction_policy = 'allkeys-lru'; }, 'eviction_policy enum'],
  ['azurerm_managed_redis', 'RDB every 15 minutes', (a) => {
    delete a.default_database.persistence_append_only_file_backup_frequency;
    a.default_database.persistence_redis_database_backup_frequency = '15m';
  }, '1h, 6h or 12h'],
  ['azurerm_managed_redis', 'AOF "always"', (a) => { a.default_database.persistence_append_only_file_backup_frequency = 'always'; }, '1s'],
  ['azurerm_managed_redis', 'AOF with RDB', (a) => { a.default_database.persistence_redis_database_backup_frequency = '1h'; }, 'conflict with each other'],
  ['azurerm_managed_redis', 'AOF with geo-replication', (a) => { a.default_database.geo_replication_group_name = 'geo'; }, 'conflict with each other'],
  ['azurerm_managed_redis', 'a geo-replication group name with a dot', (a) => {
    delete a.default_database.persistence_append_only_file_backup_frequency;
    a.default_database.geo_replication_group_name = 'geo.group';
  }, 'GeoreplicationGroupName'],
  ['azurerm_managed_redis', 'geo-replication on B1', (a) => {
    delete a.default_database.persistence_append_only_file_backup_frequency;
    a.sku_name = 'Balanced_B1';
    a.default_database.geo_replication_group_name = 'geo';
  }, 'B0 and B1 cannot geo-replicate'],
  ['azurerm_managed_redis', 'an unknown module', (a) => { a.default_database.module = [{ name: 'RedisGraph' }]; }, 'at most 4 modules'],
  ['azurerm_managed_redis', 'RediSearch with VolatileLRU', (a) => { a.default_database.module = [{ name: 'RediSearch' }]; a.default_database.eviction_policy = 'VolatileLRU'; }, 'RediSearch needs NoEviction'],
  ['azurerm_managed_redis', 'access keys off', (a) => { a.default_database.access_keys_authentication_enabled = false; }, 'needs access keys'],
  ['azurerm_managed_redis', '51 tags', (a) => { a.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])); }, 'tags.Validate'],
  ['azurerm_managed_redis', 'a tag value of 257 characters', (a) => { a.tags = { note: 'x'.repeat(257) }; }, 'tags.Validate'],
  ['azurerm_resource_group', 'a name with a slash', (a) => { a.name = 'group/one'; }, 'resourcegroups.ValidateName'],
  ['azurerm_resource_group', 'a region outside the US and EU', (a) => { a.location = 'japaneast'; }, 'a US or EU Azure region'],
  ['azurerm_storage_account', 'an upper-case name', (a) => { a.name = 'ChoreoExports'; }, 'StorageAccountName'],
  ['azurerm_storage_account', 'a name of 25 characters', (a) => { a.name = 'a'.repeat(25); }, 'StorageAccountName'],
  ['azurerm_storage_account', 'account kind "V2"', (a) => { a.account_kind = 'V2'; }, 'account_kind enum'],
  ['azurerm_storage_account', 'account tier "Hot"', (a) => { a.account_tier = 'Hot'; }, 'Standard or Premium'],
  ['azurerm_storage_account', 'replication "RAZRS"', (a) => { a.account_replication_type = 'RAZRS'; }, 'account_replication_type enum'],
  ['azurerm_storage_account', 'TLS 1.1', (a) => { a.min_tls_version = 'TLS1_1'; }, 'TLS1_2 only'],
  ['azurerm_storage_account', 'infrastructure encryption on BlobStorage', (a) => { a.account_kind = 'BlobStorage'; }, 'infrastructure encryption needs'],
  ['azurerm_storage_account', 'versioning with a hierarchical namespace', (a) => { a.is_hns_enabled = true; }, 'versioning_enabled conflicts'],
  ['azurerm_storage_container', 'an upper-case name', (a) => { a.name = 'Exports'; }, 'StorageContainerName'],
  ['azurerm_storage_container', 'a name with two hyphens', (a) => { a.name = 'redis--exports'; }, 'no consecutive or trailing hyphens'],
  ['azurerm_storage_container', 'access type "public"', (a) => { a.container_access_type = 'public'; }, 'blob, container or private'],
  ['azurerm_storage_container', 'no storage account', (a) => { delete a.storage_account_id; }, 'required'],
  ['azurerm_storage_management_policy', 'no rules', (a) => { a.rule = []; }, '1 to 100 rules'],
  ['azurerm_storage_management_policy', 'a rule name with a space', (a) => { a.rule[0].name = 'expire exports'; }, 'rule names'],
  ['azurerm_storage_management_policy', 'page blobs', (a) => { a.rule[0].filters.blob_types = ['pageBlob']; }, 'blob_types'],
  ['azurerm_storage_management_policy', 'a negative day count', (a) => { a.rule[0].actions.version.delete_after_days_since_creation = -1; }, 'IntBetween(0, 99999)'],
  ['azurerm_logic_app_workflow', 'a name of 81 characters', (a) => { a.name = 'w'.repeat(81); }, 'up to 80 characters'],
  ['azurerm_logic_app_workflow', 'a region outside the US and EU', (a) => { a.location = 'brazilsouth'; }, 'a US or EU Azure region'],
  ['azurerm_logic_app_workflow', 'identity "Managed"', (a) => { a.identity.type = 'Managed'; }, 'identity.type enum'],
  ['azurerm_logic_app_trigger_recurrence', 'a name with a slash', (a) => { a.name = 'daily/export'; }, 'a trigger name'],
  ['azurerm_logic_app_trigger_recurrence', 'frequency "Daily"', (a) => { a.frequency = 'Daily'; }, 'frequency enum'],
  ['azurerm_logic_app_trigger_recurrence', 'interval 0', (a) => { a.interval = 0; }, 'a positive interval'],
  ['azurerm_logic_app_trigger_recurrence', 'an empty schedule', (a) => { a.schedule = {}; }, 'AtLeastOneOf'],
  ['azurerm_logic_app_trigger_recurrence', 'hour 24', (a) => { a.schedule.at_these_hours = [24]; }, 'at_these_hours'],
  ['azurerm_logic_app_trigger_recurrence', 'minute 60', (a) => { a.schedule.at_these_minutes = [60]; }, 'at_these_minutes'],
  ['azurerm_logic_app_trigger_recurrence', 'time zone "Europe/Paris"', (a) => { a.time_zone = 'Europe/Paris'; }, 'TriggerRecurrenceTimeZone'],
  ['azurerm_logic_app_action_custom', 'an empty name', (a) => { a.name = ''; }, 'an action name'],
  ['azurerm_logic_app_action_custom', 'a body that is not JSON', (a) => { a.body = `{"type": "Http", ${a.body}`; }, 'StringIsJSON'],
  ['azurerm_logic_app_action_custom', 'a body without a type', (a) => { a.body = a.body.replace('"type":"Http"', '"kind":"Http"'); }, 'an action type'],
  ['azurerm_logic_app_action_custom', 'an HTTP action without a method', (a) => { a.body = a.body.replace('"method":"POST",', ''); }, 'need a method and a URI'],
  ['azurerm_logic_app_action_custom', 'runAfter "Done"', (a) => { a.body = a.body.replace('"runAfter":{}', '"runAfter":{"x":["Done"]}'); }, 'runAfter statuses'],
  ['azurerm_role_definition', 'an empty name', (a) => { a.name = ''; }, 'StringIsNotEmpty'],
  ['azurerm_role_definition', 'a scope that is a group name', (a) => { a.scope = 'group'; }, 'StringStartsWithOneOf'],
  ['azurerm_role_definition', 'an empty description', (a) => { a.description = ''; }, 'StringIsNotEmpty'],
  ['azurerm_role_definition', 'an action that is not an operation', (a) => { a.permissions[0].actions = ['export everything']; }, 'provider operations'],
  ['azurerm_role_assignment', 'both a role ID and a role name', (a) => { a.role_definition_name = 'Reader'; }, 'ExactlyOneOf'],
  ['azurerm_role_assignment', 'principal type "Application"', (a) => { a.principal_type = 'Application'; }, 'User, Group or ServicePrincipal'],
  ['azurerm_role_assignment', 'a name that is not a UUID', (a) => { a.name = 'export'; }, 'IsUUID'],
  ['azurerm_role_assignment', 'a relative scope', (a) => { a.scope = 'subscriptions/0000'; }, 'a scope ID'],
  ['azurerm_network_security_group', 'a name ending with a hyphen', (a) => { a.name = 'orders-nsg-'; }, 'letters, digits, underscores'],
  ['azurerm_network_security_group', 'a region outside the US and EU', (a) => { a.location = 'eastasia'; }, 'a US or EU Azure region'],
  ['azurerm_network_security_rule', 'a name with a percent sign', (a) => { a.name = 'allow%clients'; }, 'StringDoesNotContainAny'],
  ['azurerm_network_security_rule', 'protocol "TCP"', (a) => { a.protocol = 'TCP'; }, 'protocol enum'],
  ['azurerm_network_security_rule', 'access "Permit"', (a) => { a.access = 'Permit'; }, 'Allow or Deny'],
  ['azurerm_network_security_rule', 'direction "In"', (a) => { a.direction = 'In'; }, 'Inbound or Outbound'],
  ['azurerm_network_security_rule', 'priority 4097', (a) => { a.priority = 4097; }, 'IntBetween(100, 4096)'],
  ['azurerm_network_security_rule', 'a description of 141 characters', (a) => { a.description = 'd'.repeat(141); }, 'StringLenBetween(0, 140)'],
  ['azurerm_network_security_rule', 'no source port', (a) => { delete a.source_port_range; }, 'one of source_port_range'],
  ['azurerm_network_security_rule', 'two destination port forms', (a) => { a.destination_port_ranges = ['10000']; }, 'one of destination_port_range'],
  ['azurerm_network_security_rule', 'port 70000', (a) => { a.destination_port_range = '70000'; }, 'a port or range'],
  ['azurerm_network_security_rule', 'a source prefix and prefixes', (a) => { a.source_address_prefix = '*'; }, 'ExactlyOneOf source_address_prefix'],
  ['azurerm_network_security_rule', 'no destination', (a) => { delete a.destination_address_prefix; }, 'ExactlyOneOf destination_address_prefix'],
  ['azurerm_network_security_rule', 'an IPv6 source', (a) => { a.source_address_prefixes = ['2001:db8::/32']; }, 'IPv4 addresses or canonical CIDRs'],
  ['azurerm_network_security_rule', 'a source with host bits', (a) => { a.source_address_prefixes = ['10.0.0.1/8']; }, 'IPv4 addresses or canonical CIDRs'],
  ['azurerm_subnet_network_security_group_association', 'a lower-case resourcegroups segment', (a) => { a.subnet_id = SUBNET.replace('resourceGroups', 'resourcegroups'); },
    'ValidateSubnetID'],
  ['azurerm_subnet_network_security_group_association', 'a virtual network ID for the NSG', (a) => { a.network_security_group_id = SUBNET; }, 'ValidateNetworkSecurityGroupID'],
  ['azurerm_private_dns_zone', 'a one-label zone', (a) => { a.name = 'privatelink'; }, 'a DNS zone name'],
  ['azurerm_private_dns_zone', 'a resource group with a space', (a) => { a.resource_group_name = 'dns zones'; }, 'resourcegroups.ValidateName'],
  ['azurerm_private_dns_zone_virtual_network_link', 'a name with a space', (a) => { a.name = 'pe dns'; }, 'letters, digits, underscores'],
  ['azurerm_private_dns_zone_virtual_network_link', 'an empty zone name', (a) => { a.private_dns_zone_name = ''; }, 'StringIsNotEmpty'],
  ['azurerm_private_dns_zone_virtual_network_link', 'a subnet ID for the network', (a) => { a.virtual_network_id = SUBNET; }, 'ValidateVirtualNetworkID'],
  ['azurerm_private_dns_zone_virtual_network_link', 'an upper-case SUBSCRIPTIONS segment', (a) => { a.virtual_network_id = a.virtual_network_id.replace('subscriptions', 'SUBSCRIPTIONS'); },
    'ValidateVirtualNetworkID'],
  ['azurerm_private_endpoint', 'a name starting with a hyphen', (a) => { a.name = '-pe'; }, 'validate.PrivateLinkName'],
  ['azurerm_private_endpoint', 'a region outside the US and EU', (a) => { a.location = 'australiaeast'; }, 'a US or EU Azure region'],
  ['azurerm_private_endpoint', 'a network ID for the subnet', (a) => { a.subnet_id = SUBNET.replace(/\/subnets\/.*$/, ''); }, 'ValidateSubnetID'],
  ['azurerm_private_endpoint', 'a connection name with a slash', (a) => { a.private_service_connection.name = 'pe/redis'; }, 'private_service_connection.name'],
  ['azurerm_private_endpoint', 'no is_manual_connection', (a) => { delete a.private_service_connection.is_manual_connection; }, 'is_manual_connection is required'],
  ['azurerm_private_endpoint', 'an ID and an alias', (a) => { a.private_service_connection.private_connection_resource_alias = 'redis.alias'; },
    'ExactlyOneOf private_connection_resource_id'],
  ['azurerm_private_endpoint', 'sub-resource "re"', (a) => { a.private_service_connection.subresource_names = ['re']; }, 'PrivateLinkSubResourceName'],
  ['azurerm_private_endpoint', 'a zone group with a zone name for an ID', (a) => { a.private_dns_zone_group.private_dns_zone_ids = ['privatelink.redis.azure.net']; },
    'ValidatePrivateDnsZoneID'],
  ['azurerm_private_endpoint', 'a tag key of 513 characters', (a) => { a.tags = { ['k'.repeat(513)]: 'v' }; }, 'tags.Validate'],
])('%s: %s breaks a rule', (type, _what, breakIt, rule) => {
  const attrs = resource(type);
  breakIt(attrs);
  expect(AZURE_PROVIDER_RULES[type](attrs).join('\n')).toContain(rule);
});

test('a zone group with a known private DNS zone ID passes', () => {
  const endpoint = resource('azurerm_private_endpoint');
  endpoint.private_dns_zone_group.private_dns_zone_ids = [ZONE];
  expect(AZURE_PROVIDER_RULES.azurerm_private_endpoint(endpoint)).toEqual([]);
});
