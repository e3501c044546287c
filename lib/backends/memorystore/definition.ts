import { MEMORYSTORE_CHANGES } from './changes';
import { MemorystoreSettings, planMemorystore, validateMemorystoreProps } from './plan';
import { MemorystoreBackendProps, MemorystoreRedisVersion } from './props';
import { Cloud, ProductPromise } from '../../plan';
import type { BackendDefinition } from '../definition';
import { PRIVATE_DNS_ZONE_TYPE } from '../google/google';
import { GCP_REGIONS } from '../google/regions';

/** Memorystore for Redis: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE: BackendDefinition<MemorystoreBackendProps, MemorystoreSettings> = {
  id: 'memorystore',
  factory: 'memorystore',
  cloud: Cloud.GCP,
  service: 'Memorystore for Redis',
  changes: MEMORYSTORE_CHANGES,
  regions: GCP_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-google': '16.12.1' },
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.REGION,
  ],
  propTypes: {
    project: 'string',
    region: 'string',
    authorizedNetwork: 'string',
    connectMode: 'string',
    reservedIpRange: 'string',
    zone: 'string',
    alternativeZone: 'string',
    engineVersion: { isInstance: (v) => v instanceof MemorystoreRedisVersion, name: 'MemorystoreRedisVersion', example: 'MemorystoreRedisVersion.REDIS_7_2' },
    kmsKey: 'string',
    snapshotPeriod: 'string',
    backupHour: 'number',
    maintenanceDay: 'string',
    maintenanceHour: 'number',
    privateDnsZone: PRIVATE_DNS_ZONE_TYPE,
  },
  regionOf: (props) => props.region,
  validate: validateMemorystoreProps,
  plan: planMemorystore,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderMemorystore,
};
