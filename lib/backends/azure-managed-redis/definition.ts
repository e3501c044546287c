import { AZURE_MANAGED_REDIS_CHANGES } from './changes';
import { planManagedRedis, validateManagedRedisProps } from './plan';
import { AzureManagedRedisBackendProps } from './props';
import { Cloud } from '../../plan';
import type { BackendDefinition } from '../backend';

/** Azure Managed Redis: its identity, validation and planning, without any provider binding. */
export const AZURE_MANAGED_REDIS: BackendDefinition<AzureManagedRedisBackendProps> = {
  cloud: Cloud.AZURE,
  service: 'Azure Managed Redis',
  changes: AZURE_MANAGED_REDIS_CHANGES,
  regionOf: (props) => props.location,
  validate: validateManagedRedisProps,
  plan: planManagedRedis,
};
