/**
 * The HCL form of a hand-typed resource's attributes, for `App({ hclOutput: true })`: cdktf renders HCL from
 * descriptors (value, block or not, type) that generated bindings write out attribute by attribute. These
 * resources derive them from their snake_case JSON attributes instead, which is all they need: strings,
 * numbers, booleans, lists of them, one nested block, or a set of blocks.
 */

/** One attribute as cdktf's HCL renderer reads it. */
interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function describe(key: string, value: unknown): HclAttribute {
  if (Array.isArray(value) && value.some(isPlainObject)) {
    return { value: value.map((item) => hclAttributes(item as Record<string, unknown>)), isBlock: true, type: 'set', storageClassType: `${key}List` };
  }
  if (isPlainObject(value)) {
    return { value: [hclAttributes(value)], isBlock: true, type: 'list', storageClassType: `${key}List` };
  }
  if (Array.isArray(value)) {
    const element = typeof value[0] === 'number' ? 'number' : 'string';
    return { value, isBlock: false, type: 'list', storageClassType: `${element}List` };
  }
  const storage = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
  return { value, isBlock: false, type: 'simple', storageClassType: storage };
}

/** Descriptors for every defined attribute, nested blocks included. */
export function hclAttributes(attributes: Readonly<Record<string, unknown>>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, describe(key, value)]));
}

/** The attributes without the keys whose value is undefined, as Terraform JSON leaves them out. */
export function definedAttributes(attributes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}
