import { DIGITALOCEAN_VALKEY_CHANGES } from './changes';
import { DigitalOceanValkeySettings, planDigitalOceanValkey, validateDigitalOceanValkeyProps } from './plan';
import { DigitalOceanValkeyBackendProps, DigitalOceanValkeyVersion } from './props';
import { DIGITALOCEAN_REGIONS } from './regions';
import { Cloud, ProductPromise } from '../../plan';
import type { BackendDefinition } from '../definition';

/** Managed Valkey: its identity, validation and planning, without any provider binding. */
export const DIGITALOCEAN_VALKEY: BackendDefinition<DigitalOceanValkeyBackendProps, DigitalOceanValkeySettings> = {
  id: 'digitalocean-valkey',
  factory: 'digitalOceanValkey',
  cloud: Cloud.DIGITALOCEAN,
  service: 'Managed Valkey',
  changes: DIGITALOCEAN_VALKEY_CHANGES,
  regions: DIGITALOCEAN_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-digitalocean': '13.14.1' },
  // Left out: nodes (Premium's three), backup history (none kept), Lua (off unless DigitalOcean support switches
  // it on), and failover, since Premium, whose failover another backend might miss, is refused here.
  keeps: [
    ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION,
    ProductPromise.NETWORK_ACCESS, ProductPromise.STABLE_ENDPOINT, ProductPromise.CONNECTION_LIMIT, ProductPromise.RESTRICTED_COMMANDS,
    ProductPromise.REGION,
  ],
  propTypes: {
    region: 'string',
    projectId: 'string',
    privateNetworkUuid: 'string',
    engineVersion: { isInstance: (v) => v instanceof DigitalOceanValkeyVersion, name: 'DigitalOceanValkeyVersion', example: 'DigitalOceanValkeyVersion.V8' },
  },
  regionOf: (props) => props.region,
  // Database cluster names are unique across the whole DigitalOcean account, not per region.
  nameScopeOf: () => 'the account',
  validate: validateDigitalOceanValkeyProps,
  plan: planDigitalOceanValkey,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderDigitalOceanValkey,
};
