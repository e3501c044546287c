/**
 * The registry of backends: every backend by its folder under `lib/backends`, which is its definition's `id`. The
 * construct's list of definitions (`backend-definitions.ts`), the shared tests, the matrix app and the benchmark all
 * read it, so a backend joins them by being listed here. It imports nothing, so that the benchmark's hand-written
 * baselines can read it without loading the library.
 */
import { existsSync } from 'fs';
import { join } from 'path';

/** Every backend's folder, in the order code that treats backends alike lists them. */
export const BACKEND_IDS: readonly string[] = [
  'elasticache', 'azure-managed-redis', 'memorystore', 'memorystore-valkey', 'digitalocean-valkey', 'aiven',
];

/**
 * The module `harness/<file>` of every backend that has one, in registry order: how the tests, the matrix app and the
 * benchmark find each backend's share (harness folders are not packaged).
 */
export function harnessModules<T>(file: string): T[] {
  return BACKEND_IDS
    .filter((id) => ['ts', 'js'].some((ext) => existsSync(join(__dirname, id, 'harness', `${file}.${ext}`))))
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- harness files are development code, found by folder
    .map((id) => require(join(__dirname, id, 'harness', file)) as T);
}
