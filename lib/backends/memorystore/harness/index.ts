/** Memorystore for Redis's share of the shared tests (test/harness.ts). */
import { MEMORYSTORE_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { MEMORYSTORE_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { MONITORING_RULES } from '../../google/harness/monitoring-rules';
import { GOOGLE_RULES } from '../../google/harness/rules';

export const harness: BackendHarness = {
  id: 'memorystore',
  matrix,
  changes: MEMORYSTORE_SCENARIOS,
  arbitrary: MEMORYSTORE_ARBITRARY,
  rules: { ...GOOGLE_RULES, ...MONITORING_RULES },
};
