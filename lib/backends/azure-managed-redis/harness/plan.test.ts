import { findingsOf, planWith } from '../../../../test/util';
import {
  ChangeEffect, ChoreoRedisError, DataStoreInput, IsUnresolved, ProductPromise, RESTRICTED_COMMANDS, Realization, ServicePlan, Severity, effectOf,
} from '../../../plan';
import { MANAGED_REDIS_SKUS } from '../catalog';
import { AZURE_MANAGED_REDIS_CHANGES } from '../changes';
import { AZURE_MANAGED_REDIS } from '../definition';
import { validateDatabaseSettings } from '../plan';
import { AzureManagedRedisProps, AzureManagedRedisSkuFamily } from '../props';

const PROPS: AzureManagedRedisProps = { region: 'westeurope' };
const PATH = 'app/stack/Cache';

type Input = Partial<DataStoreInput> & { plan: ServicePlan };

function plan(input: Input, props: AzureManagedRedisProps = PROPS, name?: string, path = PATH, isUnresolved?: IsUnresolved) {
  return planWith(AZURE_MANAGED_REDIS, props, { ...input, name }, path, isUnresolved);
}

const findings = (input: Input) => findingsOf(AZURE_MANAGED_REDIS, plan(input));

function thrown(fn: () => unknown): ChoreoRedisError {
  try {
    fn();
  } catch (e) {
    return e as ChoreoRedisError;
  }
  throw new Error('expected a ChoreoRedisError');
}

