/** Managed Valkey's share of the shared tests (test/harness.ts). */
import { DIGITALOCEAN_VALKEY_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { DIGITALOCEAN_RULES } from './rules';
import { DIGITALOCEAN_VALKEY_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';

export const harness: BackendHarness = {
  id: 'digitalocean-valkey',
  matrix,
  changes: DIGITALOCEAN_VALKEY_SCENARIOS,
  arbitrary: DIGITALOCEAN_VALKEY_ARBITRARY,
  rules: DIGITALOCEAN_RULES,
};
