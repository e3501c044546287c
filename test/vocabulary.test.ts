/**
 * One vocabulary: the same concept has the same prop name and type on every backend, the same refusal the same error
 * code, and each kind of table one naming pattern. The props are read from the TypeScript interfaces themselves, so a
 * new backend prop named with a synonym fails here.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { propsInterfaceOf } from '../lib/backends/redis-backend';
import { RENAMED_PROPS } from '../lib/plan';

const LIB = join(__dirname, '..', 'lib');
const BACKENDS = join(LIB, 'backends');

/** One prop of a props interface, as declared. */
interface DeclaredProp {
  readonly name: string;
  /** The type as written, such as `string` or `MaintenanceWindow | string`. */
  readonly type: string;
  readonly optional: boolean;
  readonly deprecated: boolean;
}

/** The props of every exported interface named `*BackendProps` in a file. */
function propsInterfaces(file: string): Record<string, DeclaredProp[]> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, DeclaredProp[]> = {};
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || !node.name.text.endsWith('BackendProps')) return;
    found[node.name.text] = node.members.filter(ts.isPropertySignature).map((member) => ({
      name: member.name.getText(source),
      type: member.type?.getText(source) ?? 'unknown',
      optional: member.questionToken !== undefined,
      deprecated: ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated'),
    }));
  });
  return found;
}

/** Every backend's props interface, by backend ID. */
const INTERFACES: Record<string, { name: string; props: DeclaredProp[] }> = Object.fromEntries(BACKEND_DEFINITIONS.map((definition) => {
  const name = propsInterfaceOf(definition);
  const props = propsInterfaces(join(BACKENDS, definition.id, 'props.ts'))[name];
  return [definition.id, { name, props }];
}));

/**
 * The shared concepts: the one prop name and type each has wherever a backend takes it, and the synonyms no backend may
 * use for it. `typeOn` gives a backend its own type where the cloud identifies the thing differently.
 */
const CONCEPTS: ReadonlyArray<{
  readonly concept: string;
  readonly prop: string;
  readonly type: string;
  readonly typeOn?: Readonly<Record<string, { readonly type: string; readonly why: string }>>;
  readonly synonyms: readonly string[];
}> = [
  { concept: 'the cloud region', prop: 'region', type: 'string', synonyms: ['location', 'regionName', 'regionId', 'regionSlug', 'locationId'] },
  {
    concept: 'the private network the data store joins',
    prop: 'network',
    type: 'string',
    synonyms: ['vpc', 'vpcId', 'vpcUuid', 'networkId', 'networkName', 'authorizedNetwork', 'privateNetwork', 'privateNetworkUuid', 'virtualNetwork', 'virtualNetworkId'],
  },
  { concept: 'the project the data store belongs to', prop: 'project', type: 'string', synonyms: ['projectId', 'projectName', 'projectUuid'] },
  { concept: 'a customer-managed encryption key', prop: 'kmsKey', type: 'string', synonyms: ['kmsKeyArn', 'kmsKeyId', 'kmsKeyName', 'cmk', 'customerManagedKey', 'encryptionKey'] },
  {
    concept: 'a private DNS zone for the data store\'s record',
    prop: 'privateDnsZone',
    type: 'MemorystorePrivateDnsZone',
    typeOn: { 'azure-managed-redis': { type: 'string', why: 'Azure names an existing zone by its resource ID; Cloud DNS needs the zone\'s DNS name besides its name' } },
    synonyms: ['privateDnsZoneId', 'dnsZone', 'dnsZoneId', 'privateZone', 'managedZone'],
  },
  {
    concept: 'the weekly maintenance window',
    prop: 'maintenanceWindow',
    type: 'MaintenanceWindow',
    typeOn: { elasticache: { type: 'MaintenanceWindow | string', why: 'the old string form is accepted with a warning until the release that removes it' } },
    synonyms: ['maintenanceDay', 'maintenanceHour', 'maintenanceWindowDow', 'maintenanceWindowTime', 'maintenanceWindowStart', 'maintenanceTime', 'patchSchedule'],
  },
  { concept: 'the hour of the daily backup or export', prop: 'backupHour', type: 'number', synonyms: ['exportHourUtc', 'backupHourUtc', 'exportHour', 'backupStartHour'] },
  { concept: 'an existing data store to adopt', prop: 'adopt', type: '*Adoption', synonyms: ['importExisting', 'existing', 'adoption'] },
  { concept: 'the engine and its version', prop: 'engineVersion', type: '*Version', synonyms: ['redisVersion', 'valkeyVersion', 'version', 'engine'] },
];

const current = (id: string) => INTERFACES[id].props.filter((p) => !p.deprecated);

