import { MEMORYSTORE_VALKEY_CHANGES } from './changes';
import { MemorystoreValkeySettings, planMemorystoreValkey, validateMemorystoreValkeyProps } from './plan';
import { MemorystoreValkeyBackendProps, MemorystoreValkeyVersion } from './props';
import { Cloud, ProductPromise } from '../../plan';
import type { BackendDefinition } from '../definition';
import { PRIVATE_DNS_ZONE_TYPE } from '../google/google';
import { GCP_REGIONS } from '../google/regions';

/** Memorystore for Valkey: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE_VALKEY: BackendDefinition<MemorystoreValkeyBackendProps, MemorystoreValkeySettings> = {
  id: 'memorystore-valkey',
  factory: 'memorystoreValkey',
  cloud: Cloud.GCP,
  service: 'Memorystore for Valkey',
  changes: MEMORYSTORE_VALKEY_CHANGES,
  regions: GCP_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-google': '16.12.1' },
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.REGION,
  ],
  propTypes: {
    project: 'string',
    region: 'string',
    network: 'string',
    pscSubnetworks: 'string-list',
    clientMembers: 'string-list',
    engineVersion: { isInstance: (v) => v instanceof MemorystoreValkeyVersion, name: 'MemorystoreValkeyVersion', example: 'MemorystoreValkeyVersion.VALKEY_8_0' },
    kmsKey: 'string',
    serviceDeletionProtection: 'boolean',
    backupHour: 'number',
    maintenanceDay: 'string',
    maintenanceHour: 'number',
    privateDnsZone: PRIVATE_DNS_ZONE_TYPE,
  },
  regionOf: (props) => props.region,
  validate: validateMemorystoreValkeyProps,
  plan: planMemorystoreValkey,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderMemorystoreValkey,
};
