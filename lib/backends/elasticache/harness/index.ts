/** ElastiCache's share of the shared tests (test/harness.ts). */
import { ELASTICACHE_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { ELASTICACHE_RULES } from './rules';
import { ELASTICACHE_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';

export const harness: BackendHarness = {
  id: 'elasticache',
  matrix,
  changes: ELASTICACHE_SCENARIOS,
  arbitrary: ELASTICACHE_ARBITRARY,
  rules: ELASTICACHE_RULES,
};
