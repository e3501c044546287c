import 'cdktf/lib/testing/adapters/jest';
import { LogicAppTriggerRecurrence } from '@cdktf/provider-azurerm/lib/logic-app-trigger-recurrence';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { asIfFromJavaScript, resolved, resourcesOf, synthJson, testStack, warningsOf } from '../../../../test/util';
import { AzureManagedRedisBackendProps, AzureManagedRedisSkuFamily, ChoreoRedis, ChoreoRedisProps, RedisBackend, ServicePlan } from '../../../index';
import { canonicalCidrExpression } from '../../cidr-tokens';

function azureStack(): TerraformStack {
  return testStack((s) => new AzurermProvider(s, 'azurerm', { features: [{}] }));
}

function cache(props: Partial<ChoreoRedisProps> & { plan: ServicePlan }, backend: AzureManagedRedisBackendProps = { region: 'westeurope' }) {
  const stack = azureStack();
  const redis = new ChoreoRedis(stack, 'Cache', { backend: RedisBackend.azureManagedRedis(backend), ...props });
  return { stack, redis, synth: Testing.synth(stack) };
}

function only(stack: TerraformStack, type: string): any {
  const all = Object.values(resourcesOf(stack, type));
  expect(all).toHaveLength(1);
  return all[0];
}

