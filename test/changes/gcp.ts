import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { ChangeScenarios } from './scenarios';
import {
  ChoreoRedisProps, MemorystoreBackendProps, MemorystoreRedisVersion, MemorystoreValkeyBackendProps, MemorystoreValkeyVersion, RedisBackend,
  ServicePlan,
} from '../../lib';
import { MEMORYSTORE_CHANGES } from '../../lib/backends/memorystore/changes';
import { MEMORYSTORE_VALKEY_CHANGES } from '../../lib/backends/memorystore-valkey/changes';
import { DataStoreChange } from '../../lib/plan';

const PROJECT = 'example-project';
const NETWORK = `projects/${PROJECT}/global/networks/default`;

const redis = (plan: ServicePlan, backend: Partial<MemorystoreBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.memorystore({ project: PROJECT, region: 'europe-west1', authorizedNetwork: NETWORK, ...backend }), ...rest });
const redisVersion = (version: MemorystoreRedisVersion) => redis(ServicePlan.BUSINESS, { redisVersion: version });

const valkey = (plan: ServicePlan, backend: Partial<MemorystoreValkeyBackendProps> = {}, rest: Partial<ChoreoRedisProps> = {}): ChoreoRedisProps =>
  ({ plan, backend: RedisBackend.memorystoreValkey({ project: PROJECT, region: 'europe-west1', network: NETWORK, ...backend }), ...rest });
const valkeyVersion = (version: MemorystoreValkeyVersion) => valkey(ServicePlan.BUSINESS, { engineVersion: version });

function configure(stack: Parameters<ChangeScenarios['configure']>[0]): void {
  new GoogleProvider(stack, 'google', { project: PROJECT });
}

export const MEMORYSTORE_SCENARIOS: ChangeScenarios = {
  service: 'Memorystore for Redis',
  table: MEMORYSTORE_CHANGES,
  configure,
  props: (plan) => redis(plan),
  pairs: {
    [DataStoreChange.MEMORY]: [
      [redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { memoryGib: 13 })],
      [redis(ServicePlan.PREMIUM), redis(ServicePlan.PREMIUM, {}, { memoryGib: 5 })],
    ],
    [DataStoreChange.REGION]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, { region: 'us-central1' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [
      [redisVersion(MemorystoreRedisVersion.REDIS_7_0), redisVersion(MemorystoreRedisVersion.REDIS_7_2)],
      [redisVersion(MemorystoreRedisVersion.REDIS_6_X), redisVersion(MemorystoreRedisVersion.REDIS_7_0)],
    ],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[redisVersion(MemorystoreRedisVersion.REDIS_7_2), redisVersion(MemorystoreRedisVersion.REDIS_7_0)]],
    [DataStoreChange.NAME]: [[redis(ServicePlan.BUSINESS, {}, { name: 'orders' }), redis(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[redis(ServicePlan.BUSINESS), redis(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
  },
};

export const MEMORYSTORE_VALKEY_SCENARIOS: ChangeScenarios = {
  service: 'Memorystore for Valkey',
  table: MEMORYSTORE_VALKEY_CHANGES,
  configure,
  props: (plan) => valkey(plan),
  pairs: {
    [DataStoreChange.MEMORY]: [
      [valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { memoryGib: 13 })],
      [valkey(ServicePlan.HOBBYIST), valkey(ServicePlan.HOBBYIST, {}, { memoryGib: 5 })],
    ],
    [DataStoreChange.REGION]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, { region: 'us-central1' })]],
    [DataStoreChange.ENGINE_UPGRADE]: [[valkeyVersion(MemorystoreValkeyVersion.VALKEY_7_2), valkeyVersion(MemorystoreValkeyVersion.VALKEY_8_0)]],
    [DataStoreChange.ENGINE_DOWNGRADE]: [[valkeyVersion(MemorystoreValkeyVersion.VALKEY_8_0), valkeyVersion(MemorystoreValkeyVersion.VALKEY_7_2)]],
    [DataStoreChange.NAME]: [[valkey(ServicePlan.BUSINESS, {}, { name: 'orders' }), valkey(ServicePlan.BUSINESS, {}, { name: 'orders-eu' })]],
    [DataStoreChange.ALLOW_LIST]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { allowedCidrs: ['10.0.0.0/8'] })]],
    [DataStoreChange.LUA]: [[valkey(ServicePlan.BUSINESS), valkey(ServicePlan.BUSINESS, {}, { luaScripting: false })]],
  },
};
