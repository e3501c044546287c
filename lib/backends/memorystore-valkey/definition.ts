import { MEMORYSTORE_VALKEY_CHANGES } from './changes';
import { planMemorystoreValkey, validateMemorystoreValkeyProps } from './plan';
import { MemorystoreValkeyBackendProps } from './props';
import { Cloud } from '../../plan';
import type { BackendDefinition } from '../backend';

/** Memorystore for Valkey: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE_VALKEY: BackendDefinition<MemorystoreValkeyBackendProps> = {
  cloud: Cloud.GCP,
  service: 'Memorystore for Valkey',
  changes: MEMORYSTORE_VALKEY_CHANGES,
  regionOf: (props) => props.region,
  validate: validateMemorystoreValkeyProps,
  plan: planMemorystoreValkey,
};
