/**
 * Run-time type checks of props, for callers the TypeScript compiler does not see: plain JavaScript and
 * the other jsii languages can pass a string where a list belongs. Each wrong type becomes a
 * `ChoreoRedisError` naming the prop, the type received and the type expected, before any code uses it.
 */
import { ChoreoRedisError } from './errors';

/** The type a prop must have. */
export type PropType =
  | 'string'
  | 'number'
  | 'boolean'
  /** An array of strings. */
  | 'string-list'
  /** An object whose values are strings. */
  | 'string-map'
  /** An instance of a class, such as an engine version. */
  | { readonly isInstance: (value: unknown) => boolean; readonly name: string; readonly example: string }
  /** An object with props of its own. */
  | { readonly shape: Readonly<Record<string, PropType>> };

/** The type of every prop of `P`, optional ones included: a prop left out of the table does not compile. */
export type PropTypes<P> = { readonly [K in keyof Required<P>]: PropType };

/** How a value reads in an error: its JavaScript type, and the value itself when short. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'string') return `the string ${JSON.stringify(String(value).length > 40 ? `${String(value).slice(0, 40)}...` : value)}`;
  if (type === 'number' || type === 'boolean') return `the ${type} ${String(value)}`;
  if (type === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `a ${type}`;
}

function expected(type: PropType): string {
  if (typeof type === 'string') {
    return { 'string': 'a string', 'number': 'a number', 'boolean': 'a boolean (true or false)', 'string-list': 'an array of strings', 'string-map': 'an object of string values' }[type];
  }
  return 'isInstance' in type ? `a ${type.name}, such as ${type.example}` : 'an object';
}

function fits(value: unknown, type: PropType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'string-list': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'string-map': return typeof value === 'object' && value !== null && !Array.isArray(value)
      && Object.values(value).every((v) => typeof v === 'string');
    default: return 'isInstance' in type ? type.isInstance(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/**
 * Checks each given prop against its type; `undefined` stands for an omitted optional prop and passes.
 *
 * @param owner how the props are named in errors, such as `RedisBackend.elastiCache({ ... })`; `%s` stands for the prop
 */
export function checkPropTypes(props: unknown, types: Readonly<Record<string, PropType>>, owner = '%s'): void {
  if (typeof props !== 'object' || props === null) {
    throw new ChoreoRedisError('InvalidType', `${owner.replace('%s', 'props')} is ${describe(props)}; pass an object of props.`);
  }
  for (const [key, type] of Object.entries(types) as Array<[string, PropType]>) {
    const value = (props as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const prop = owner.replace('%s', key);
    if (!fits(value, type)) {
      const list = type === 'string-list' && typeof value === 'string' ? ` Wrap a single entry in a list: [${JSON.stringify(value)}].` : '';
      throw new ChoreoRedisError('InvalidType', `${prop} is ${describe(value)}, but must be ${expected(type)}.${list}`);
    }
    if (typeof type === 'object' && 'shape' in type) checkPropTypes(value, type.shape, owner.replace('%s', `${key}.%s`));
  }
}