describe('planManagedRedis', () => {
  test.each([
    [ServicePlan.HOBBYIST, 'Balanced_B1', false, 1, 0],
    [ServicePlan.STARTUP, 'Balanced_B3', false, 1, 1],
    [ServicePlan.BUSINESS, 'Balanced_B5', true, 2, 3],
    [ServicePlan.PREMIUM, 'Balanced_B10', true, 2, 13],
  ])('%s: %s, high availability %s, %d node(s), %d day(s) of history', (servicePlan, sku, ha, nodes, days) => {
    const result = plan({ plan: servicePlan });
    expect(result.size.id).toBe(sku);
    expect(result.settings).toMatchObject({ skuName: sku, highAvailability: ha, persistence: { aofBackupFrequency: '1s' } });
    expect(result.nodeCount).toBe(nodes);
    expect(result.backupRetentionDays).toBe(days);
    expect(result.port).toBe(10000);
  });

  test.each([
    [AzureManagedRedisSkuFamily.BALANCED, 2, 'Balanced_B3'],
    [AzureManagedRedisSkuFamily.MEMORY_OPTIMIZED, 2, 'MemoryOptimized_M10'],
    [AzureManagedRedisSkuFamily.COMPUTE_OPTIMIZED, 4, 'ComputeOptimized_X5'],
    [AzureManagedRedisSkuFamily.BALANCED, 0.25, 'Balanced_B0'],
  ])('picks the smallest %s SKU with at least %d GiB: %s', (skuFamily, memoryGib, sku) => {
    expect(plan({ plan: ServicePlan.HOBBYIST, memoryGib }, { ...PROPS, skuFamily }).size.id).toBe(sku);
  });

  test('offers only SKU names the provider accepts', () => {
    const ids = Object.values(MANAGED_REDIS_SKUS).flat().map((s) => s.id);
    expect(ids.every((id) => /^(Balanced_B|MemoryOptimized_M|ComputeOptimized_X)\d+$/.test(id))).toBe(true);
  });

  test('derives a stable name that fits the provider rule, and a resource group after it', () => {
    const first = plan({ plan: ServicePlan.STARTUP });
    expect(first.name).toMatch(/^stack-cache-[0-9a-f]{8}$/);
    expect(plan({ plan: ServicePlan.STARTUP }).name).toBe(first.name);
    expect(first.settings).toMatchObject({ resourceGroupName: `${first.name}-rg`, defineResourceGroup: true });
  });

  test('uses an existing resource group when given', () => {
    const result = plan({ plan: ServicePlan.HOBBYIST }, { ...PROPS, resourceGroupName: 'platform-rg' });
    expect(result.settings).toMatchObject({ resourceGroupName: 'platform-rg', defineResourceGroup: false });
  });

  test.each([ServicePlan.STARTUP, ServicePlan.BUSINESS])('%s gets a daily export whose lifecycle keeps the plan\'s history', (servicePlan) => {
    const result = plan({ plan: servicePlan }, { ...PROPS, backupHour: 22 });
    const exportSettings = result.settings.export;
    expect(exportSettings).toMatchObject({ historyDays: result.request.promises.backupHistoryDays, hour: 22, containerName: 'exports' });
    expect(exportSettings?.workflowName).toBe(`${result.name}-export`);
  });

  test('says when the export runs, in words, even when the hour is a token', () => {
    const history = (hour: number | undefined, isUnresolved?: IsUnresolved) => plan({ plan: ServicePlan.STARTUP }, { ...PROPS, backupHour: hour },
      undefined, PATH, isUnresolved).conformance[ProductPromise.BACKUP_HISTORY].detail;
    expect(history(undefined)).toContain('exports the database daily at 03:00 UTC');
    expect(history(7)).toContain('exports the database daily at 07:00 UTC');
    const token = -1.8881545897087626e+289;
    expect(history(token, (v) => v === token)).toContain('exports the database daily at the hour backupHour resolves to (UTC)');
  });

  test('Hobbyist gets no export job', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).settings.export).toBeUndefined();
  });

  test.each(['ab', 'a--b', '-abc', 'abc-', 'has_underscore', 'x'.repeat(61)])('fails for the name "%s" with the provider and API rule', (name) => {
    const error = thrown(() => plan({ plan: ServicePlan.HOBBYIST }, PROPS, name));
    expect(error.code).toBe('InvalidName');
    expect(error.message).toContain(`name "${name}" is not a valid name here: `);
    expect(error.message).toContain('Azure Managed Redis names allow at least 3 letters, digits and hyphens');
  });

  test('accepts a valid user-given name as given, upper case included (Azure keeps it; DNS ignores case)', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }, PROPS, 'Orders-Cache-1').name).toBe('Orders-Cache-1');
  });

  test('caps names at the 60 characters the API takes, below the provider\'s 63', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }, PROPS, 'x'.repeat(60)).name).toBe('x'.repeat(60));
    expect(thrown(() => plan({ plan: ServicePlan.HOBBYIST }, PROPS, 'x'.repeat(61))).message).toContain('it has 61 characters, 1 too many');
    const derived = plan({ plan: ServicePlan.HOBBYIST }, PROPS, undefined, `app/stack/${'Deep'.repeat(20)}/${'Cache'.repeat(20)}`).name;
    expect(derived).toHaveLength(60);
    expect(derived).toMatch(/^[a-z0-9-]+$/);
  });

  test('fails when no SKU of the family is large enough', () => {
    const error = thrown(() => plan({ plan: ServicePlan.BUSINESS, memoryGib: 1000 }));
    expect(error.code).toBe('NoSizeFits');
    expect(error.message).toContain('Azure Managed Redis Balanced SKUs');
    expect(error.message).toContain('Balanced_B1000 with 960 GiB');
  });
});