describe.each(BACKEND_DEFINITIONS.map((d) => [d.id] as const))('%s props', (id) => {
  test('its props interface is found', () => {
    expect(INTERFACES[id].props.length).toBeGreaterThan(0);
  });

  test('no prop is named with a synonym of a shared concept', () => {
    const synonyms = CONCEPTS.flatMap((c) => c.synonyms.map((s) => [s, c] as const));
    const found = current(id).flatMap((p) => synonyms.filter(([s]) => s.toLowerCase() === p.name.toLowerCase())
      .map(([, c]) => `${INTERFACES[id].name}.${p.name} names ${c.concept}: call it ${c.prop}`));
    expect(found).toEqual([]);
  });

  test('each shared concept it takes has the concept\'s type', () => {
    const wrong = CONCEPTS.flatMap((c) => {
      const prop = current(id).find((p) => p.name === c.prop);
      if (prop === undefined) return [];
      const type = c.typeOn?.[id]?.type ?? c.type;
      const fits = type.startsWith('*') ? prop.type.endsWith(type.slice(1)) : prop.type === type;
      return fits ? [] : [`${INTERFACES[id].name}.${c.prop} is ${prop.type}, not ${type}`];
    });
    expect(wrong).toEqual([]);
  });

  test('its region is `region`, as the factory reads it', () => {
    expect(BACKEND_DEFINITIONS.find((d) => d.id === id)?.regionProp).toBe('region');
    expect(current(id).map((p) => p.name)).toContain('region');
  });

  test('each deprecated prop is an old name the Changelog lists, and each old name listed is a deprecated prop', () => {
    const deprecated = INTERFACES[id].props.filter((p) => p.deprecated).map((p) => p.name).sort();
    const listed = RENAMED_PROPS.filter((r) => r.interfaceName === INTERFACES[id].name).map((r) => r.before).sort();
    expect(deprecated).toEqual(listed);
  });
});

test('no two current prop names of the backends differ only by case or an Id, Uuid, Arn or Utc suffix', () => {
  const stem = (name: string) => name.replace(/(Id|Uuid|Arn|Utc)$/, '').toLowerCase();
  const byStem = new Map<string, Set<string>>();
  BACKEND_DEFINITIONS.forEach((d) => current(d.id).forEach((p) => byStem.set(stem(p.name), (byStem.get(stem(p.name)) ?? new Set()).add(p.name))));
  expect([...byStem.values()].filter((names) => names.size > 1).map((names) => [...names])).toEqual([]);
});

test('a concept\'s synonyms are nobody\'s prop name: every synonym is another concept\'s name or unused', () => {
  const names = CONCEPTS.map((c) => c.prop);
  CONCEPTS.forEach((c) => c.synonyms.forEach((s) => expect(names).not.toContain(s)));
});

/** Every file of lib/, recursively, but the harnesses' tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  const codes = new Set(sourceFiles(LIB).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new ChoreoRedisError\(\s*'(\w+)'/g)].map((m) => m[1])));

  test('are found', () => {
    expect(codes.size).toBeGreaterThan(50);
  });

  test.each([
    ['UnsupportedCidrFamily', 'UnsupportedAddressFamily'],
    ['InvalidAvailabilityZone', 'InvalidZone'],
    ['InvalidPrivateDnsZoneId', 'InvalidDnsZone'],
    ['InvalidMaintenanceDay', 'InvalidMaintenanceWindow'],
    ['IncompleteWindow', 'InvalidMaintenanceWindow'],
    ['InvalidExportHour', 'InvalidHour'],
    ['InvalidUuid', 'InvalidProject'],
    ['InvalidSubnetId', 'InvalidSubnet'],
  ])('%s is retired: the same refusal is %s', (retired, now) => {
    expect(codes).not.toContain(retired);
    expect(codes).toContain(now);
  });

  test('no two codes name the same refusal in other words', () => {
    const words: Array<[RegExp, string]> = [[/Cidr(?=Family)/, 'Address'], [/AvailabilityZone/, 'Zone'], [/PrivateDnsZone(Id)?/, 'DnsZone'], [/Id$/, ''], [/Uuid$/, ''], [/Utc$/, '']];
    const canonical = (code: string) => words.reduce((text, [pattern, word]) => text.replace(pattern, word), code);
    const byCanonical = new Map<string, string[]>();
    codes.forEach((code) => byCanonical.set(canonical(code), [...byCanonical.get(canonical(code)) ?? [], code]));
    expect([...byCanonical.values()].filter((same) => same.length > 1)).toEqual([]);
  });
});

describe('table names', () => {
  const exported = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^export const (\w+)(?::\s*([^=]+))?=/gm)].map((m) => ({ name: m[1], type: (m[2] ?? '').trim() }));

  test.each(BACKEND_DEFINITIONS.map((d) => [d.id] as const))('%s: its prop rules are <ID>_PROP_RULES', (id) => {
    const tables = exported(join(BACKENDS, id, 'validation.ts')).filter((e) => e.type.includes('PropRule<'));
    expect(tables.map((e) => e.name)).toEqual([`${id.toUpperCase().replace(/-/g, '_')}_PROP_RULES`]);
  });

  test('provider rules, by provider, are <PROVIDER>_PROVIDER_RULES', () => {
    const files = [
      ...readdirSync(BACKENDS).map((dir) => join(BACKENDS, dir, 'harness', 'rules.ts')),
      ...readdirSync(join(__dirname, 'provider-rules')).map((file) => join(__dirname, 'provider-rules', file)),
    ].filter((file) => { try { return readFileSync(file) !== undefined; } catch { return false; } });
    const tables = files.flatMap((file) => exported(file)).filter((e) => /ResourceCheck>/.test(e.type));
    expect(tables.length).toBeGreaterThanOrEqual(8);
    expect(tables.map((e) => e.name).filter((name) => !/^([A-Z]+_)?PROVIDER_RULES$/.test(name))).toEqual([]);
  });

  test('no exported table or constant (UPPER_CASE) of lib/ or the shared tests is declared twice under one name', () => {
    // Lower-case exports such as each harness's `harness` and `matrix` share their names by design: the registry loads them by it.
    const files = [...sourceFiles(LIB), ...sourceFiles(join(__dirname))];
    const names = files.flatMap((file) => exported(file).map((e) => e.name)).filter((name) => /^[A-Z][A-Z0-9_]+$/.test(name));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});
