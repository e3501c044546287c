import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { ChoreoRedisProps, ElastiCacheBackendProps, ElastiCacheEngineVersion, EvictionPolicy, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { ELASTICACHE_CHANGES } from '../changes';

const awsNetwork: ElastiCacheBackendProps = { region: 'eu-west-1', network: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] };
const aws = (plan: ServicePlan, backend: Partial<ElastiCacheBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.elastiCache({ ...awsNetwork, ...backend }), ...rest });

const engine = (engineVersion: ElastiCacheEngineVersion) => aws(ServicePlan.BUSINESS, { engineVersion });

/** The prop changes that exercise each row of ElastiCache's change table. */
export const ELASTICACHE_SCENARIOS: ChangeScenarios = {
  service: 'ElastiCache',
  table: ELASTICACHE_CHANGES,
  configure(stack) {
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RandomProvider(stack, 'random');
  },
  props: (plan) => aws(plan),
  restored: (plan) => aws(plan, { restoreFromSnapshot: 'orders-before-move' }),
  pairs: {
    [DataStoreChange.MEMORY]: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, {}, { memoryGib: 13 })]],
    [DataStoreChange.REGION]: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, { region: 'us-east-1' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [
      [engine(ElastiCacheEngineVersion.VALKEY_7_2), engine(ElastiCacheEngineVersion.VALKEY_8_1)],
      [engine(ElastiCacheEngineVersion.REDIS_7_1), engine(ElastiCacheEngineVersion.VALKEY_8_0)],
    ],
    [DataStoreChange.ENGINE_DOWNGRADE]: [
      [engine(ElastiCacheEngineVersion.VALKEY_8_0), engine(ElastiCacheEngineVersion.VALKEY_7_2)],
      [aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, { engineVersion: ElastiCacheEngineVersion.REDIS_7_1 })],
    ],
    [DataStoreChange.NAME]: [[aws(ServicePlan.BUSINESS, {}, { name: 'orders' }), aws(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
    [DataStoreChange.EVICTION]: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    // No prop changes persistence, and the library writes none: nothing to render before and after.
    [DataStoreChange.PERSISTENCE]: [],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [aws(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), aws(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  propPairs: {
    kmsKey: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, { kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/orders' })]],
    subnetIds: [[aws(ServicePlan.BUSINESS), aws(ServicePlan.BUSINESS, { subnetIds: ['subnet-a', 'subnet-b'] })]],
  },
};
