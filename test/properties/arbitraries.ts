import { BackendArbitrary } from './kit';
import { loadHarnesses } from '../harness';

export { BackendArbitrary, GeneratedInput, rarely, regionOf } from './kit';

/** Every backend's arbitrary, from its harness. */
export const BACKEND_ARBITRARIES: readonly BackendArbitrary[] = loadHarnesses().map((h) => h.arbitrary);
