/** Memorystore for Redis's share of the shared tests (test/harness.ts). */
import { MEMORYSTORE_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { MEMORYSTORE_MONITORING_RULES } from './monitoring';
import { MEMORYSTORE_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { GOOGLE_RULES } from '../../google/harness/rules';

export const harness: BackendHarness = {
  id: 'memorystore',
  matrix,
  changes: MEMORYSTORE_SCENARIOS,
  arbitrary: MEMORYSTORE_ARBITRARY,
  rules: { ...GOOGLE_RULES, ...MEMORYSTORE_MONITORING_RULES },
};
