import { MATRIX_PROJECT } from './matrix';
import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { AivenBackendProps, AivenProvider, AivenValkeyVersion, ChoreoRedisProps, Cloud, EvictionPolicy, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { AIVEN_CHANGES } from '../changes';

/** Google Cloud, where Aiven offers hobbyist, so that every plan pair runs on its own family. */
const aiven = (plan: ServicePlan, backend: Partial<AivenBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.aiven({ project: MATRIX_PROJECT, cloud: Cloud.GCP, region: 'europe-west1', ...backend }), ...rest });

/** The prop changes that exercise each row of Aiven for Valkey's change table. */
export const AIVEN_SCENARIOS: ChangeScenarios = {
  service: 'Aiven for Valkey',
  table: AIVEN_CHANGES,
  pairs: {
    [DataStoreChange.MEMORY]: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, {}, { memoryGib: 14 })]],
    [DataStoreChange.REGION]: [
      [aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, { region: 'us-east1' })],
      [aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, { cloud: Cloud.AWS, region: 'eu-west-1' })],
    ],
    [DataStoreChange.ENGINE_UPGRADE]: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, { engineVersion: AivenValkeyVersion.VALKEY_9_1 })]],
    [DataStoreChange.ENGINE_DOWNGRADE]: [
      [aiven(ServicePlan.BUSINESS, { engineVersion: AivenValkeyVersion.VALKEY_9_1 }), aiven(ServicePlan.BUSINESS)],
    ],
    [DataStoreChange.NAME]: [[aiven(ServicePlan.BUSINESS, {}, { name: 'orders' }), aiven(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
    [DataStoreChange.EVICTION]: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    // No prop selects persistence (always RDB with frequent snapshots); the table's effect is checked against the provider facts.
    [DataStoreChange.PERSISTENCE]: [],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [aiven(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), aiven(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  configure(stack) {
    new AivenProvider(stack, 'aiven');
  },
  props: (plan) => aiven(plan),
  restored: (plan) => aiven(plan, { forkFrom: 'orders-old' }),
  propPairs: {
    project: [[aiven(ServicePlan.BUSINESS), aiven(ServicePlan.BUSINESS, { project: 'choreo-data-eu' })]],
  },
};