describe('conformance', () => {
  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s reports every promise once', (servicePlan) => {
    expect(Object.keys(plan({ plan: servicePlan }).conformance).sort()).toEqual(Object.values(ProductPromise).sort());
  });

  test.each([
    [ServicePlan.HOBBYIST, Realization.NATIVE],
    [ServicePlan.STARTUP, Realization.EMULATED],
    [ServicePlan.BUSINESS, Realization.EMULATED],
  ])('%s backup history is %s', (servicePlan, realization) => {
    expect(plan({ plan: servicePlan }).conformance[ProductPromise.BACKUP_HISTORY].realization).toBe(realization);
  });

  test('Business history names the schedule, the storage and the lifecycle days', () => {
    const history = plan({ plan: ServicePlan.BUSINESS }).conformance[ProductPromise.BACKUP_HISTORY];
    expect(history.detail).toContain('exports the database daily at 03:00 UTC to the versioned container "exports" of a storage account named after a hash of the resource group ID and the data store\'s name');
    expect(history.detail).toContain('deletes exports and their versions after 3 day(s)');
  });

  test('fails for Premium: three nodes cannot be kept, and the message names Business', () => {
    const errors = findings({ plan: ServicePlan.PREMIUM }).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.promise)).toEqual([ProductPromise.NODES]);
    expect(errors[0].message).toBe(
      'Azure Managed Redis (azure) cannot keep the premium plan\'s promise "nodes (primary + standbys)": Azure Managed Redis keeps at most 2 copies of the data (high availability: primary and replica), not the 3 nodes the plan promises. Fix: choose ServicePlan.BUSINESS (primary and replica).');
  });

  test('fails for an explicit allowedCidrs: there is no IP firewall', () => {
    const errors = findings({ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24'] }).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.promise)).toEqual([ProductPromise.NETWORK_ACCESS]);
    expect(errors[0].message).toContain('Azure Managed Redis has no IP firewall; it offers only public network access on or off plus private endpoints, so the 1 allowedCidrs entry cannot be enforced');
    expect(errors[0].message).toContain('Fix: pass privateEndpointSubnetId to enforce allowedCidrs through a private endpoint');
  });

  test('fails for luaScripting: false: there is no custom ACL', () => {
    const errors = findings({ plan: ServicePlan.STARTUP, luaScripting: false }).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.promise)).toEqual([ProductPromise.LUA_SCRIPTING]);
    expect(errors[0].message).toContain('Lua cannot be switched off: azurerm 4.55.0 assigns only the built-in "default" access policy, with no custom ACL');
  });

  test('an explicit luaScripting: true is kept natively', () => {
    expect(plan({ plan: ServicePlan.STARTUP, luaScripting: true }).conformance[ProductPromise.LUA_SCRIPTING].realization).toBe(Realization.NATIVE);
  });

  test('warns about the connection limit and the restricted commands, and nothing else by default', () => {
    const all = findings({ plan: ServicePlan.BUSINESS });
    expect(all.map((f) => [f.promise, f.severity])).toEqual([
      [ProductPromise.CONNECTION_LIMIT, Severity.WARNING],
      [ProductPromise.RESTRICTED_COMMANDS, Severity.WARNING],
    ]);
    expect(all[0].message).toContain('the plan promises 24576 for Balanced_B5');
    expect(all[1].message).toContain('command, role, monitor stay allowed, as azurerm 4.55.0 offers no custom access policy');
  });

  test('strict turns the warnings into errors', () => {
    expect(findings({ plan: ServicePlan.HOBBYIST, strict: true }).every((f) => f.severity === Severity.ERROR)).toBe(true);
  });

  test('names every one of the 16 restricted commands as refused, partly refused or allowed', () => {
    const detail = plan({ plan: ServicePlan.HOBBYIST }).conformance[ProductPromise.RESTRICTED_COMMANDS].detail;
    for (const command of RESTRICTED_COMMANDS) expect(detail).toMatch(new RegExp(`\\b${command}\\b`));
  });
});

