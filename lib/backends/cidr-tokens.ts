/**
 * Terraform expressions that bring an allow-list entry known only at apply time (a variable, another
 * resource's address) into the form each service accepts and stores, as `normalizeCidrs` does at synth for
 * literal entries. An address becomes a single-host block, a block loses its host bits, and IPv6 takes its
 * canonical text, so that what the service returns matches what Terraform sent. `strcontains` needs
 * Terraform 1.5 or later.
 */
import { Fn, Token } from 'cdktf';

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
