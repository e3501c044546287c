/**
 * Prose that states what the Terraform or the CLI does, in the README and the reference pages of docs/, checked against
 * the code the way the generated tables are: persistence (mode and interval) in every place the pages and the
 * factories' documentation name it, the verifier's rows, and the Node.js versions.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { MATRIX_CLOUDS, MatrixCloud, matrixProps } from '../examples/matrix';
import { ChoreoRedis } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { ProductPromise } from '../lib/plan';
import { notCheckedRows } from '../lib/verify/judge';
import { serviceTitle, unwrapMarkdown } from '../scripts/plan-matrix';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** A page of docs/, its wrapped list items each on one line again. */
const doc = (name: string) => unwrapMarkdown(readFileSync(join(ROOT, 'docs', name), 'utf8'));

/** How a data store keeps recent writes on disk: the mode and, where the service has one, how often it writes. */
interface Persistence {
  readonly mode: 'AOF' | 'RDB' | 'none';
  readonly every?: string;
}

const RDB_PERIODS: Readonly<Record<string, string>> = {
  'ONE_HOUR': 'hour',
  'SIX_HOURS': '6 hours',
  'TWELVE_HOURS': '12 hours',
  'TWENTY_FOUR_HOURS': '24 hours',
  '1h': 'hour',
  '6h': '6 hours',
  '12h': '12 hours',
};

/** The persistence the synthesized Terraform sets, read from each service's own attributes. */
function persistenceIn(resources: Record<string, Record<string, any>>): Persistence {
  const first = (type: string) => Object.values(resources[type] ?? {})[0];
  const azure = first('azurerm_managed_redis')?.default_database;
  if (azure !== undefined) {
    if (azure.persistence_append_only_file_backup_frequency === '1s') return { mode: 'AOF', every: 'second' };
    return { mode: 'RDB', every: RDB_PERIODS[azure.persistence_redis_database_backup_frequency] };
  }
  const redis = first('google_redis_instance')?.persistence_config;
  if (redis !== undefined) return { mode: redis.persistence_mode, every: RDB_PERIODS[redis.rdb_snapshot_period] };
  const valkey = first('google_memorystore_instance')?.persistence_config;
  if (valkey !== undefined) {
    return valkey.mode === 'AOF' ? { mode: 'AOF', every: valkey.aof_config?.append_fsync === 'EVERY_SEC' ? 'second' : 'write' }
      : { mode: valkey.mode, every: RDB_PERIODS[valkey.rdb_config?.rdb_snapshot_period] };
  }
  const digitalOcean = first('digitalocean_database_valkey_config');
  if (digitalOcean !== undefined) return { mode: digitalOcean.persistence.toUpperCase(), every: digitalOcean.frequent_snapshots ? '10 minutes' : undefined };
  const aiven = first('aiven_valkey')?.valkey_user_config;
  if (aiven !== undefined) return { mode: aiven.valkey_persistence.toUpperCase(), every: aiven.frequent_snapshots ? '10 minutes' : undefined };
  if (first('aws_elasticache_replication_group') !== undefined) return { mode: 'none' };
  throw new Error(`no data store among ${Object.keys(resources).join(', ')}`);
}

/** A clause that states a persistence mode, and the interval it names, if any. */
interface Claim {
  readonly text: string;
  readonly mode: string;
  readonly every?: string;
}

/** Clauses of `text` (sentences, list items, table cells) that state how data is persisted. */
function persistenceClaims(text: string): Claim[] {
  return text.split(/(?<=[.;|])\s|\n(?=[-|*])|\|/).flatMap((clause) => {
    // A change from one mode to the other, or the mode a service lacks, states no setting of its own.
    if (/\b(RDB|AOF) to (RDB|AOF)\b|chosen over|defined with|has no (AOF|RDB|append-only)|no append-only|only one mode|at most one of/i.test(clause)) return [];
    const match = /\b(AOF|RDB)\b[^.;|()]{0,12}persistence|persistence[^.;|]{0,6}?\s*=\s*"(rdb|aof)"|\b(hourly) RDB/i.exec(clause);
    if (match === null) return [];
    const mode = (match[1] ?? match[2] ?? 'RDB').toUpperCase();
    const interval = /every (second|hour|\d+ (?:minutes|hours))|\b(hourly)\b|"1s"|every 1s|EVERY_SEC/i.exec(clause);
    const every = interval === null ? undefined : interval[1] ?? (interval[2] !== undefined ? 'hour' : 'second');
    return [{ text: clause.trim(), mode, every }];
  });
}