describe('the private endpoint for allowedCidrs', () => {
  const SUBNET = '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-a/subnets/redis';
  const WITH_SUBNET = { ...PROPS, privateEndpointSubnetId: SUBNET };

  test('turns public access off and admits only the canonical IPv4 sources', () => {
    const result = plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['198.51.100.7', '203.0.113.0/24'] }, WITH_SUBNET);
    expect(result.settings).toMatchObject({
      publicNetworkAccess: 'Disabled',
      privateEndpoint: {
        subnetId: SUBNET,
        dnsZone: {
          zoneName: 'privatelink.redis.azure.net',
          linkName: `${result.name}-pe-dns`,
          virtualNetworkId: '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-a',
        },
        endpointName: `${result.name}-pe`,
        securityGroupName: `${result.name}-nsg`,
        sources: ['198.51.100.7/32', '203.0.113.0/24'],
      },
    });
    const network = result.conformance[ProductPromise.NETWORK_ACCESS];
    expect(network.realization).toBe(Realization.EMULATED);
    expect(network.detail).toContain('admits only the 2 allowedCidrs source(s) on port 10000: reachable from the virtual network and networks routed into it, not from the internet');
  });

  test('keeps an explicit allowedCidrs without an error', () => {
    const all = Object.values(plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24'] }, WITH_SUBNET).conformance);
    expect(all.filter((c) => c.realization === Realization.UNAVAILABLE)).toEqual([]);
  });

  test('leaves public access on without allowedCidrs or a subnet', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).settings).toMatchObject({ publicNetworkAccess: 'Enabled', privateEndpoint: undefined });
  });

  test('fails for a subnet without allowedCidrs', () => {
    const error = thrown(() => plan({ plan: ServicePlan.HOBBYIST }, WITH_SUBNET));
    expect(error.code).toBe('PrivateEndpointWithoutAllowList');
    expect(error.message).toContain('privateEndpointSubnetId is set but allowedCidrs is not');
  });

  test('claims the subnet\'s network security group, and the DNS zone in the resource group and for the virtual network', () => {
    const result = plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8'] }, { ...WITH_SUBNET, resourceGroupName: 'platform-rg' });
    expect(result.settings.privateEndpoint?.claims.map((c) => c.key)).toEqual([
      `subnet ${SUBNET}`, 'zone platform-rg', 'link /subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-a',
    ]);
    const zone = '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net';
    const shared = plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8'] }, { ...WITH_SUBNET, privateDnsZone: zone });
    expect(shared.settings.privateEndpoint?.claims.map((c) => c.key)).toEqual([`subnet ${SUBNET}`]);
  });

  test('warns about public sources, which reach the endpoint only when routed into the virtual network', () => {
    const result = plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8', '203.0.113.0/24'] }, WITH_SUBNET);
    expect(result.warnings).toEqual([{
      code: 'PublicSourceOnPrivateNetwork',
      message: expect.stringMatching(/^allowedCidrs lists public internet address space \(203\.0\.113\.0\/24\), but the data store is reachable only from the virtual network; .* Fix: route those clients into the virtual network \(VPN gateway, ExpressRoute, peering\)/),
    }]);
    expect(plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8', '192.168.0.0/16'] }, WITH_SUBNET).warnings).toEqual([]);
  });

  test('checks only token entries with a precondition; literal entries are checked here', () => {
    const literal = plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8'] }, WITH_SUBNET);
    expect(literal.settings.privateEndpoint?.sourceChecks).toEqual([]);
  });

  test('fails for IPv6 entries, which the private endpoint cannot admit', () => {
    const error = thrown(() => plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24', '2001:db8::/32'] }, WITH_SUBNET));
    expect(error.code).toBe('UnsupportedAddressFamily');
    expect(error.message).toContain('allowedCidrs has IPv6 entries (2001:db8::/32); the private endpoint and its network security group admit IPv4 sources only');
  });
});

