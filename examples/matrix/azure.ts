import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { MatrixCloud } from './matrix-cloud';
import { RedisBackend } from '../../lib';

export const AZURE_MATRIX: MatrixCloud = {
  cloud: 'azure',
  configure(stack) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  },
  backend: () => RedisBackend.azureManagedRedis({ location: 'westeurope' }),
  leftOut: {
    premium: 'Azure Managed Redis keeps at most two copies of the data (primary and replica), not three nodes; use Business on Azure, or another cloud for Premium',
    restricted: 'Lua cannot be switched off: azurerm 4.55.0 has no custom access policy (allowedCidrs alone can be enforced through privateEndpointSubnetId)',
  },
};
