import { CidrBlock } from '../plan';

/**
 * A construct ID for a per-source resource, derived from the source itself so that adding or removing
 * another source leaves this one's ID, and so its Terraform address, unchanged. Token entries, whose text
 * is unknown at synth, fall back to their position.
 */
export function constructIdFor(prefix: string, block: CidrBlock, index: number): string {
  if (block.resolved === false) return `${prefix}Token${index}`;
  return `${prefix}-${block.cidr.replace(/[^0-9a-fA-F]+/g, '_')}`;
}
