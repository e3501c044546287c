/**
 * Terraform expressions that bring an allow-list entry known only at apply time (a variable, another
 * resource's address) into the form each service accepts and stores, as `normalizeCidrs` does at synth for
 * literal entries. An address becomes a single-host block, a block loses its host bits, and IPv6 takes its
 * canonical text, so that what the service returns matches what Terraform sent. `strcontains` needs
 * Terraform 1.5 or later.
 */
import { Fn, TerraformIterator, Token, ref } from 'cdktf';

/** The entry as a canonical CIDR block: `/32` or `/128` added to an address, host bits cleared. */
export function canonicalCidrExpression(entry: string): string {
  const withPrefix = Fn.conditional(Fn.strcontains(entry, '/'), entry,
    Fn.conditional(Fn.strcontains(entry, ':'), Fn.join('', [entry, '/128']), Fn.join('', [entry, '/32'])));
  return Fn.cidrsubnet(Token.asString(withPrefix), 0, 0);
}

/** The entry as the service stores it when it keeps single hosts as bare addresses: canonical, less `/32`. */
export function bareHostExpression(entry: string): string {
  return Fn.trimsuffix(canonicalCidrExpression(entry), '/32');
}

/** `value` where the entry is IPv4 and null where it is IPv6, or the reverse with `ipv6`. */
export function forFamilyExpression(entry: string, value: string, family: 'ipv4' | 'ipv6'): string {
  const ipv6 = Fn.strcontains(entry, ':');
  return Token.asString(family === 'ipv6' ? Fn.conditional(ipv6, value, Token.nullValue()) : Fn.conditional(ipv6, Token.nullValue(), value));
}

/** `each.value` of a resource or block repeated over a list. */
export const EACH_VALUE = Token.asString(ref('each.value'));

/**
 * The entries of an allow-list given as one list token, each a canonical CIDR block, without duplicates:
 * `distinct([for val in toset(list) : <canonical val>])`.
 */
export function canonicalListExpression(list: readonly string[]): string[] {
  const entries = TerraformIterator.fromList([...list]);
  return Token.asList(Fn.distinct(Token.asList(entries.forExpressionForList(canonicalCidrExpression(Token.asString(ref('val')))))));
}

/** How many entries of a canonical list (from `canonicalListExpression`) are of one address family. */
export function familyCountExpression(canonical: readonly string[], family: 'ipv4' | 'ipv6'): number {
  const entries = TerraformIterator.fromList([...canonical]);
  return Token.asNumber(Fn.lengthOf(entries.forExpressionForList(family === 'ipv6' ? 'val if strcontains(val, ":")' : 'val if !strcontains(val, ":")')));
}

/** The canonical list with single IPv4 hosts written bare, as services that return them so store them. */
export function bareHostListExpression(canonical: readonly string[]): string[] {
  return Token.asList(TerraformIterator.fromList([...canonical]).forExpressionForList(bareHostExpression(Token.asString(ref('val')))));
}
