import { Fn } from 'cdktf';

/**
 * A version's major and minor parts (a list of two strings, from `split` or `regex`) as one number Terraform can
 * compare: major x 1000 + minor, written `tonumber(format("%d%03d", major, minor))`. `format` converts each part to a
 * number (a part that is not one is an error, which the callers' `try` turns into "no downgrade"), and the one
 * `tonumber` keeps the expression free of nested number arithmetic, which cdktf resolves slowly.
 */
export function versionNumber(parts: unknown): number {
  return Fn.tonumber(Fn.format('%d%03d', [Fn.element(parts as string[], 0), Fn.element(parts as string[], 1)]));
}
