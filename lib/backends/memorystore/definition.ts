import { MEMORYSTORE_CHANGES } from './changes';
import { planMemorystore, validateMemorystoreProps } from './plan';
import { MemorystoreBackendProps } from './props';
import { Cloud } from '../../plan';
import type { BackendDefinition } from '../backend';

/** Memorystore for Redis: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE: BackendDefinition<MemorystoreBackendProps> = {
  cloud: Cloud.GCP,
  service: 'Memorystore for Redis',
  changes: MEMORYSTORE_CHANGES,
  regionOf: (props) => props.region,
  validate: validateMemorystoreProps,
  plan: planMemorystore,
};