describe('prop validation', () => {
  test.each([
    [{ region: 'uksouth' }, 'UnsupportedRegion', 'RedisBackend.azureManagedRedis({ region }) "uksouth" is in Europe but outside the European Union'],
    [{ region: 'australiaeast' }, 'UnsupportedRegion', '"australiaeast" is not a US or EU region of azure'],
    [{ region: 'westeurope', skuFamily: 'FlashOptimized' as AzureManagedRedisSkuFamily }, 'InvalidSkuFamily', 'skuFamily "FlashOptimized" is not an Azure Managed Redis in-memory tier; use AzureManagedRedisSkuFamily.BALANCED'],
    [{ region: 'westeurope', backupHour: 24 }, 'InvalidHour', 'backupHour 24 is not an hour of the day; give a whole number from 0 to 23'],
    [{ region: 'westeurope', backupHour: 1.5 }, 'InvalidHour', 'backupHour 1.5 is not an hour of the day'],
    [{ region: 'westeurope', resourceGroupName: 'ends-with.' }, 'InvalidName', 'resourceGroupName "ends-with." is not a valid name here'],
    [{ region: 'westeurope', resourceGroupName: 'has space' }, 'InvalidName', 'resourceGroupName "has space" is not a valid name here'],
    [{ region: 'westeurope', privateEndpointSubnetId: 'subnet-aaaaaaaa' }, 'InvalidSubnet', 'privateEndpointSubnetId "subnet-aaaaaaaa" is not a subnet resource ID'],
    [{ region: 'westeurope', privateDnsZone: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net' },
      'PrivateDnsZoneWithoutEndpoint', 'privateDnsZone is set without privateEndpointSubnetId'],
    [{
      region: 'westeurope',
      privateEndpointSubnetId: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
      privateDnsZone: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privateDnsZones/privatelink.redis.cache.windows.net',
    }, 'InvalidDnsZone', 'is not the ID of a privatelink.redis.azure.net private DNS zone'],
    [{ region: 'westeurope', privateEndpointSubnetId: '/subscriptions/0/resourcegroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s' },
      'InvalidSubnet', 'with the segment names in this case'],
    [{
      region: 'westeurope',
      privateEndpointSubnetId: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
      privateDnsZone: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privatednszones/privatelink.redis.azure.net',
    }, 'InvalidDnsZone', 'with the segment names in this case'],
  ])('fails for %j', (props, code, message) => {
    const error = thrown(() => plan({ plan: ServicePlan.HOBBYIST }, props));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  test('accepts a US or EU region with every optional prop', () => {
    expect(() => plan({ plan: ServicePlan.STARTUP }, {
      region: 'eastus2', resourceGroupName: 'rg_cache.(prod)', skuFamily: AzureManagedRedisSkuFamily.COMPUTE_OPTIMIZED, backupHour: 0,
    })).not.toThrow();
  });

  test('accepts the private DNS zone name in any case, as DNS does', () => {
    expect(() => plan({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8'] }, {
      region: 'eastus2',
      privateEndpointSubnetId: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
      privateDnsZone: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privateDnsZones/PrivateLink.Redis.Azure.Net',
    })).not.toThrow();
  });
});

describe('validateDatabaseSettings', () => {
  test.each([
    [{ rdbBackupFrequency: '24h' }, 'InvalidPersistence', 'persistence_redis_database_backup_frequency "24h" is not accepted; Azure Managed Redis takes 1h, 6h, 12h.'],
    [{ aofBackupFrequency: 'always' }, 'InvalidPersistence', 'persistence_append_only_file_backup_frequency "always" is not accepted; Azure Managed Redis takes 1s.'],
    [{}, 'PersistenceConflict', 'the default database has no persistence'],
    [{ rdbBackupFrequency: '1h', aofBackupFrequency: '1s' }, 'PersistenceConflict', 'AOF persistence conflicts with RDB persistence'],
    [{ aofBackupFrequency: '1s', geoReplicationGroupName: 'g' }, 'PersistenceConflict', 'AOF persistence conflicts with geo-replication'],
  ])('fails for %j', (settings, code, message) => {
    const error = thrown(() => validateDatabaseSettings(settings));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});

describe('AZURE_MANAGED_REDIS_CHANGES', () => {
  const database = { access_keys_authentication_enabled: true, clustering_policy: 'EnterpriseCluster', eviction_policy: 'VolatileLRU' };
  const cache = (defaultDatabase: Record<string, unknown>) => ({ name: 'orders', sku_name: 'Balanced_B5', default_database: defaultDatabase });

  test.each([
    ['clustering_policy', { ...database, clustering_policy: 'OSSCluster' }],
    ['geo_replication_group_name', { ...database, geo_replication_group_name: 'geo' }],
    ['module', { ...database, module: [{ name: 'RedisJSON' }] }],
  ])('a change of default_database.%s re-creates the database, losing its data', (_setting, after) => {
    expect(effectOf(AZURE_MANAGED_REDIS_CHANGES, cache(database), cache(after))).toBe(ChangeEffect.REPLACES);
  });

  test.each([
    ['eviction_policy', { ...database, eviction_policy: 'NoEviction' }],
    ['persistence_redis_database_backup_frequency', { ...database, persistence_redis_database_backup_frequency: '6h' }],
    ['persistence (RDB to AOF)', { ...database, persistence_append_only_file_backup_frequency: '1s' }],
  ])('a change of default_database.%s updates the database in place', (_setting, after) => {
    expect(effectOf(AZURE_MANAGED_REDIS_CHANGES, cache(database), cache(after))).toBe(ChangeEffect.IN_PLACE);
  });
});

describe('recovery point', () => {
  test.each(Object.values(ServicePlan))('%s: AOF every second keeps it natively, and AOF is the disaster-recovery copy', (servicePlan) => {
    const { conformance } = plan({ plan: servicePlan });
    expect(conformance[ProductPromise.RECOVERY_POINT]).toMatchObject({
      realization: Realization.NATIVE,
      detail: expect.stringContaining('persistence_append_only_file_backup_frequency = "1s", chosen over RDB'),
    });
    expect(conformance[ProductPromise.RECOVERY_POINT].detail).toContain('a failure loses at most about 1 second of writes');
    expect(conformance[ProductPromise.DISASTER_RECOVERY_BACKUP].detail).toBe('AOF persistence, written every 1s; Azure rehydrates the cache from it after a node loss');
  });
});
