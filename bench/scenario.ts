/** Helpers both sides of the benchmark share; nothing here imports cdktf, the library or a provider. */
import { performance } from 'perf_hooks';
import type { MatrixVariant } from '../examples/matrix/matrix-cloud';

/** Milliseconds spent defining constructs and synthesizing them. */
export interface Phases {
  readonly constructMs: number;
  readonly synthMs: number;
}

/** One stack of `size` data stores over `clouds`, written to `outdir`. */
export interface Fleet {
  readonly clouds: readonly string[];
  readonly size: number;
  readonly outdir: string;
}

export function timed(action: () => unknown): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

/**
 * The cloud (index) and variant of each data store of a fleet: clouds take turns, and each cloud cycles
 * through its variants.
 */
export function assignVariants(size: number, variants: ReadonlyArray<readonly MatrixVariant[]>): Array<[number, MatrixVariant]> {
  return Array.from({ length: size }, (_, i) => {
    const cloud = i % variants.length;
    const own = variants[cloud];
    return [cloud, own[Math.floor(i / variants.length) % own.length]];
  });
}

/**
 * Adds each cloud's providers to one stack once; clouds that share a `configure` (two services of one
 * cloud) share its providers.
 */
export function configureOnce<S>(stack: S, configures: ReadonlyArray<(stack: S) => void>): void {
  new Set(configures).forEach((configure) => configure(stack));
}