describe('the cache', () => {
  test.each([
    [ServicePlan.HOBBYIST, 'Balanced_B1', false],
    [ServicePlan.STARTUP, 'Balanced_B3', false],
    [ServicePlan.BUSINESS, 'Balanced_B5', true],
  ])('%s defines %s with high_availability_enabled = %s', (plan, sku, ha) => {
    const { synth } = cache({ plan });
    expect(synth).toHaveResourceWithProperties(ManagedRedis, {
      sku_name: sku,
      high_availability_enabled: ha,
      location: 'westeurope',
      public_network_access: 'Enabled',
      default_database: {
        client_protocol: 'Encrypted',
        clustering_policy: 'EnterpriseCluster',
        access_keys_authentication_enabled: true,
        eviction_policy: 'NoEviction',
        persistence_append_only_file_backup_frequency: '1s',
      },
    });
  });

  test('is the primary resource, with construct ID "Resource", and a derived name', () => {
    const { redis, stack } = cache({ plan: ServicePlan.HOBBYIST });
    expect(redis.resource.node.id).toBe('Resource');
    expect(only(stack, 'azurerm_managed_redis').name).toMatch(/^test-cache-[0-9a-f]{8}$/);
  });

  test('uses a chosen SKU family', () => {
    const { synth } = cache({ plan: ServicePlan.BUSINESS }, { region: 'eastus2', skuFamily: AzureManagedRedisSkuFamily.MEMORY_OPTIMIZED });
    expect(synth).toHaveResourceWithProperties(ManagedRedis, { sku_name: 'MemoryOptimized_M10', location: 'eastus2' });
  });

  test('exposes the hostname, port 10000, user "default" and the primary access key, and builds a sensitive rediss:// URI', () => {
    const { stack, redis } = cache({ plan: ServicePlan.HOBBYIST });
    redis.addOutputs();
    const json = synthJson(stack);
    const id = Object.keys(json.resource.azurerm_managed_redis)[0];
    expect(redis.port).toBe(10000);
    expect(json.output!.Cache_host.value).toBe(`\${azurerm_managed_redis.${id}.hostname}`);
    expect(json.output!.Cache_password).toEqual(expect.objectContaining({
      sensitive: true, value: `\${azurerm_managed_redis.${id}.default_database[0].primary_access_key}`,
    }));
    expect(json.output!.Cache_uri.sensitive).toBe(true);
    expect(json.output!.Cache_uri.value).toBe(
      `\${format("rediss://%s:%s@%s:%s", "default", urlencode(azurerm_managed_redis.${id}.default_database[0].primary_access_key), azurerm_managed_redis.${id}.hostname, 10000)}`);
  });

  test('tags every resource', () => {
    const { synth } = cache({ plan: ServicePlan.STARTUP, tags: { team: 'orders' } });
    for (const type of [ManagedRedis, ResourceGroup, StorageAccount, LogicAppWorkflow]) {
      expect(synth).toHaveResourceWithProperties(type, { tags: { 'team': 'orders', 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': 'startup' } });
    }
  });

  test('warns about the connection limit, the restricted commands and, without high availability, the SLA', () => {
    const { redis } = cache({ plan: ServicePlan.HOBBYIST });
    const warnings = warningsOf(redis);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('"max(10000, 4 x MB) connections"');
    expect(warnings[1]).toContain('"restricted commands refused"');
    expect(warnings[2]).toContain('"99.99% monthly uptime SLA": no published SLA covers a cache without high availability');
  });
});

describe('the resource group', () => {
  test('is defined in the location when none is given', () => {
    const { stack, synth } = cache({ plan: ServicePlan.HOBBYIST });
    const redis = only(stack, 'azurerm_managed_redis');
    expect(synth).toHaveResourceWithProperties(ResourceGroup, { name: `${redis.name}-rg`, location: 'westeurope' });
    expect(redis.resource_group_name).toMatch(/^\$\{azurerm_resource_group\.\w+\.name\}$/);
  });

  test('is looked up, not defined, when given', () => {
    const { stack } = cache({ plan: ServicePlan.STARTUP }, { region: 'westeurope', resourceGroupName: 'platform-rg' });
    const json = synthJson(stack) as any;
    expect(json.resource.azurerm_resource_group).toBeUndefined();
    expect(only(stack, 'azurerm_managed_redis').resource_group_name).toBe('platform-rg');
    expect(Object.values(json.data.azurerm_resource_group)).toEqual([{ name: 'platform-rg' }]);
    expect(only(stack, 'azurerm_role_definition').scope).toMatch(/^\$\{data\.azurerm_resource_group\.\w+\.id\}$/);
  });

  test('is not looked up for Hobbyist, which needs no export role', () => {
    const { stack } = cache({ plan: ServicePlan.HOBBYIST }, { region: 'westeurope', resourceGroupName: 'platform-rg' });
    expect((synthJson(stack) as any).data).toBeUndefined();
  });
});

describe('the export job for backup history', () => {
  test('is not defined for Hobbyist', () => {
    const { stack } = cache({ plan: ServicePlan.HOBBYIST });
    const types = Object.keys(synthJson(stack).resource);
    expect(types.sort()).toEqual(['azurerm_managed_redis', 'azurerm_resource_group', 'terraform_data']);
  });

  test.each([[ServicePlan.STARTUP, 1], [ServicePlan.BUSINESS, 3]])('%s keeps exports and versions %d day(s) in a hardened, versioned account', (plan, days) => {
    const { synth } = cache({ plan });
    expect(synth).toHaveResourceWithProperties(StorageAccount, {
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      infrastructure_encryption_enabled: true,
      blob_properties: { versioning_enabled: true },
    });
    expect(synth).toHaveResourceWithProperties(StorageContainer, { name: 'exports', container_access_type: 'private' });
    expect(synth).toHaveResourceWithProperties(StorageManagementPolicy, {
      rule: [{
        name: 'expire-exports',
        enabled: true,
        filters: { blob_types: ['blockBlob', 'appendBlob'], prefix_match: ['exports/'] },
        actions: {
          base_blob: { delete_after_days_since_modification_greater_than: days },
          version: { delete_after_days_since_creation: days },
        },
      }],
    });
  });

  test('runs daily at the chosen hour from a Logic App with a system-assigned identity', () => {
    const { synth } = cache({ plan: ServicePlan.STARTUP }, { region: 'westeurope', backupHour: 22 });
    expect(synth).toHaveResourceWithProperties(LogicAppWorkflow, { identity: { type: 'SystemAssigned' }, location: 'westeurope' });
    expect(synth).toHaveResourceWithProperties(LogicAppTriggerRecurrence, {
      frequency: 'Day', interval: 1, time_zone: 'UTC', schedule: { at_these_hours: [22], at_these_minutes: [0] },
    });
  });

  test('lists a container SAS, then calls the database\'s export operation with it, both with the managed identity', () => {
    const { stack } = cache({ plan: ServicePlan.BUSINESS });
    const actions = Object.values(resourcesOf(stack, 'azurerm_logic_app_action_custom')) as any[];
    const byName = Object.fromEntries(actions.map((a) => [a.name, JSON.parse(a.body)]));
    const identity = { type: 'ManagedServiceIdentity', audience: 'https://management.azure.com/' };
    expect(byName.Create_export_SAS).toEqual({
      type: 'Http',
      runAfter: {},
      inputs: {
        method: 'POST',
        uri: expect.stringMatching(/^https:\/\/management\.azure\.com\$\{azurerm_storage_account\.\w+\.id\}\/listServiceSas\?api-version=2023-05-01$/),
        body: expect.objectContaining({ signedResource: 'c', signedProtocol: 'https', signedExpiry: '@{addHours(utcNow(), 6)}' }),
        authentication: identity,
      },
      runtimeConfiguration: { secureData: { properties: ['inputs', 'outputs'] } },
    });
    expect(byName.Export_database).toEqual({
      type: 'Http',
      runAfter: { Create_export_SAS: ['Succeeded'] },
      operationOptions: 'DisableAsyncPattern',
      inputs: {
        method: 'POST',
        uri: expect.stringMatching(/^https:\/\/management\.azure\.com\$\{azurerm_managed_redis\.\w+\.id\}\/databases\/default\/export\?api-version=2025-07-01$/),
        body: { sasUri: expect.stringContaining("body('Create_export_SAS')?['serviceSasToken']") },
        authentication: identity,
      },
      runtimeConfiguration: { secureData: { properties: ['inputs', 'outputs'] } },
    });
  });

  test('grants the Logic App only listServiceSas on its storage account and export on its cache', () => {
    const { stack, synth } = cache({ plan: ServicePlan.BUSINESS });
    expect(synth).toHaveResourceWithProperties(RoleDefinition, {
      permissions: [{ actions: ['Microsoft.Storage/storageAccounts/listServiceSas/action', 'Microsoft.Cache/redisEnterprise/databases/export/action'] }],
    });
    const assignments = Object.values(resourcesOf(stack, 'azurerm_role_assignment')) as any[];
    expect(assignments.map((a) => a.scope.replace(/\.\w+\.id\}$/, '')).sort()).toEqual(['${azurerm_managed_redis', '${azurerm_storage_account']);
    for (const assignment of assignments) {
      expect(assignment.principal_id).toMatch(/^\$\{azurerm_logic_app_workflow\.\w+\.identity\[0\]\.principal_id\}$/);
      expect(assignment.principal_type).toBe('ServicePrincipal');
    }
    expect(synth).toHaveResourceWithProperties(RoleAssignment, { principal_type: 'ServicePrincipal' });
  });
});

describe('names unique beyond the stack', () => {
  test('names the storage account (global) after the resource group ID and the data store\'s name, hashed by Terraform', () => {
    const { stack } = cache({ plan: ServicePlan.STARTUP });
    const group = Object.keys(resourcesOf(stack, 'azurerm_resource_group'))[0];
    const name = only(stack, 'azurerm_managed_redis').name;
    expect(only(stack, 'azurerm_storage_account').name)
      .toBe(`choreo\${substr(sha1(join("/", [azurerm_resource_group.${group}.id, "${name}"])), 0, 18)}`);
  });

  test('hashes the looked-up group\'s ID when the resource group is given', () => {
    const { stack } = cache({ plan: ServicePlan.STARTUP }, { region: 'westeurope', resourceGroupName: 'platform-rg' });
    expect(only(stack, 'azurerm_storage_account').name).toMatch(/^choreo\$\{substr\(sha1\(join\("\/", \[data\.azurerm_resource_group\.\w+\.id, "test-cache-[0-9a-f]{8}"\]\)\), 0, 18\)\}$/);
  });

  test('names the export role (unique per Entra tenant) after the data store and a hash of the resource group ID', () => {
    const { stack } = cache({ plan: ServicePlan.BUSINESS }, { region: 'westeurope', resourceGroupName: 'platform-rg' });
    const lookup = Object.keys((synthJson(stack) as any).data.azurerm_resource_group)[0];
    const name = only(stack, 'azurerm_managed_redis').name;
    expect(only(stack, 'azurerm_role_definition').name).toBe(`choreo-redis-export-${name}-\${substr(sha1(data.azurerm_resource_group.${lookup}.id), 0, 8)}`);
  });

  test('names the storage account in the SAS request by the account\'s name attribute', () => {
    const { stack } = cache({ plan: ServicePlan.STARTUP });
    const actions = Object.values(resourcesOf(stack, 'azurerm_logic_app_action_custom')) as any[];
    const sas = JSON.parse(actions.find((a) => a.name === 'Create_export_SAS').body);
    expect(sas.inputs.body.canonicalizedResource).toMatch(/^\/blob\/\$\{azurerm_storage_account\.\w+\.name\}\/\$\{azurerm_storage_container\.\w+\.name\}$/);
  });
});

describe('the private endpoint that enforces allowedCidrs', () => {
  const SUBNET = '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-a/subnets/redis';
  const restricted = { plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24', '198.51.100.7'] };

  test('turns public network access off and puts a private endpoint for the cache in the subnet', () => {
    const { stack, synth } = cache(restricted, { region: 'westeurope', privateEndpointSubnetId: SUBNET });
    expect(only(stack, 'azurerm_managed_redis').public_network_access).toBe('Disabled');
    const endpoint = only(stack, 'azurerm_private_endpoint');
    expect(endpoint).toMatchObject({
      subnet_id: SUBNET,
      location: 'westeurope',
      private_service_connection: { subresource_names: ['redisEnterprise'], is_manual_connection: false },
    });
    expect(endpoint.private_service_connection.private_connection_resource_id).toMatch(/^\$\{azurerm_managed_redis\.\w+\.id\}$/);
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringMatching(/^\$\{azurerm_private_dns_zone\.\w+\.id\}$/)]);
    expect(synth).toHaveResourceWithProperties(PrivateDnsZone, { name: 'privatelink.redis.azure.net' });
    expect(only(stack, 'azurerm_private_dns_zone_virtual_network_link').virtual_network_id)
      .toBe('/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-a');
  });

  test('admits only the allowed sources on port 10000 and denies everyone else there', () => {
    const { stack, synth } = cache(restricted, { region: 'westeurope', privateEndpointSubnetId: SUBNET });
    expect(synth).toHaveResourceWithProperties(NetworkSecurityRule, {
      name: 'allow-redis-clients',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      destination_port_range: '10000',
      source_address_prefixes: ['198.51.100.7/32', '203.0.113.0/24'],
    });
    expect(synth).toHaveResourceWithProperties(NetworkSecurityRule, {
      name: 'deny-other-redis-clients', priority: 4000, access: 'Deny', destination_port_range: '10000', source_address_prefix: '*',
    });
    const association = only(stack, 'azurerm_subnet_network_security_group_association');
    expect(association.subnet_id).toBe(SUBNET);
    expect(association.network_security_group_id).toMatch(/^\$\{azurerm_network_security_group\.\w+\.id\}$/);
  });

  test('uses a given private DNS zone instead of defining one', () => {
    const zone = '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net';
    const { stack } = cache(restricted, { region: 'westeurope', privateEndpointSubnetId: SUBNET, privateDnsZone: zone });
    const json = synthJson(stack);
    expect(json.resource.azurerm_private_dns_zone).toBeUndefined();
    expect(json.resource.azurerm_private_dns_zone_virtual_network_link).toBeUndefined();
    expect(only(stack, 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids).toEqual([zone]);
  });

  test('derives the virtual network with Terraform functions when the subnet ID is a token', () => {
    const stack = azureStack();
    const subnet = new TerraformVariable(stack, 'subnet', { type: 'string' });
    new ChoreoRedis(stack, 'Cache', {
      ...restricted,
      backend: RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: subnet.stringValue }),
    });
    expect(only(stack, 'azurerm_private_dns_zone_virtual_network_link').virtual_network_id).toBe('${join("/", slice(split("/", var.subnet), 0, 9))}');
  });

  test('canonicalises a token entry in Terraform and refuses one that resolves to IPv6 with a precondition', () => {
    const stack = azureStack();
    const nat = new TerraformVariable(stack, 'nat', { type: 'string' });
    new ChoreoRedis(stack, 'Cache', {
      plan: ServicePlan.BUSINESS,
      allowedCidrs: ['10.0.0.0/8', nat.stringValue],
      backend: RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: SUBNET }),
    });
    const allow = Object.values(resourcesOf(stack, 'azurerm_network_security_rule')).find((r: any) => r.access === 'Allow') as any;
    const canonical = resolved(stack, canonicalCidrExpression(nat.stringValue));
    expect(canonical).toMatch(/^\$\{cidrsubnet\(strcontains\(var\.nat, "\/"\) \? var\.nat : .*, 0, 0\)\}$/);
    expect(allow.source_address_prefixes).toEqual(['10.0.0.0/8', canonical]);
    expect(allow.lifecycle).toEqual({
      precondition: [{
        condition: '${strcontains(var.nat, ":") ? false : true}',
        error_message: 'allowedCidrs entry "${var.nat}" is IPv6, but the private endpoint and its network security group admit IPv4 sources only. Remove it, or list the IPv4 addresses those clients reach the virtual network from.',
      }],
    });
  });

  test('adds no precondition when every entry is literal', () => {
    const { stack } = cache(restricted, { region: 'westeurope', privateEndpointSubnetId: SUBNET });
    const allow = Object.values(resourcesOf(stack, 'azurerm_network_security_rule')).find((r: any) => r.access === 'Allow') as any;
    expect(allow.lifecycle).toBeUndefined();
  });

  test('warns about public sources, which connect only when routed into the virtual network', () => {
    const { redis } = cache(restricted, { region: 'westeurope', privateEndpointSubnetId: SUBNET });
    expect(warningsOf(redis).filter((w) => w.startsWith('[PublicSourceOnPrivateNetwork]'))).toEqual([
      expect.stringContaining('allowedCidrs lists public internet address space (198.51.100.7/32, 203.0.113.0/24), but the data store is reachable only from the virtual network'),
    ]);
  });

  test('keeps the public endpoint without the subnet', () => {
    expect(Object.keys(synthJson(cache({ plan: ServicePlan.BUSINESS }).stack).resource)).not.toContain('azurerm_private_endpoint');
    expect(synthJson(cache({ plan: ServicePlan.BUSINESS }).stack).resource).not.toHaveProperty('azurerm_network_security_group');
  });
});

