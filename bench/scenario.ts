/** Helpers both sides of the benchmark share; nothing here loads cdktf, the library or a provider. */
import { performance } from 'perf_hooks';
import type { IConstruct } from 'constructs';
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
 * Adds each cloud's providers to one stack. A provider that another cloud already added under the same
 * construct ID (two services of one cloud, or `random` used by several) is kept once: the later one is
 * left out of the tree, so it is never synthesized.
 */
export function configureOnce<S extends IConstruct>(stack: S, configures: ReadonlyArray<(stack: S) => void>): void {
  const node = stack.node as unknown as { addChild(child: IConstruct, id: string): void };
  const addChild = node.addChild.bind(node);
  node.addChild = (child, id) => {
    const existing = stack.node.tryFindChild(id);
    if (existing === undefined || existing.constructor !== child.constructor) addChild(child, id);
  };
  try {
    new Set(configures).forEach((configure) => configure(stack));
  } finally {
    Reflect.deleteProperty(node, 'addChild');
  }
}
