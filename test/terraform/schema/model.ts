/**
 * The shape of a provider's schema as the stand-in serves it: the part of Terraform's configuration schema model
 * (blocks, attributes, nested attributes, cty types) that the plugin protocol carries.
 */

/** A cty type in its JSON form, as the plugin protocol carries it: `"string"`, `["list", "string"]`, ... */
export type CtyType =
  | 'string' | 'number' | 'bool' | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }];

export type Nesting = 'single' | 'list' | 'set' | 'map';

export interface AttributeSchema {
  readonly name: string;
  /** The attribute's type; absent for a nested attribute, whose type `nested` gives. */
  readonly type?: CtyType;
  readonly nested?: NestedAttributes;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  /** Write-only (Terraform 1.11): sent to the provider, never stored in the state. */
  readonly writeOnly?: boolean;
}

/** The attributes of a nested attribute (plugin-framework `ListNestedAttribute` and the like). */
export interface NestedAttributes {
  readonly nesting: Nesting;
  readonly attributes: readonly AttributeSchema[];
}

export interface BlockSchema {
  readonly attributes: readonly AttributeSchema[];
  readonly blocks: readonly NestedBlockSchema[];
}

export interface NestedBlockSchema {
  readonly name: string;
  readonly nesting: Nesting;
  readonly block: BlockSchema;
  readonly minItems: number;
  /** 0 for no limit. */
  readonly maxItems: number;
}

/** What one provider serves: its own configuration block and the resource and data source types asked for. */
export interface ProviderSchema {
  readonly provider: BlockSchema;
  readonly resources: Readonly<Record<string, BlockSchema>>;
  readonly dataSources: Readonly<Record<string, BlockSchema>>;
}

function wrap(nesting: Nesting, element: CtyType): CtyType {
  return nesting === 'single' ? element : [nesting, element];
}

/** The object type of a nested attribute's elements. */
export function nestedObjectType(nested: NestedAttributes): CtyType {
  return ['object', Object.fromEntries(nested.attributes.map((a) => [a.name, attributeType(a)]))];
}

export function attributeType(attribute: AttributeSchema): CtyType {
  if (attribute.nested !== undefined) return wrap(attribute.nested.nesting, nestedObjectType(attribute.nested));
  if (attribute.type === undefined) throw new Error(`attribute ${attribute.name} has neither a type nor nested attributes`);
  return attribute.type;
}

const BLOCK_TYPES = new WeakMap<BlockSchema, CtyType>();

/** The object type a block's values have: its attributes, and its nested blocks as lists, sets, maps or objects. */
export function blockType(block: BlockSchema): CtyType {
  const known = BLOCK_TYPES.get(block);
  if (known !== undefined) return known;
  const type: CtyType = ['object', Object.fromEntries([
    ...block.attributes.map((a) => [a.name, attributeType(a)] as const),
    ...block.blocks.map((b) => [b.name, wrap(b.nesting, blockType(b.block))] as const),
  ])];
  BLOCK_TYPES.set(block, type);
  return type;
}
