import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Fn } from 'cdktf';
import * as fc from 'fast-check';
import { type BackendArbitrary, type GeneratedInput, alertsOf, rarely, regionOf } from '../../../../test/properties/kit';
import { AlertTarget, AzureManagedRedisSkuFamily, RedisBackend } from '../../../index';
import { AZURE_REGIONS } from '../regions';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const SUBNET = `${SUBSCRIPTION}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis`;
const ZONE = `${SUBSCRIPTION}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net`;

/** Stands for a value Terraform resolves later; turned into a token (of a valid value) when the backend is built. */
const TOKEN = 'TOKEN';
const tokenize = (value: string | undefined, valid: string) => (value === TOKEN ? Fn.trimspace(valid) : value);
/** Sometimes a token instead of the generated value. */
const orToken = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 13, arbitrary: arbitrary as fc.Arbitrary<T | string> }, { weight: 1, arbitrary: fc.constant(TOKEN) });

/** Names Azure takes for a resource group, and a few it does not. */
const resourceGroupName = () => rarely(
  fc.oneof(fc.constant(undefined), fc.stringMatching(/^[-\w.()]{0,30}[-\w()]$/), fc.constant('rg-orders.eu(1)')),
  fc.oneof(fc.string({ maxLength: 95 }), fc.constantFrom('', 'orders.', 'orders group', 'x'.repeat(91), 'grüppe')),
);

/** A subnet in the example network, by name. */
const subnetNamed = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).map((name) => SUBNET.replace(/redis$/, name));

/** Private endpoint props: a subnet (or a token), with or without a DNS zone. */
const endpoint = fc.record({
  privateEndpointSubnetId: fc.oneof(fc.constant(SUBNET), subnetNamed, fc.constant(TOKEN)),
  privateDnsZone: fc.constantFrom(undefined, ZONE),
});
const NO_ENDPOINT = { privateEndpointSubnetId: undefined, privateDnsZone: undefined };

/**
 * The private endpoint props, as a function of the generated allowedCidrs: mostly an endpoint exactly when
 * there is an allow-list (as the backend asks), sometimes regardless of it, sometimes a near miss (another
 * resource's ID, the wrong case, a zone without a subnet).
 */
const privateEndpoint = () => fc.oneof(
  { weight: 8, arbitrary: endpoint.map((e) => (input: GeneratedInput) => (input.allowedCidrs === undefined ? NO_ENDPOINT : e)) },
  { weight: 2, arbitrary: fc.constant(() => NO_ENDPOINT) },
  { weight: 2, arbitrary: endpoint.map((e) => () => e) },
  {
    weight: 1,
    arbitrary: fc.record({
      privateEndpointSubnetId: fc.constantFrom(
        undefined, 'redis-subnet', '', SUBNET.replace('/subnets/redis', ''), SUBNET.replace('resourceGroups', 'resourcegroups'),
        SUBNET.replace('Microsoft.Network', 'microsoft.network'), SUBNET.replace('/subscriptions/', '/SUBSCRIPTIONS/'), `${SUBNET}/`,
      ),
      privateDnsZone: fc.constantFrom(undefined, ZONE, 'privatelink.redis.azure.net', ZONE.replace('privatelink.redis.azure.net', 'privatelink.redis.cache.windows.net'),
        ZONE.replace('privateDnsZones', 'privatednszones'), ZONE.replace('resourceGroups', 'RESOURCEGROUPS')),
    }).map((e) => () => e),
  },
);

/** Azure Managed Redis props for the property tests: mostly valid, each prop now and then breaking a rule. */
export const AZURE_MANAGED_REDIS_ARBITRARY: BackendArbitrary = {
  service: 'Azure Managed Redis',
  configure(stack) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  },
  backend: fc.record({
    region: orToken(regionOf(Object.keys(AZURE_REGIONS.regions))),
    resourceGroupName: orToken(resourceGroupName()),
    skuFamily: rarely(fc.constantFrom(undefined, ...Object.values(AzureManagedRedisSkuFamily)), fc.constantFrom('FlashOptimized', 'balanced', '')),
    backupHour: orToken(rarely(fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 23 })), fc.constantFrom(24, -1, 3.5, Number.NaN))),
    privateEndpoint: privateEndpoint(),
  }).map(({ privateEndpoint: endpointFor, region, resourceGroupName: group, backupHour, skuFamily }) => (input: GeneratedInput) => {
    const { privateEndpointSubnetId, privateDnsZone } = endpointFor(input);
    return RedisBackend.azureManagedRedis({
      region: tokenize(region, 'westeurope')!,
      resourceGroupName: tokenize(group, 'orders-rg'),
      skuFamily: skuFamily as AzureManagedRedisSkuFamily | undefined,
      backupHour: backupHour === TOKEN ? Fn.parseint('3', 10) : backupHour as number | undefined,
      privateEndpointSubnetId: tokenize(privateEndpointSubnetId, SUBNET),
      privateDnsZone: tokenize(privateDnsZone, ZONE),
    });
  }),
  // Strict mode refuses every Azure input (the connection limit and restricted commands are always substituted),
  // and Lua off, Premium, and allowedCidrs without a subnet are refused: about 1 input in 20 synthesizes.
  synthesizedShare: 1 / 60,
  alerts: alertsOf(fc.constantFrom('ops', 'on-call').map((group) => [
    AlertTarget.azureActionGroup(`/subscriptions/0000/resourceGroups/ops/providers/microsoft.insights/actionGroups/${group}`),
  ])),
  props: ['region', 'resourceGroupName', 'skuFamily', 'backupHour', 'privateEndpointSubnetId', 'privateDnsZone'],
};