/** The pages' sections about one backend, and its factory's documentation (which API.md shows). */
function textsAbout(service: string, factory: string): Record<string, string> {
  /** From the first line of `text` matching `heading` to the next `end`. */
  const section = (text: string, heading: RegExp, end: RegExp) => {
    const match = heading.exec(text);
    if (match === null) return '';
    const rest = text.slice(match.index + match[0].length);
    const stop = rest.search(end);
    return stop < 0 ? rest : rest.slice(0, stop);
  };
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = readFileSync(join(ROOT, 'lib', 'backends', 'redis-backend.ts'), 'utf8');
  const factoryDoc = source.slice(0, source.indexOf(`public static ${factory}(`)).split('/**').pop() ?? '';
  const conformance = doc('conformance.md').split('\n### ').filter((part) => part.split('\n')[0].endsWith(`(${serviceTitle(service)})`))
    .map((part) => part.split(/\n### |\n<!--/)[0]).join('\n');
  return {
    'docs/backends.md section': section(doc('backends.md'), new RegExp(`^## [^\\n]*${literal(service)}\\n`, 'm'), /\n## /),
    'docs/conformance.md tables': conformance,
    'docs/changes.md table': section(doc('changes.md'), new RegExp(`^### ${literal(serviceTitle(service))}\\n`, 'm'), /\n### |\n<!--/),
    'docs/lifecycle.md': section(doc('lifecycle.md'), new RegExp(`^### ${literal(serviceTitle(service))} \\(`, 'm'), /\n### |\n<!--/),
    [`RedisBackend.${factory}() documentation`]: factoryDoc,
    'docs/alerts.md': Object.values(BACKEND_DEFINITIONS.find((d) => d.factory === factory)?.alerts?.coverage ?? {}).map((c) => `${c.detail}.`).join('\n'),
  };
}

/** One business data store of each backend, as the matrix app defines it, synthesized once. */
function synthesizedBusiness(entry: MatrixCloud): Record<string, Record<string, any>> {
  const stack = new TerraformStack(Testing.app(), 'prose');
  entry.configure(stack);
  new ChoreoRedis(stack, 'Redis', matrixProps(entry, 'business', false));
  return JSON.parse(Testing.synth(stack)).resource;
}

describe('persistence, wherever the README or the factories\' documentation state it', () => {
  // One matrix entry per backend (Aiven runs the same settings on every cloud).
  const entries = BACKEND_DEFINITIONS.map((definition) => MATRIX_CLOUDS.find((entry) => entry.backend(matrixProps(entry, 'business').plan).backendId === definition.id)!);

  test.each(entries.map((entry, i) => [BACKEND_DEFINITIONS[i].service, BACKEND_DEFINITIONS[i].factory, entry] as const))('%s', (service, factory, entry) => {
    const truth = persistenceIn(synthesizedBusiness(entry));
    const texts = textsAbout(service, factory);
    expect(texts['docs/backends.md section'].length).toBeGreaterThan(200);
    expect(texts['docs/conformance.md tables'].length).toBeGreaterThan(200);
    expect(texts['docs/changes.md table'].length).toBeGreaterThan(200);
    const wrong = Object.entries(texts).flatMap(([where, text]) => persistenceClaims(text)
      .filter((claim) => claim.mode !== truth.mode || (claim.every !== undefined && claim.every !== truth.every))
      .map((claim) => `${where}: "${claim.text}" says ${claim.mode}${claim.every === undefined ? '' : ` every ${claim.every}`}`));
    expect(wrong).toEqual([]);
    // Where the service persists, the backend's section says how.
    if (truth.mode !== 'none') expect(persistenceClaims(texts['docs/backends.md section']).length).toBeGreaterThan(0);
  });

  test('the check finds the statements it is meant to refuse', () => {
    expect(persistenceClaims('access-key authentication on, and RDB persistence every hour. Clients connect')).toEqual([
      { text: 'access-key authentication on, and RDB persistence every hour.', mode: 'RDB', every: 'hour' },
    ]);
    expect(persistenceClaims('`SERVER_AUTHENTICATION` TLS, `IAM_AUTH`, hourly RDB persistence, automated daily backups')[0]).toMatchObject({ mode: 'RDB', every: 'hour' });
    expect(persistenceClaims('| disaster-recovery backup | native | AOF persistence, written every 1s; Azure rehydrates |')[0]).toMatchObject({ mode: 'AOF', every: 'second' });
    expect(persistenceClaims('RDB to AOF (as a cache defined with hourly RDB takes this library\'s AOF every second) updates')).toEqual([]);
  });
});

describe('the verifier\'s rows', () => {
  test('docs/verify.md\'s table of rows lists every row the CLI prints, in its order', () => {
    const verify = doc('verify.md');
    const section = verify.slice(verify.indexOf('It prints one row per promise'));
    const list = section.slice(0, section.indexOf('\n\n', section.indexOf('\n- `')));
    const rows = list.split('\n').filter((line) => /^- `/.test(line)).map((line) => /^- `([^`]+)`: checked by /.exec(line)![1]);
    expect(rows).toEqual([ProductPromise.TLS, ...notCheckedRows('-').map((row) => row.promise)]);
  });
});

describe('Node.js versions', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

  test('the README states the minimum that package.json\'s engines states, and the version the tests run on', () => {
    const minimum = /^>= ?(\d+)/.exec(pkg.engines.node)![1];
    expect(README).toContain(`Node.js ${minimum} or later, as \`engines\` says`);
    expect(README).toContain(`the test suite runs on Node.js ${process.versions.node.split('.')[0]}`);
    expect(README).not.toMatch(/\bNode \d+ or later/);
  });
});
