/**
 * Aiven's provider has no cdktf binding to derive a schema from, and the library's hand-typed binding is what the
 * lane checks, so it cannot be the source either. The provider's generated documentation (tfplugindocs markdown,
 * `docs/resources/<name>.md` and `docs/data-sources/<name>.md` of terraform-provider-aiven) lists every attribute
 * with its type, Required, Optional or Read-Only, Sensitive, Write-only, nested blocks and their Max items. This
 * reads those pages into the schema model; `aiven.json` holds the result for the pinned version, written by
 *
 *   node --require ./test/terraform/swc-register.cjs test/terraform/schema/aiven-docs.ts <provider checkout at v4.61.0>
 *
 * The pages cannot tell Optional from Optional and Computed: an optional attribute is taken as possibly computed,
 * so the stand-in plans an unset one as unknown rather than null, as the provider may fill it.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, Nesting } from './model';

/** The types the stacks use, and the pin they are read at. */
export const AIVEN_VERSION = '4.61.0';
const PAGES = { resources: ['valkey', 'valkey_user'], dataSources: ['service_plan_list'] } as const;

/**
 * The provider's own configuration: `api_token`, optional and sensitive (internal/plugin/provider.go at v4.61.0;
 * the documentation's index page has no schema section).
 */
const PROVIDER: BlockSchema = {
  attributes: [{ name: 'api_token', type: 'string', required: false, optional: true, computed: false, sensitive: true }],
  blocks: [],
};

interface Item {
  readonly name: string;
  readonly section: 'Required' | 'Optional' | 'Read-Only';
  readonly kind: string;
  readonly sensitive: boolean;
  readonly writeOnly: boolean;
  readonly maxItems?: number;
  readonly anchor?: string;
}

const SCALAR: Readonly<Record<string, CtyType>> = { String: 'string', Number: 'number', Boolean: 'bool', Dynamic: 'dynamic' };

/** Each "Nested Schema for `path`" section (and the top, as `''`) with its items. */
function sections(page: string): Map<string, Item[]> {
  const result = new Map<string, Item[]>([['', []]]);
  let anchor = '';
  let current = '';
  let section: Item['section'] = 'Optional';
  for (const line of page.slice(page.indexOf('## Schema')).split('\n')) {
    const id = /^<a id="([^"]+)"><\/a>$/.exec(line);
    if (id !== null) anchor = id[1];
    const nested = /^### Nested Schema for `([^`]+)`$/.exec(line);
    if (nested !== null) { current = anchor; result.set(current, []); continue; }
    const heading = /^(?:### )?(Required|Optional|Read-Only):?$/.exec(line);
    if (heading !== null) { section = heading[1] as Item['section']; continue; }
    const item = /^- `(\w+)` \(([^)]*(?:\([^)]*\)[^)]*)*)\)(.*)$/.exec(line);
    if (item === null) continue;
    const [, name, flags, rest] = item;
    const parts = flags.split(', ');
    result.get(current)!.push({
      name,
      section,
      kind: parts.filter((p) => !/^(Sensitive|Deprecated|Optional|\[?Write-only|Max: \d+)/.test(p)).join(', '),
      sensitive: parts.includes('Sensitive'),
      writeOnly: parts.some((p) => p.startsWith('[Write-only')),
      ...maxItemsOf(parts),
      ...anchorOf(rest),
    });
  }
  return result;
}

function anchorOf(text: string): { anchor?: string } {
  const link = /\(see \[below for nested schema\]\(#([^)]+)\)\)/.exec(text);
  return link === null ? {} : { anchor: link[1] };
}

function maxItemsOf(parts: readonly string[]): { maxItems?: number } {
  const max = parts.map((p) => /^Max: (\d+)$/.exec(p)).find((m) => m !== null);
  return max === undefined || max === null ? {} : { maxItems: Number(max[1]) };
}

function blockOf(all: Map<string, Item[]>, key: string): BlockSchema {
  const attributes: AttributeSchema[] = [];
  const blocks: NestedBlockSchema[] = [];
  for (const item of all.get(key) ?? []) {
    const flags = {
      required: item.section === 'Required',
      optional: item.section === 'Optional',
      computed: item.section !== 'Required',
      sensitive: item.sensitive,
      ...(item.writeOnly ? { writeOnly: true } : {}),
    };
    const block = /^Block(?: (List|Set|Map))?$/.exec(item.kind);
    const nestedAttributes = /^Attributes(?: (List|Set|Map))?$/.exec(item.kind);
    const collection = /^(List|Set|Map) of (\w+)$/.exec(item.kind);
    if (block !== null && item.section !== 'Read-Only') {
      const nesting = (block[1]?.toLowerCase() ?? 'single') as Nesting;
      blocks.push({ name: item.name, nesting, block: blockOf(all, item.anchor!), minItems: item.section === 'Required' ? 1 : 0, maxItems: item.maxItems ?? 0 });
    } else if (block !== null || nestedAttributes !== null) {
      // A read-only block, or nested attributes: an attribute whose elements have the nested section's fields.
      const nesting = ((block ?? nestedAttributes)![1]?.toLowerCase() ?? 'single') as Nesting;
      attributes.push({ name: item.name, ...flags, nested: { nesting, attributes: blockOf(all, item.anchor!).attributes } });
    } else if (collection !== null) {
      const kind = collection[1].toLowerCase() as 'list' | 'set' | 'map';
      const element: CtyType = collection[2] === 'Object'
        ? ['object', Object.fromEntries(blockOf(all, item.anchor!).attributes.map((a) => [a.name, a.type!]))]
        : SCALAR[collection[2]];
      attributes.push({ name: item.name, type: [kind, element], ...flags });
    } else {
      const type = SCALAR[item.kind];
      if (type === undefined) throw new Error(`cannot read the type "${item.kind}" of ${item.name}`);
      attributes.push({ name: item.name, type, ...flags });
    }
  }
  return { attributes, blocks };
}

/** The schema a tfplugindocs page describes. */
export function schemaOfPage(page: string): BlockSchema {
  return blockOf(sections(page), '');
}

function main(checkout: string): void {
  const read = (dir: string, name: string) => schemaOfPage(readFileSync(join(checkout, 'docs', dir, `${name}.md`), 'utf8'));
  const schema = {
    version: AIVEN_VERSION,
    provider: PROVIDER,
    resources: Object.fromEntries(PAGES.resources.map((n) => [`aiven_${n}`, read('resources', n)])),
    dataSources: Object.fromEntries(PAGES.dataSources.map((n) => [`aiven_${n}`, read('data-sources', n)])),
  };
  writeFileSync(join(__dirname, 'aiven.json'), `${JSON.stringify(schema, undefined, 1)}\n`);
}

if (require.main === module) main(process.argv[2]!);
