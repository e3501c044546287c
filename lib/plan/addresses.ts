/* eslint-disable no-bitwise -- IP address arithmetic is bit arithmetic on bigint values */
import { ChoreoRedisError } from './errors';
import { Failures } from './prop-rules';

/** An IP address family. */
export enum IpFamily {
  IPV4 = 'ipv4',
  IPV6 = 'ipv6',
}

/** A canonical CIDR block: network address with no host bits, and a prefix length. */
export interface CidrBlock {
  /** The canonical text, such as `203.0.113.0/24` or `2001:db8::/32`. */
  readonly cidr: string;
  readonly family: IpFamily;
  readonly prefixLength: number;
  /** The first address of the block (the network address). */
  readonly firstAddress: string;
  /** The last address of the block. */
  readonly lastAddress: string;
  /**
   * False for an entry that is an unresolved token, passed through unchecked: its text is the token and
   * it is taken to be IPv4.
   *
   * @default true
   */
  readonly resolved?: boolean;
  /**
   * For an allow-list given as one token that stands for the whole list (a variable's `listValue`, a data
   * source's list attribute): the list itself. Such a block is `resolved: false`, its `cidr` the token's text; each
   * backend turns the list's entries into its form with Terraform expressions and checks them with preconditions.
   *
   * @default - a single entry
   */
  readonly list?: readonly string[];
}

