/** Memorystore for Valkey's share of the shared tests (test/harness.ts). */
import { MEMORYSTORE_VALKEY_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { VALKEY_MONITORING_RULES } from './monitoring';
import { MEMORYSTORE_VALKEY_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { GOOGLE_RULES } from '../../google/harness/rules';

export const harness: BackendHarness = {
  id: 'memorystore-valkey',
  matrix,
  changes: MEMORYSTORE_VALKEY_SCENARIOS,
  arbitrary: MEMORYSTORE_VALKEY_ARBITRARY,
  rules: { ...GOOGLE_RULES, ...VALKEY_MONITORING_RULES },
};
