import { AZURE_MANAGED_REDIS_CHANGES } from './changes';
import { ManagedRedisSettings, planManagedRedis, validateManagedRedisProps } from './plan';
import { AzureManagedRedisBackendProps } from './props';
import { AZURE_REGIONS } from './regions';
import { Cloud, ProductPromise } from '../../plan';
import type { BackendDefinition } from '../definition';

/** Azure Managed Redis: its identity, validation and planning, without any provider binding. */
export const AZURE_MANAGED_REDIS: BackendDefinition<AzureManagedRedisBackendProps, ManagedRedisSettings> = {
  id: 'azure-managed-redis',
  factory: 'azureManagedRedis',
  cloud: Cloud.AZURE,
  service: 'Azure Managed Redis',
  changes: AZURE_MANAGED_REDIS_CHANGES,
  regions: AZURE_REGIONS,
  regionProp: 'location',
  packages: { '@cdktf/provider-azurerm': '14.23.1' },
  // Not kept on every plan or input: nodes (Premium), network access (allowedCidrs without a private endpoint),
  // the connection limit and restricted commands (always substituted), Lua (cannot be switched off).
  keeps: [
    ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY, ProductPromise.ENCRYPTION_AT_REST,
    ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.STABLE_ENDPOINT, ProductPromise.REGION,
  ],
  propTypes: {
    location: 'string',
    resourceGroupName: 'string',
    skuFamily: 'string',
    backupHour: 'number',
    privateEndpointSubnetId: 'string',
    privateDnsZoneId: 'string',
  },
  regionOf: (props) => props.location,
  validate: validateManagedRedisProps,
  plan: planManagedRedis,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderManagedRedis,
};
