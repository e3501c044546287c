import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { ChoreoRedisProps, EvictionPolicy, MemorystoreBackendProps, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';
import { MEMORYSTORE_CHANGES } from '../changes';

const redis = (plan: ServicePlan, backend: Partial<MemorystoreBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.memorystore({ project: PROJECT, region: REGION, network: NETWORK, ...backend }), ...rest });
const engine = (engineVersion: MemorystoreRedisVersion) => redis(ServicePlan.BUSINESS, { engineVersion });

/** The prop changes that exercise each row of Memorystore for Redis's change table. */
export const MEMORYSTORE_SCENARIOS: ChangeScenarios = {
  service: 'Memorystore for Redis',
  table: MEMORYSTORE_CHANGES,
  configure: configureGoogle,
  props: (plan) => redis(plan),
  pairs: {
    [DataStoreChange.MEMORY]: [
      [redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { memoryGib: 13 })],
      [redis(ServicePlan.PREMIUM), redis(ServicePlan.PREMIUM, {}, { memoryGib: 5 })],
    ],
    [DataStoreChange.REGION]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { region: 'us-central1' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [
      [engine(MemorystoreRedisVersion.REDIS_7_0), engine(MemorystoreRedisVersion.REDIS_7_2)],
      [engine(MemorystoreRedisVersion.REDIS_6_X), engine(MemorystoreRedisVersion.REDIS_7_0)],
    ],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[engine(MemorystoreRedisVersion.REDIS_7_2), engine(MemorystoreRedisVersion.REDIS_7_0)]],
    [DataStoreChange.NAME]: [[redis(ServicePlan.BUSINESS, {}, { name: 'orders' }), redis(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
    [DataStoreChange.EVICTION]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    [DataStoreChange.PERSISTENCE]: [
      [redis(ServicePlan.HOBBYIST, { snapshotPeriod: MemorystoreSnapshotPeriod.TWENTY_FOUR_HOURS }), redis(ServicePlan.HOBBYIST)],
    ],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [redis(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), redis(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  propPairs: {
    project: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { project: 'other-project', network: 'projects/other-project/global/networks/default' })]],
    network: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { network: `projects/${PROJECT}/global/networks/other` })]],
    connectMode: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { connectMode: MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS })]],
    reservedIpRange: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { reservedIpRange: '10.0.0.0/29' })]],
    zone: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { zone: `${REGION}-b` })]],
    alternativeZone: [[redis(ServicePlan.BUSINESS, { zone: `${REGION}-b` }), redis(ServicePlan.BUSINESS, { zone: `${REGION}-b`, alternativeZone: `${REGION}-c` })]],
    kmsKey: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { kmsKey: `projects/${PROJECT}/locations/${REGION}/keyRings/r/cryptoKeys/k` })]],
  },
};
