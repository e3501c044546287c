import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { AzureManagedRedisBackendProps, AzureManagedRedisSkuFamily, ChoreoRedisProps, EvictionPolicy, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { AZURE_MANAGED_REDIS_CHANGES } from '../changes';

const SUBNET = '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis';

const amr = (plan: ServicePlan, backend: Partial<AzureManagedRedisBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.azureManagedRedis({ region: 'westeurope', ...backend }), ...rest });

const privateEndpoint = (allowedCidrs: string[]) => amr(ServicePlan.BUSINESS, { privateEndpointSubnetId: SUBNET }, { allowedCidrs });

/** The prop changes that exercise each row of Azure Managed Redis's change table. */
export const AZURE_MANAGED_REDIS_SCENARIOS: ChangeScenarios = {
  service: 'Azure Managed Redis',
  table: AZURE_MANAGED_REDIS_CHANGES,
  refusedPlans: [ServicePlan.PREMIUM],
  pairs: {
    [DataStoreChange.MEMORY]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, {}, { memoryGib: 12 })]],
    [DataStoreChange.REGION]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, { region: 'eastus2' })]],
    // No prop selects the engine version: the same props render the same cache, which the table says.
    [DataStoreChange.ENGINE_UPGRADE]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS)]],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS)]],
    [DataStoreChange.NAME]: [[amr(ServicePlan.BUSINESS, {}, { name: 'orders' }), amr(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [
      [amr(ServicePlan.BUSINESS), privateEndpoint(['10.0.0.0/8'])],
      [privateEndpoint(['10.0.0.0/8']), privateEndpoint(['10.0.0.0/8', '192.168.0.0/16'])],
    ],
    // luaScripting: false is refused; true is the only other value, and it changes nothing.
    [DataStoreChange.LUA]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, {}, { luaScripting: true })]],
    [DataStoreChange.EVICTION]: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    // No prop selects persistence (always AOF every second); the table's effect is checked against the provider facts.
    [DataStoreChange.PERSISTENCE]: [],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [amr(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), amr(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  configure(stack) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  },
  props: (plan) => amr(plan),
  propPairs: {
    skuFamily: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, { skuFamily: AzureManagedRedisSkuFamily.MEMORY_OPTIMIZED })]],
    resourceGroupName: [[amr(ServicePlan.BUSINESS), amr(ServicePlan.BUSINESS, { resourceGroupName: 'platform-rg' })]],
  },
};
