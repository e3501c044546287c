import { DIGITALOCEAN_VALKEY_CHANGES } from './changes';
import { planDigitalOceanValkey, validateDigitalOceanValkeyProps } from './plan';
import { DigitalOceanValkeyBackendProps } from './props';
import { Cloud } from '../../plan';
import type { BackendDefinition } from '../backend';

/** Managed Valkey: its identity, validation and planning, without any provider binding. */
export const DIGITALOCEAN_VALKEY: BackendDefinition<DigitalOceanValkeyBackendProps> = {
  cloud: Cloud.DIGITALOCEAN,
  service: 'Managed Valkey',
  changes: DIGITALOCEAN_VALKEY_CHANGES,
  regionOf: (props) => props.region,
  // Database cluster names are unique across the whole DigitalOcean account, not per region.
  nameScopeOf: () => 'the account',
  validate: validateDigitalOceanValkeyProps,
  plan: planDigitalOceanValkey,
};
