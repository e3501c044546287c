import { ELASTICACHE_CHANGES } from './changes';
import { planElastiCache, validateElastiCacheProps } from './plan';
import { ElastiCacheBackendProps } from './props';
import { Cloud } from '../../plan';
import type { BackendDefinition } from '../backend';

/** ElastiCache: its identity, validation and planning, without any provider binding. */
export const ELASTICACHE: BackendDefinition<ElastiCacheBackendProps> = {
  cloud: Cloud.AWS,
  service: 'ElastiCache',
  changes: ELASTICACHE_CHANGES,
  regionOf: (props) => props.region,
  validate: validateElastiCacheProps,
  plan: planElastiCache,
};
