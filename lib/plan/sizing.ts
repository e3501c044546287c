import { ChoreoRedisError } from './errors';

/** One size a managed service offers. */
export interface SizeOption {
  /** The service's own identifier, such as `cache.t4g.small` or `db-s-1vcpu-2gb`. */
  readonly id: string;
  /** Memory per node, in GiB. */
  readonly memoryGib: number;
}

/**
 * The smallest size whose memory is at least `memoryGib`.
 *
 * @param catalog the sizes the service offers for this plan, in any order
 * @param what names the service and any restriction in the error, such as `ElastiCache node types`
 */
export function smallestFit(catalog: readonly SizeOption[], memoryGib: number, what: string): SizeOption {
  const sorted = [...catalog].sort((a, b) => a.memoryGib - b.memoryGib);
  const fit = sorted.find((size) => size.memoryGib >= memoryGib);
  if (fit === undefined) {
    const largest = sorted[sorted.length - 1];
    throw new ChoreoRedisError('NoSizeFits',
      `memoryGib ${memoryGib} is more than any of the ${what} offers; the largest is ${largest.id} with ${largest.memoryGib} GiB. Choose memoryGib ${largest.memoryGib} or less.`);
  }
  return fit;
}

/** Memory in MB (MiB) for a size in GiB, as the connection formula counts it. */
export function memoryMb(memoryGib: number): number {
  return Math.round(memoryGib * 1024);
}
