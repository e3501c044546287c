/**
 * Schemas derived from the installed `@cdktf/provider-*` bindings. The packages ship no schema, but each module's
 * JavaScript carries an inline source map whose `sourcesContent` is the TypeScript cdktf generated from the
 * provider's schema. That source says, for every attribute, `// name - computed: B, optional: B, required: B`;
 * its HCL attribute table says block or attribute, the collection kind and the element type; getters give the
 * types of read-only attributes; and an output reference built for item 0 of a list tells a list block of at most
 * one item from a single nested block. What the generated code never carries (sensitive flags, block item limits
 * above one) comes from the overlay.
 */
import { readFileSync } from 'fs';
import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, Nesting } from './model';

/** The generated TypeScript of one binding module, from its inline source map. */
export function bindingSource(modulePath: string): string {
  const js = readFileSync(modulePath, 'utf8');
  const match = /^\/\/# sourceMappingURL=data:application\/json;base64,(.*)$/m.exec(js);
  if (match === null) throw new Error(`${modulePath} carries no inline source map`);
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as { sourcesContent?: string[] };
  const source = map.sourcesContent?.[0];
  if (source === undefined) throw new Error(`${modulePath}: its source map has no sourcesContent`);
  return source;
}

interface Flags { readonly computed: boolean; readonly optional: boolean; readonly required: boolean }

/** One row of an HCL attribute table: `name: { value, isBlock, type, storageClassType }`. */
interface HclEntry { readonly isBlock: boolean; readonly kind: string; readonly storage: string; readonly value: string }

const FLAGS = /^ *\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)$/gm;
const HCL_ENTRY = /^ *(\w+): \{\n *value: (.*)\n *isBlock: (true|false),\n *type: "(\w+)",\n *storageClassType: "(\w+)",/gm;

const SCALARS: Readonly<Record<string, CtyType>> = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
  stringList: ['list', 'string'],
  numberList: ['list', 'number'],
  booleanList: ['list', 'bool'],
  stringMap: ['map', 'string'],
  numberMap: ['map', 'number'],
  booleanMap: ['map', 'bool'],
};

