import { ELASTICACHE_CHANGES } from './changes';
import { ElastiCacheSettings, planElastiCache, validateElastiCacheProps } from './plan';
import { ElastiCacheBackendProps, ElastiCacheEngineVersion } from './props';
import { AWS_REGIONS } from './regions';
import { Cloud, ProductPromise } from '../../plan';
import type { BackendDefinition } from '../definition';

/** ElastiCache: its identity, validation and planning, without any provider binding. */
export const ELASTICACHE: BackendDefinition<ElastiCacheBackendProps, ElastiCacheSettings> = {
  id: 'elasticache',
  factory: 'elastiCache',
  cloud: Cloud.AWS,
  service: 'ElastiCache',
  changes: ELASTICACHE_CHANGES,
  regions: AWS_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' },
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.STABLE_ENDPOINT,
    ProductPromise.RESTRICTED_COMMANDS, ProductPromise.LUA_SCRIPTING, ProductPromise.REGION,
  ],
  propTypes: {
    region: 'string',
    vpcId: 'string',
    subnetIds: 'string-list',
    availabilityZones: 'string-list',
    engineVersion: { isInstance: (v) => v instanceof ElastiCacheEngineVersion, name: 'ElastiCacheEngineVersion', example: 'ElastiCacheEngineVersion.VALKEY_8_0' },
    kmsKey: 'string',
    snapshotWindow: 'string',
    maintenanceWindow: 'string',
  },
  regionOf: (props) => props.region,
  validate: validateElastiCacheProps,
  plan: planElastiCache,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderElastiCache,
};
