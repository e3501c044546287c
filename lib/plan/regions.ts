import { Cloud } from './cloud';
import { ChoreoRedisError } from './errors';

/** Where a region sits, for the product's "US and EU regions only" rule. */
export enum Jurisdiction {
  US = 'US',
  EU = 'EU',
}

/**
 * One cloud's regions, as a backend offers them. "EU" means the European Union: regions elsewhere in Europe
 * (London, Zurich, Norway) are outside the product's promise and listed in `europeOutsideEu` only to explain
 * the refusal.
 */
export interface RegionTable {
  /** The cloud whose region IDs these are. */
  readonly cloud: Cloud;
  /** Every US and EU region, with its jurisdiction. */
  readonly regions: Readonly<Record<string, Jurisdiction>>;
  /** European regions outside the European Union, named in the error that refuses them. */
  readonly europeOutsideEu: readonly string[];
}

/** The number of single-character edits between two strings (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `text`, when it is close enough to be a typo (at most two edits). */
export function closestMatch(text: string, candidates: readonly string[]): string | undefined {
  const scored = candidates.map((candidate) => ({ candidate, distance: editDistance(text.toLowerCase(), candidate.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best !== undefined && best.distance <= 2 ? best.candidate : undefined;
}

/**
 * Checks that `region` is one of the table's US or EU regions.
 *
 * @param prop the prop path used in the error, such as `RedisBackend.elastiCache({ region })`
 * @returns the region's jurisdiction
 */
export function validateRegion(table: RegionTable, region: string, prop: string): Jurisdiction {
  const jurisdiction = table.regions[region];
  if (jurisdiction !== undefined) return jurisdiction;
  const allowed = Object.keys(table.regions);
  const suggestion = closestMatch(region, allowed);
  const why = table.europeOutsideEu.includes(region)
    ? 'is in Europe but outside the European Union, and the product offers US and EU regions only'
    : `is not a US or EU region of ${table.cloud}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`;
  throw new ChoreoRedisError('UnsupportedRegion', `${prop} "${region}" ${why}; use one of: ${allowed.join(', ')}.`);
}
