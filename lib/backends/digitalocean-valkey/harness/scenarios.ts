import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import type { ChangeScenarios } from '../../../../test/changes/scenarios';
import { ChoreoRedisProps, DigitalOceanValkeyBackendProps, DigitalOceanValkeyVersion, EvictionPolicy, RedisBackend, ServicePlan } from '../../../index';
import { DataStoreChange } from '../../../plan';
import { DIGITALOCEAN_VALKEY_CHANGES } from '../changes';

const valkey = (plan: ServicePlan, backend: Partial<DigitalOceanValkeyBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.digitalOceanValkey({ region: 'fra1', ...backend }), ...rest });

/** The prop changes that exercise each row of Managed Valkey's change table. */
export const DIGITALOCEAN_VALKEY_SCENARIOS: ChangeScenarios = {
  service: 'Managed Valkey',
  table: DIGITALOCEAN_VALKEY_CHANGES,
  refusedPlans: [ServicePlan.PREMIUM],
  pairs: {
    [DataStoreChange.MEMORY]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { memoryGib: 16 })]],
    [DataStoreChange.REGION]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { region: 'nyc3' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { engineVersion: DigitalOceanValkeyVersion.of('9') })]],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[valkey(ServicePlan.BUSINESS, { engineVersion: DigitalOceanValkeyVersion.of('9') }), valkey(ServicePlan.BUSINESS)]],
    [DataStoreChange.NAME]: [[valkey(ServicePlan.BUSINESS, {}, { name: 'orders' }), valkey(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
    [DataStoreChange.EVICTION]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { evictionPolicy: EvictionPolicy.ALL_KEYS_LRU })]],
    // No prop selects persistence (always RDB with frequent snapshots); the table's effect is checked against the provider facts.
    [DataStoreChange.PERSISTENCE]: [],
    // The primary resource never changes: the credentials are other resources (or none, where the service cannot rotate).
    [DataStoreChange.ROTATION]: [
      [valkey(ServicePlan.BUSINESS, {}, { access: { rotation: 0 } }), valkey(ServicePlan.BUSINESS, {}, { access: { rotation: 1 } })],
    ],
  },
  configure(stack) {
    new DigitaloceanProvider(stack, 'digitalocean', {});
  },
  props: (plan) => valkey(plan),
  propPairs: {
    project: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { project: '4f9b4a9c-6c1e-4a6b-9d8e-0c1d2e3f4a5b' })]],
    network: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { network: '0c1d2e3f-4a5b-4f9b-8a9c-6c1e4a6b9d8e' })]],
  },
};
