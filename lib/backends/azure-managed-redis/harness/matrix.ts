import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, CredentialSecret, RedisBackend } from '../../../index';

/** Azure Managed Redis in the matrix app: the `azure-*` stacks. */
export const matrix: MatrixCloud = {
  cloud: 'azure',
  rank: 20,
  configure(stack) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  },
  backend: () => RedisBackend.azureManagedRedis({ region: 'westeurope' }),
  alerts: () => ({
    targets: [AlertTarget.azureActionGroup('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/microsoft.insights/actionGroups/redis-alerts')],
  }),
  access: () => ({
    access: {
      secret: CredentialSecret.azureKeyVault({
        keyVaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.KeyVault/vaults/apps-secrets',
        readers: ['11111111-1111-1111-1111-111111111111'],
      }),
      rotation: 1,
    },
  }),
  adopt: () => ({
    backend: RedisBackend.azureManagedRedis({
      region: 'westeurope',
      adopt: { managedRedisId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders/providers/Microsoft.Cache/redisEnterprise/orders-cache' },
    }),
  }),
  leftOut: {
    premium: 'Azure Managed Redis keeps at most two copies of the data (primary and replica), not three nodes; use Business on Azure, or another cloud for Premium',
    restricted: 'Lua cannot be switched off: azurerm 4.55.0 has no custom access policy (allowedCidrs alone can be enforced through privateEndpointSubnetId)',
  },
};
