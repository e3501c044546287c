import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack } from 'cdktf';
import { AZURE_MANAGED_REDIS_SCENARIOS } from './azure';
import { DIGITALOCEAN_VALKEY_SCENARIOS } from './digitalocean';
import { MEMORYSTORE_SCENARIOS, MEMORYSTORE_VALKEY_SCENARIOS } from './gcp';
import { ChoreoRedisProps, ElastiCacheBackendProps, ElastiCacheEngineVersion, RedisBackend, ServicePlan } from '../../lib';
import { ELASTICACHE_CHANGES } from '../../lib/backends/elasticache/changes';
import { ChangeTable, DataStoreChange } from '../../lib/plan';

/** Props before and after one change. */
export type ChangePair = readonly [ChoreoRedisProps, ChoreoRedisProps];

/** One backend's change table and the prop changes that exercise each of its rows. */
export interface ChangeScenarios {
  readonly service: string;
  readonly table: ChangeTable;
  /** Plans the backend refuses by design, left out of the plan pairs. */
  readonly refusedPlans?: readonly ServicePlan[];
  /** Every pair of plans is added by the test; these are the other changes. */
  readonly pairs: Partial<Record<DataStoreChange, readonly ChangePair[]>>;
  configure(stack: TerraformStack): void;
  /** Props for a plan, with everything else at its default. */
  props(plan: ServicePlan): ChoreoRedisProps;
}

const awsNetwork: ElastiCacheBackendProps = { region: 'eu-west-1', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] };
const aws = (plan: ServicePlan, backend: Partial<ElastiCacheBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.elastiCache({ ...awsNetwork, ...backend }), ...rest });

const engine = (engineVersion: ElastiCacheEngineVersion) => aws(ServicePlan.BUSINESS, { engineVersion });

export const ELASTICACHE_SCENARIOS: ChangeScenarios = {
  service: 'ElastiCache',
  table: ELASTICACHE_CHANGES,
  configure(stack) {
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RandomProvider(stack, 'random');
  },
  props: (plan) => aws(plan),
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
  },
};

/** Every backend with a change table. */
export const CHANGE_SCENARIOS: readonly ChangeScenarios[] = [
  ELASTICACHE_SCENARIOS, AZURE_MANAGED_REDIS_SCENARIOS, MEMORYSTORE_SCENARIOS, MEMORYSTORE_VALKEY_SCENARIOS, DIGITALOCEAN_VALKEY_SCENARIOS,
];
