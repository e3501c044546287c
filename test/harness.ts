/**
 * What each backend folder's `harness/` gives the shared tests: its matrix cloud, change scenarios,
 * property-test arbitrary and provider rules. Shared tests find the harnesses through the backend registry
 * (lib/backends/registry.ts), so a backend joins them by being listed there.
 */
import type { ChangeScenarios } from './changes/scenarios';
import type { BackendArbitrary } from './properties/kit';
import type { ResourceCheck } from './provider-rules/rule-kit';
import type { MatrixCloud } from '../examples/matrix/matrix-cloud';
import { harnessModules } from '../lib/backends/registry';

/** One backend's share of the shared tests. */
export interface BackendHarness {
  /** The backend's identifier, its folder's name. */
  readonly id: string;
  /** Its matrix cloud, or one per cloud for a backend that runs on several. */
  readonly matrix: MatrixCloud | readonly MatrixCloud[];
  readonly changes: ChangeScenarios;
  readonly arbitrary: BackendArbitrary;
  /** The provider-side rules of the resource types the backend defines, by Terraform type. */
  readonly rules: Readonly<Record<string, ResourceCheck>>;
  /**
   * Valid inputs that together give every prop the backend declares (nested ones included) a value, and that
   * synthesize: test/prop-mutations.test.ts drops, misspells and mistypes each prop of each. A prop declared in the
   * backend's `propTypes` (or in ChoreoRedis's) fails that test until an example gives it a value.
   */
  readonly examples: readonly PropsExample[];
}

/** One valid input: the backend factory's props, and the data store's props beside the backend. */
export interface PropsExample {
  readonly backend: object;
  readonly dataStore: Readonly<Record<string, unknown>>;
}

/** Where a backend's first matrix cloud stands in the matrix. */
const firstRank = (harness: BackendHarness): number => ([] as MatrixCloud[]).concat(harness.matrix)[0].rank;

/** Every backend folder's harness, in matrix order. */
export function loadHarnesses(): BackendHarness[] {
  return harnessModules<{ harness: BackendHarness }>('index').map((module) => module.harness).sort((a, b) => firstRank(a) - firstRank(b));
}
