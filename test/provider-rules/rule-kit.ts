/**
 * A small kit for writing the provider-side rules each Terraform resource type must pass, as checks over
 * synthesized JSON. No machine here can run `terraform plan`, so these checks stand in for the provider's
 * own validation (and the API's, where the mapping notes record it).
 */

/** Checks one resource's attributes; returns the rules it breaks. */
export type ResourceCheck = (attrs: Record<string, any>) => string[];

/** True for a value Terraform resolves later: an interpolation such as `${aws_x.y.id}`. */
export const isReference = (value: unknown): boolean => typeof value === 'string' && value.includes('${');

/** Collects the messages of the rules that fail, skipping rules whose attributes are references. */
export function rules(attrs: Record<string, any>, checks: Array<[keys: string[], ok: () => boolean, message: string]>): string[] {
  return checks
    .filter(([keys]) => !keys.some((key) => isReference(attrs[key])))
    .filter(([, ok]) => !ok())
    .map(([keys, , message]) => `${keys.join(', ')}: ${message}`);
}

export const inRange = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
export const oneOf = (value: unknown, allowed: readonly unknown[]) => allowed.includes(value);
export const matches = (value: unknown, pattern: RegExp) => typeof value === 'string' && pattern.test(value);
export const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A canonical IPv4 CIDR block (network address, prefix 0-32, no host bits). */
export function isIpv4Cidr(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [address, prefix] = value.split('/');
  if (!IPV4.test(address) || !/^\d{1,2}$/.test(prefix ?? '') || Number(prefix) > 32) return false;
  const bits = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const host = 2 ** (32 - Number(prefix));
  return bits % host === 0;
}

/** An IPv6 CIDR block in lower-case compressed form with a prefix of 0-128. */
export function isIpv6Cidr(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9a-f:]+\/(\d|[1-9]\d|1[01]\d|12[0-8])$/.test(value) && value.includes(':');
}
