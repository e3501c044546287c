/** Azure Managed Redis's share of the shared tests (test/harness.ts). */
import { AZURE_MANAGED_REDIS_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { AZURE_RULES } from './rules';
import { AZURE_MANAGED_REDIS_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';

export const harness: BackendHarness = {
  id: 'azure-managed-redis',
  matrix,
  changes: AZURE_MANAGED_REDIS_SCENARIOS,
  arbitrary: AZURE_MANAGED_REDIS_ARBITRARY,
  rules: AZURE_RULES,
};
