/**
 * Prints, as JSON, what bench/footprint.sh's consumers need to know of each backend: its factory, the matrix
 * app's example props and the npm packages its renderer loads. Taken from the backends' own definitions and
 * harness matrix entries, so the footprint script names no backend.
 */
import { MATRIX_CLOUDS, matrixProps } from '../examples/matrix';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { DefinedBackend } from '../lib/backends/defined-backend';

const seen = new Set<string>();
const spec = MATRIX_CLOUDS.flatMap((entry) => {
  const backend = entry.backend(matrixProps(entry, 'business').plan);
  const definition = BACKEND_DEFINITIONS.find((d) => d.id === backend.backendId);
  if (definition === undefined || seen.has(definition.id) || !(backend instanceof DefinedBackend)) return [];
  seen.add(definition.id);
  return [{ id: definition.id, cloud: definition.cloud, factory: definition.factory, props: backend._props, packages: definition.packages }];
});
process.stdout.write(`${JSON.stringify(spec, null, 2)}\n`);
