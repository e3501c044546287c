import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { ChoreoRedisProps, EvictionPolicy, MemorystoreValkeyBackendProps, MemorystoreValkeyVersion, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';
import { MEMORYSTORE_VALKEY_CHANGES } from '../changes';

const valkey = (plan: ServicePlan, backend: Partial<MemorystoreValkeyBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK, ...backend }), ...rest });
const engine = (engineVersion: MemorystoreValkeyVersion) => valkey(ServicePlan.BUSINESS, { engineVersion });

/** The prop changes that exercise each row of Memorystore for Valkey's change table. */
export const MEMORYSTORE_VALKEY_SCENARIOS: ChangeScenarios = {
  service: 'Memorystore for Valkey',
  table: MEMORYSTORE_VALKEY_CHANGES,
  configure: configureGoogle,
  props: (plan) => valkey(plan),
  stepped: (from, to, step) => valkey(to, { planChange: { from, step } }),
  restored: (plan) => valkey(plan, { restoreFromBackup: `projects/${PROJECT}/locations/${REGION}/backupCollections/orders/backups/before-move` }),
  pairs: {
    [DataStoreChange.MEMORY]: [
      [valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { memoryGib: 13 })],
      [valkey(ServicePlan.HOBBYIST), valkey(ServicePlan.HOBBYIST, {}, { memoryGib: 5 })],
    ],
    [DataStoreChange.REGION]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { region: 'us-central1' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [[engine(MemorystoreValkeyVersion.VALKEY_7_2), engine(MemorystoreValkeyVersion.VALKEY_8_0)]],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[engine(MemorystoreValkeyVersion.VALKEY_8_0), engine(MemorystoreValkeyVersion.VALKEY_7_2)]],
    [DataStoreChange.NAME]: [[valkey(ServicePlan.BUSINESS, {}, { name: 'orders' }), valkey(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
    [DataStoreChange.EVICTION]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    // No prop selects persistence (always AOF every second); the table's effect is checked against the provider facts.
    [DataStoreChange.PERSISTENCE]: [],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [valkey(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), valkey(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  propPairs: {
    project: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { project: 'other-project', network: 'projects/other-project/global/networks/default' })]],
    network: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { network: `projects/${PROJECT}/global/networks/other` })]],
    kmsKey: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { kmsKey: `projects/${PROJECT}/locations/${REGION}/keyRings/r/cryptoKeys/k` })]],
  },
};