const GETTERS: ReadonlyArray<readonly [RegExp, CtyType]> = [
  [/new cdktf\.StringMapList\(this, "\w+", true\)/, ['set', ['map', 'string']]],
  [/new cdktf\.StringMapList\(/, ['list', ['map', 'string']]],
  [/cdktf\.Fn\.tolist\(this\.getListAttribute\(/, ['set', 'string']],
  [/cdktf\.Fn\.tolist\(this\.getNumberListAttribute\(/, ['set', 'number']],
  [/this\.getListAttribute\(/, ['list', 'string']],
  [/this\.getNumberListAttribute\(/, ['list', 'number']],
  [/this\.getBooleanListAttribute\(/, ['list', 'bool']],
  [/this\.getStringAttribute\(/, 'string'],
  [/this\.getNumberAttribute\(/, 'number'],
  [/this\.getBooleanAttribute\(/, 'bool'],
  [/this\.getStringMapAttribute\(|new cdktf\.StringMap\(/, ['map', 'string']],
  [/this\.getNumberMapAttribute\(|new cdktf\.NumberMap\(/, ['map', 'number']],
  [/this\.getBooleanMapAttribute\(|new cdktf\.BooleanMap\(/, ['map', 'bool']],
  [/new cdktf\.AnyMap\(|this\.interpolationForAttribute\(/, 'dynamic'],
];

/** A generated module, split into its classes and its `...ToHclTerraform` functions. */
class GeneratedModule {
  private readonly classes = new Map<string, string>();
  private readonly hclFunctions = new Map<string, string>();
  private readonly interfaces = new Map<string, string>();

  constructor(private readonly where: string, source: string) {
    const parts = source.split(/^export /m);
    for (const part of parts) {
      const cls = /^class (\w+) extends [\w.]+ \{/.exec(part);
      if (cls !== null) this.classes.set(cls[1], part);
      const config = /^interface (\w+) /.exec(part);
      if (config !== null) this.interfaces.set(config[1], part);
      const fn = /^function (\w+)ToHclTerraform\(/.exec(part);
      if (fn !== null) this.hclFunctions.set(fn[1], part);
    }
  }

  /** The class that extends `base` (`cdktf.TerraformResource`, ...): its name and body. */
  topClass(base: string): string {
    for (const body of this.classes.values()) if (body.includes(` extends ${base} {`)) return body;
    throw new Error(`${this.where}: no class extends ${base}`);
  }

  /** The top-level block of a resource, data source or provider class. */
  topBlock(body: string, leaveOut: readonly string[]): BlockSchema {
    const synth = /protected synthesizeHclAttributes\(\)[\s\S]*$/.exec(body)?.[0] ?? '';
    return this.block(body, hclEntries(synth), leaveOut);
  }

  /**
   * The block an output reference class describes, with the HCL table of its `...ToHclTerraform` function. A
   * provider's nested blocks have no output reference class: their fields are the HCL table's, and a field the
   * configuration interface does not mark optional is required.
   */
  private nestedBlock(base: string): BlockSchema {
    const hcl = hclEntries(this.hclFunctions.get(base.charAt(0).toLowerCase() + base.slice(1)) ?? '');
    const reference = this.classes.get(`${base}OutputReference`);
    if (reference !== undefined) return this.block(reference, hcl, []);
    const config = this.interfaces.get(base) ?? '';
    const attributes: AttributeSchema[] = [];
    const blocks: NestedBlockSchema[] = [];
    for (const [name, entry] of hcl) {
      const field = /struct!\.(\w+)/.exec(entry.value)?.[1] ?? '';
      const required = new RegExp(`readonly ${field}:`).test(config);
      const flags = { computed: false, optional: !required, required };
      if (entry.isBlock) blocks.push(this.blockOf(name, flags, entry));
      else attributes.push(this.input(name, flags, entry));
    }
    return { attributes, blocks };
  }

  /**
   * Whether `<base>OutputReference` stands for item 0 of a list (an SDKv2 block of at most one item).
   */
  private isListItem(base: string): boolean {
    const reference = this.classes.get(`${base}OutputReference`);
    return reference !== undefined && /super\(terraformResource, terraformAttribute, false, 0\);/.test(reference);
  }

  private block(body: string, hcl: ReadonlyMap<string, HclEntry>, leaveOut: readonly string[]): BlockSchema {
    const attributes: AttributeSchema[] = [];
    const blocks: NestedBlockSchema[] = [];
    for (const [name, flags, chunk] of flagged(body)) {
      if (leaveOut.includes(name)) continue;
      const entry = hcl.get(name);
      if (entry?.isBlock === true) {
        const block = this.blockOf(name, flags, entry);
        // An SDKv2 block that is also computed is an attribute written as blocks (ConfigModeAttr).
        if (flags.computed) attributes.push(this.attribute(name, flags, [block.nesting === 'set' ? 'set' : 'list', blockObject(block.block)]));
        else blocks.push(block);
      } else {
        attributes.push(entry === undefined ? this.readOnly(name, flags, chunk) : this.input(name, flags, entry));
      }
    }
    return { attributes, blocks };
  }

  private blockOf(name: string, flags: Flags, entry: HclEntry): NestedBlockSchema {
    const base = entry.kind === 'struct' ? entry.storage : entry.storage.replace(/List$/, '');
    const listItem = this.isListItem(base);
    const single = entry.kind === 'struct' && !listItem && this.classes.has(`${base}OutputReference`);
    const nesting: Nesting = single ? 'single' : entry.kind === 'struct' ? 'list' : entry.kind as Nesting;
    return {
      name,
      nesting,
      block: this.nestedBlock(base),
      minItems: flags.required && !single ? 1 : 0,
      maxItems: listItem ? 1 : 0,
    };
  }

  /** An input attribute, typed by its HCL table entry. */
  private input(name: string, flags: Flags, entry: HclEntry): AttributeSchema {
    const scalar = SCALARS[entry.storage];
    if (scalar !== undefined) {
      const type: CtyType = Array.isArray(scalar) && entry.kind === 'set' ? ['set', scalar[1] as CtyType] : scalar;
      return this.attribute(name, flags, type);
    }
    // A nested attribute (plugin framework): its fields come from the output reference class.
    const base = entry.kind === 'struct' ? entry.storage : entry.storage.replace(/List$/, '');
    const nesting: Nesting = entry.kind === 'struct' ? 'single' : entry.kind as Nesting;
    return { ...this.attribute(name, flags), nested: { nesting, attributes: this.nestedBlock(base).attributes } };
  }

  /** A read-only attribute, typed by its getter or by the complex list or object behind it. */
  private readOnly(name: string, flags: Flags, chunk: string): AttributeSchema {
    const complex = /= new (\w+?)(List|OutputReference)\(this, "\w+"(?:, (true|false))?\);/.exec(chunk);
    if (complex !== null) {
      const [, base, kind, wrapsSet] = complex;
      const element = blockObject(this.nestedBlock(base));
      const type: CtyType = kind === 'List' ? [wrapsSet === 'true' ? 'set' : 'list', element]
        : this.isListItem(base) ? ['list', element] : element;
      return this.attribute(name, flags, type);
    }
    const getter = GETTERS.find(([pattern]) => pattern.test(chunk));
    if (getter === undefined) throw new Error(`${this.where}: cannot tell the type of ${name}`);
    return this.attribute(name, flags, getter[1]);
  }

  private attribute(name: string, flags: Flags, type?: CtyType): AttributeSchema {
    return { name, ...(type === undefined ? {} : { type }), ...flags, sensitive: false };
  }
}

/** The object type of a block's items, for a block the schema serves as an attribute. */
function blockObject(block: BlockSchema): CtyType {
  const fields: Record<string, CtyType> = {};
  for (const a of block.attributes) if (a.type !== undefined) fields[a.name] = a.type;
  for (const b of block.blocks) fields[b.name] = b.nesting === 'single' ? blockObject(b.block) : [b.nesting, blockObject(b.block)];
  return ['object', fields];
}

function hclEntries(text: string): Map<string, HclEntry> {
  return new Map([...text.matchAll(HCL_ENTRY)].map((m) => [m[1], { value: m[2], isBlock: m[3] === 'true', kind: m[4], storage: m[5] }]));
}

/** Each `// name - computed: ...` comment of a class body, with its flags and the code up to the next one. */
function flagged(body: string): Array<readonly [string, Flags, string]> {
  const matches = [...body.matchAll(FLAGS)];
  return matches.map((m, i) => [
    m[1],
    { computed: m[2] === 'true', optional: m[3] === 'true', required: m[4] === 'true' },
    body.slice(m.index + m[0].length, matches[i + 1]?.index ?? body.length),
  ] as const);
}

export type BindingKind = 'resource' | 'data' | 'provider';

const BASE_CLASS: Readonly<Record<BindingKind, string>> = {
  resource: 'cdktf.TerraformResource',
  data: 'cdktf.TerraformDataSource',
  provider: 'cdktf.TerraformProvider',
};

/**
 * The schema of one resource type, data source or provider, from the binding module at `modulePath`
 * (`.../lib/<name>/index.js`). A provider's `alias` is Terraform's meta-argument, not part of its schema.
 */
export function deriveBlock(modulePath: string, kind: BindingKind): BlockSchema {
  const module = new GeneratedModule(modulePath, bindingSource(modulePath));
  return module.topBlock(module.topClass(BASE_CLASS[kind]), kind === 'provider' ? ['alias'] : []);
}