describe('private networks shared by data stores of one app', () => {
  const NET = '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks';
  const ZONE = '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net';
  const endpoint = (subnet: string, more: Partial<AzureManagedRedisBackendProps> = {}) => ({
    plan: ServicePlan.BUSINESS,
    allowedCidrs: ['10.0.0.0/8'],
    backend: RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: subnet, ...more }),
  });
  const stackIn = (app: App, id: string) => {
    const stack = new TerraformStack(app, id);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    return stack;
  };

  test('fails for two data stores on one subnet, in two stacks, naming both and the fix', () => {
    const app = Testing.app();
    new ChoreoRedis(stackIn(app, 'eu'), 'Orders', endpoint(`${NET}/vnet/subnets/redis`, { privateDnsZone: ZONE }));
    expect(() => new ChoreoRedis(stackIn(app, 'eu2'), 'Carts', endpoint(`${NET}/VNET/subnets/Redis`, { privateDnsZone: ZONE }))).toThrow(
      `[PrivateNetworkConflict] eu/Orders and eu2/Carts would both define a network security group for subnet ${NET}/VNET/subnets/Redis; a subnet has one, so the second association fails at apply ("already exists"). Fix: give each data store its own privateEndpointSubnetId.`);
  });

  test('fails for two data stores that would both define the DNS zone in one resource group', () => {
    const stack = azureStack();
    new ChoreoRedis(stack, 'Orders', endpoint(`${NET}/vnet-a/subnets/orders`, { resourceGroupName: 'platform-rg' }));
    expect(() => new ChoreoRedis(stack, 'Carts', endpoint(`${NET}/vnet-b/subnets/carts`, { resourceGroupName: 'Platform-RG' }))).toThrow(
      /^\[PrivateNetworkConflict\] test\/Orders and test\/Carts would both define the private DNS zone privatelink\.redis\.azure\.net in resource group Platform-RG; .* Fix: define one privatelink\.redis\.azure\.net zone linked to the virtual network and pass its ID as privateDnsZone to each data store\.$/);
  });

  test('fails for two data stores that would both link a zone to one virtual network', () => {
    const stack = azureStack();
    new ChoreoRedis(stack, 'Orders', endpoint(`${NET}/vnet/subnets/orders`));
    expect(() => new ChoreoRedis(stack, 'Carts', endpoint(`${NET}/vnet/subnets/carts`))).toThrow(
      /\[PrivateNetworkConflict\] test\/Orders and test\/Carts would both define a privatelink\.redis\.azure\.net zone linked to the virtual network of .*; a virtual network links at most one zone of a name/);
  });

  test('accepts data stores on their own subnets that share one given zone, and the same subnet in another app', () => {
    const stack = azureStack();
    new ChoreoRedis(stack, 'Orders', endpoint(`${NET}/vnet/subnets/orders`, { privateDnsZone: ZONE }));
    new ChoreoRedis(stack, 'Carts', endpoint(`${NET}/vnet/subnets/carts`, { privateDnsZone: ZONE }));
    new ChoreoRedis(azureStack(), 'Orders', endpoint(`${NET}/vnet/subnets/orders`));
    expect(Object.keys(resourcesOf(stack, 'azurerm_private_endpoint'))).toHaveLength(2);
  });
});

