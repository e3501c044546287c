import { AIVEN } from './aiven/definition';
import { AZURE_MANAGED_REDIS } from './azure-managed-redis/definition';
import type { BackendSummary } from './definition';
import { DIGITALOCEAN_VALKEY } from './digitalocean-valkey/definition';
import { ELASTICACHE } from './elasticache/definition';
import { MEMORYSTORE } from './memorystore/definition';
import { MEMORYSTORE_VALKEY } from './memorystore-valkey/definition';
import { BACKEND_IDS } from './registry';

const DEFINITIONS: readonly BackendSummary[] = [ELASTICACHE, AZURE_MANAGED_REDIS, MEMORYSTORE, MEMORYSTORE_VALKEY, DIGITALOCEAN_VALKEY, AIVEN];

/**
 * Every backend's definition, in the registry's order: for code that needs all of them (the conformance policy's
 * alternatives, the verifier's `--backend`, the tables of docs/). Definitions are pure: listing them loads no provider
 * binding. A definition the registry does not list, or one it lists without a definition, fails on load.
 *
 * @internal
 */
export const BACKEND_DEFINITIONS: readonly BackendSummary[] = BACKEND_IDS.map((id) => {
  const definition = DEFINITIONS.find((d) => d.id === id);
  if (definition === undefined) throw new Error(`The backend registry lists ${id}, which has no definition in backend-definitions.ts`);
  return definition;
});
if (DEFINITIONS.length !== BACKEND_IDS.length) throw new Error('backend-definitions.ts has a definition the backend registry does not list');
