/** Azure Managed Redis's share of the shared tests (test/harness.ts). */
import { AZURE_MANAGED_REDIS_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { AZURE_PROVIDER_RULES } from './rules';
import { AZURE_MANAGED_REDIS_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, AzureManagedRedisSkuFamily, ServicePlan } from '../../../index';

export const harness: BackendHarness = {
  id: 'azure-managed-redis',
  matrix,
  changes: AZURE_MANAGED_REDIS_SCENARIOS,
  arbitrary: AZURE_MANAGED_REDIS_ARBITRARY,
  rules: AZURE_PROVIDER_RULES,
  examples: [{
    backend: {
      region: 'westeurope',
      resourceGroupName: 'platform-rg',
      skuFamily: AzureManagedRedisSkuFamily.BALANCED,
      backupHour: 2,
      privateEndpointSubnetId: '/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis',
      privateDnsZone: '/subscriptions/0000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net',
    },
    dataStore: {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      allowedCidrs: ['10.0.0.0/16'],
      tags: { team: 'orders' },
      alerts: { targets: [AlertTarget.azureActionGroup('/subscriptions/0000/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/redis')] },
    },
  }, {
    backend: {
      region: 'westeurope',
      adopt: { managedRedisId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders/providers/Microsoft.Cache/redisEnterprise/orders-cache' },
    },
    dataStore: { plan: ServicePlan.BUSINESS },
  }],
};
