/**
 * Measures the derived schemas against exact schema dumps (`terraform providers schema -json` output, one JSON
 * document per type): `node --require ./test/terraform/swc-register.cjs test/terraform/schema/fidelity.ts
 * <dump-dir> <type>...`, where `<dump-dir>/resource/<type>.json` and `<dump-dir>/data/<type>.json` hold the
 * `block` of each type. Prints every difference and the count of attributes and blocks compared.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { attributeType, BlockSchema } from './model';
import { schemaFor } from './providers';

interface DumpAttribute {
  type?: unknown;
  nested_type?: { attributes: Record<string, DumpAttribute>; nesting_mode: string };
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  write_only?: boolean;
}
interface DumpBlock {
  attributes?: Record<string, DumpAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: DumpBlock; min_items?: number; max_items?: number }>;
}

function typeOfDump(a: DumpAttribute): unknown {
  if (a.type !== undefined) return a.type;
  const fields = Object.fromEntries(Object.entries(a.nested_type!.attributes).map(([k, v]) => [k, typeOfDump(v)]));
  const object = ['object', fields];
  return a.nested_type!.nesting_mode === 'single' ? object : [a.nested_type!.nesting_mode, object];
}

export function compareBlocks(path: string, derived: BlockSchema, dump: DumpBlock, out: string[]): number {
  let compared = 0;
  const attrs = new Map(derived.attributes.map((a) => [a.name, a]));
  const blocks = new Map(derived.blocks.map((b) => [b.name, b]));
  for (const [name, d] of Object.entries(dump.attributes ?? {})) {
    compared++;
    const a = attrs.get(name);
    if (a === undefined) { out.push(`${path}.${name}: missing attribute${blocks.has(name) ? ' (derived as a block)' : ''}`); continue; }
    attrs.delete(name);
    for (const flag of ['required', 'optional', 'computed', 'sensitive'] as const) {
      if ((d[flag] ?? false) !== a[flag]) out.push(`${path}.${name}: ${flag} ${d[flag] ?? false} in the dump, ${a[flag]} derived`);
    }
    if ((d.write_only ?? false) !== (a.writeOnly ?? false)) {
      out.push(`${path}.${name}: write_only ${d.write_only ?? false} in the dump, ${a.writeOnly ?? false} derived`);
    }
    const want = JSON.stringify(typeOfDump(d));
    const got = JSON.stringify(attributeType(a));
    if (want !== got) out.push(`${path}.${name}: type ${want} in the dump, ${got} derived`);
  }
  for (const [name, d] of Object.entries(dump.block_types ?? {})) {
    compared++;
    const b = blocks.get(name);
    if (b === undefined) { out.push(`${path}.${name}: missing block${attrs.has(name) ? ' (derived as an attribute)' : ''}`); attrs.delete(name); continue; }
    blocks.delete(name);
    if (d.nesting_mode !== b.nesting) out.push(`${path}.${name}: nesting ${d.nesting_mode} in the dump, ${b.nesting} derived`);
    if ((d.min_items ?? 0) !== b.minItems) out.push(`${path}.${name}: min_items ${d.min_items ?? 0} in the dump, ${b.minItems} derived`);
    if ((d.max_items ?? 0) !== b.maxItems) out.push(`${path}.${name}: max_items ${d.max_items ?? 0} in the dump, ${b.maxItems} derived`);
    compared += compareBlocks(`${path}.${name}`, b.block, d.block, out);
  }
  for (const name of [...attrs.keys(), ...blocks.keys()]) out.push(`${path}.${name}: derived, not in the dump`);
  return compared;
}

function main(dumpDir: string, types: string[]): void {
  const out: string[] = [];
  let compared = 0;
  for (const spec of types) {
    const [kind, type] = spec.startsWith('data.') ? ['data', spec.slice(5)] as const : ['resource', spec] as const;
    const file = join(dumpDir, kind, `${type}.json`);
    if (!existsSync(file)) { out.push(`${spec}: no dump`); continue; }
    const dump = JSON.parse(readFileSync(file, 'utf8')) as { block: DumpBlock };
    const schema = schemaFor(type.split('_')[0]!, { resources: kind === 'resource' ? [type] : [], dataSources: kind === 'data' ? [type] : [] });
    compared += compareBlocks(spec, (kind === 'data' ? schema.dataSources : schema.resources)[type]!, dump.block, out);
  }
  console.log(out.join('\n'));
  console.log(`${types.length} types, ${compared} attributes and blocks compared, ${out.length} differences`);
}

if (require.main === module) main(process.argv[2]!, process.argv.slice(3));
