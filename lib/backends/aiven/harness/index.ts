/** Aiven for Valkey's share of the shared tests (test/harness.ts): one matrix cloud per cloud it runs on. */
import { AIVEN_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { AIVEN_RULES } from './rules';
import { AIVEN_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';

export const harness: BackendHarness = {
  id: 'aiven',
  matrix,
  changes: AIVEN_SCENARIOS,
  arbitrary: AIVEN_ARBITRARY,
  rules: AIVEN_RULES,
};