describe('deletion protection', () => {
  test('protects the cache and the exports for Business', () => {
    const { stack } = cache({ plan: ServicePlan.BUSINESS });
    expect(only(stack, 'azurerm_managed_redis').lifecycle.prevent_destroy).toBe(true);
    expect(only(stack, 'azurerm_storage_account').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('leaves Startup unprotected unless asked', () => {
    expect(only(cache({ plan: ServicePlan.STARTUP }).stack, 'azurerm_managed_redis').lifecycle.prevent_destroy).toBeUndefined();
    const { stack } = cache({ plan: ServicePlan.STARTUP, deletionProtection: true });
    expect(only(stack, 'azurerm_storage_account').lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('refusals at synth', () => {
  test.each([
    [{ plan: ServicePlan.PREMIUM }, /keeps at most 2 copies of the data .* Fix: choose ServicePlan\.BUSINESS/],
    [{ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24'] }, /has no IP firewall.*Fix: pass privateEndpointSubnetId/],
    [{ plan: ServicePlan.BUSINESS, luaScripting: false }, /Lua cannot be switched off/],
    [{ plan: ServicePlan.HOBBYIST, strict: true }, /an error because strict is true/],
  ])('fails for %j', (props, message) => {
    expect(() => cache(props)).toThrow(message);
  });

  test.each<[keyof AzureManagedRedisBackendProps, unknown, string]>([
    ['region', 42, 'the number 42, but must be a string'],
    ['resourceGroupName', ['platform-rg'], 'an array, but must be a string'],
    ['skuFamily', 1, 'the number 1, but must be a string'],
    ['backupHour', '3', 'the string "3", but must be a number'],
    ['privateEndpointSubnetId', { id: 'x' }, 'an object (Object), but must be a string'],
    ['privateDnsZone', true, 'the boolean true, but must be a string'],
  ])('fails for %s of the wrong type, naming the prop and both types', (prop, value, message) => {
    const props = asIfFromJavaScript<AzureManagedRedisBackendProps>({ region: 'westeurope', [prop]: value });
    expect(() => RedisBackend.azureManagedRedis(props)).toThrow(`[InvalidType] RedisBackend.azureManagedRedis({ ${prop} }) is ${message}`);
  });

  test('fails for a location outside the US and EU when the backend is made', () => {
    expect(() => RedisBackend.azureManagedRedis({ region: 'uksouth' })).toThrow(/\[UnsupportedRegion\] .*"uksouth" is in Europe but outside the European Union/);
  });
});