const BITS: Record<IpFamily, number> = { [IpFamily.IPV4]: 32, [IpFamily.IPV6]: 128 };

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) {
    return undefined;
  }
  return parts.reduce((acc, p) => (acc << 8n) + BigInt(p), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const groups = [...left, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let value = groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

const FAMILIES = [
  { family: IpFamily.IPV4, parse: parseIpv4, format: formatIpv4 },
  { family: IpFamily.IPV6, parse: parseIpv6, format: formatIpv6 },
];

/**
 * Parses one entry of an allow-list: an IPv4 or IPv6 address (taken as a single host) or a CIDR block.
 *
 * @param prop the prop path used in error messages, such as `allowedCidrs[1]`
 * @throws ChoreoRedisError `InvalidCidr` for text that is neither; `CidrHostBits` when the address has bits
 *   set beyond the prefix, with the network address it probably meant
 */
export function parseCidr(text: string, prop: string): CidrBlock {
  const trimmed = text.trim();
  const [address, prefixText, extra] = trimmed.split('/');
  for (const { family, parse, format } of FAMILIES) {
    const value = parse(address);
    if (value === undefined) continue;
    const bits = BITS[family];
    if (extra !== undefined || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) || Number(prefixText ?? bits) > bits) {
      throw new ChoreoRedisError('InvalidCidr',
        `${prop} "${text}" has an invalid prefix length; an ${family} prefix is a whole number from 0 to ${bits}, as in "${format(value)}/${bits === 32 ? 24 : 64}".`);
    }
    const prefixLength = Number(prefixText ?? bits);
    const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
    const network = value & ~hostMask;
    if (network !== value) {
      throw new ChoreoRedisError('CidrHostBits',
        `${prop} "${text}" has host bits set; did you mean "${format(network)}/${prefixLength}"? (or "${format(value)}/${bits}" for the single address)`);
    }
    return {
      cidr: `${format(network)}/${prefixLength}`,
      family,
      prefixLength,
      firstAddress: format(network),
      lastAddress: format(network | hostMask),
    };
  }
  throw new ChoreoRedisError('InvalidCidr',
    `${prop} "${text}" is not an IPv4 or IPv6 address or CIDR block; write one such as "203.0.113.0/24", "198.51.100.7" or "2001:db8::/32".`);
}

function compareBlocks(a: CidrBlock, b: CidrBlock): number {
  if (a.family !== b.family) return a.family === IpFamily.IPV4 ? -1 : 1;
  const av = FAMILIES.find((f) => f.family === a.family)!.parse(a.firstAddress)!;
  const bv = FAMILIES.find((f) => f.family === b.family)!.parse(b.firstAddress)!;
  return av === bv ? a.prefixLength - b.prefixLength : av < bv ? -1 : 1;
}

/**
 * Turns an allow-list into canonical blocks: each entry parsed, duplicates dropped, and sorted
 * (IPv4 before IPv6, then by address and prefix length) so that reordering the input changes nothing.
 * Entries that are unresolved tokens pass through unchecked, after the others, as IPv4 blocks.
 *
 * @param mayBeEmpty whether other entries (a list token) come with these, so that none here is fine
 * @throws ChoreoRedisError `EmptyAllowList` for an empty list: omit the prop to stay open to every source
 */
export function normalizeCidrs(entries: readonly string[], prop = 'allowedCidrs',
  isUnresolved: (value: unknown) => boolean = () => false, mayBeEmpty = false): CidrBlock[] {
  if (entries.length === 0 && !mayBeEmpty) {
    throw new ChoreoRedisError('EmptyAllowList',
      `${prop} is an empty list, which would admit no client at all; omit ${prop} to accept every source (the default), or list the addresses and CIDR blocks to admit.`);
  }
  const byCidr = new Map<string, CidrBlock>();
  const tokens: CidrBlock[] = [];
  // Every entry is parsed, so that one error names each bad entry.
  const failures = new Failures();
  entries.forEach((entry, i) => {
    if (isUnresolved(entry)) {
      tokens.push({ cidr: entry, family: IpFamily.IPV4, prefixLength: -1, firstAddress: entry, lastAddress: entry, resolved: false });
      return;
    }
    const block = failures.attempt(() => parseCidr(entry, `${prop}[${i}]`));
    if (block !== undefined) byCidr.set(block.cidr, block);
  });
  failures.throwAny();
  return [...[...byCidr.values()].sort(compareBlocks), ...tokens];
}

/** The allow-list that stands for "every source": all of IPv4 and all of IPv6. */
export const EVERY_SOURCE: readonly CidrBlock[] = normalizeCidrs(['0.0.0.0/0', '::/0']);

/**
 * Address space that never reaches a network from the public internet: private, shared (carrier-grade NAT),
 * loopback and link-local ranges, and IPv6 unique-local, link-local and loopback.
 */
const NOT_PUBLIC: readonly CidrBlock[] = normalizeCidrs([
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16',
  'fc00::/7', 'fe80::/10', '::1/128',
]);

function valueOf(block: CidrBlock, address: string): bigint {
  return FAMILIES.find((f) => f.family === block.family)!.parse(address)!;
}

/** True when every address of `inner` is in `outer`. */
function within(inner: CidrBlock, outer: CidrBlock): boolean {
  return inner.family === outer.family
    && valueOf(inner, inner.firstAddress) >= valueOf(outer, outer.firstAddress)
    && valueOf(inner, inner.lastAddress) <= valueOf(outer, outer.lastAddress);
}

/**
 * True when a block holds public internet addresses: sources that reach a private network only when routed
 * into it. Unresolved tokens are unknown and count as not public.
 */
export function isPublicBlock(block: CidrBlock): boolean {
  return block.resolved !== false && !NOT_PUBLIC.some((range) => within(block, range));
}

/**
 * The sources an allow-list names, for messages: "3 entries", and with a list known only to Terraform, "2 entries and
 * the entries of a list resolved at apply".
 *
 * @param one how one source is called, such as `entry`
 * @param many how several are called, such as `entries`
 */
export function sourcesText(blocks: readonly CidrBlock[], one: string, many: string): string {
  const count = blocks.filter((block) => block.list === undefined).length;
  const entries = `${count} ${count === 1 ? one : many}`;
  const lists = blocks.some((block) => block.list !== undefined);
  return !lists ? entries : count === 0 ? 'the entries of a list resolved at apply' : `${entries} and the entries of a list resolved at apply`;
}
