import { existsSync, readFileSync, readdirSync } from 'fs';
import { dirname, join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { S3Backend, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { resourcesOf, testStack, warningsOf } from './util';
import { MATRIX_CLOUDS, matrixProps } from '../examples/matrix';
import { QuickStartStack } from '../examples/quickstart';
import { ChoreoRedis, ElastiCacheEngineVersion, RedisBackend, ServicePlan, Weekday } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { REPLACEMENT_GUARD_ID } from '../lib/backends/replacement-guard';
import { STAGED_CHANGE_RECORD_ID } from '../lib/backends/staged-change';
import { ALERT_SIGNAL_TITLES, AccessSupport, AlertSignal, AlertWatch } from '../lib/plan';
import { GENERATED_BLOCKS, blockIn, renderAccess, renderAlerts, serviceTitle, unwrapMarkdown, updateGenerated } from '../scripts/plan-matrix';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const README = read('README.md');
const GENERATED_FILES = [...new Set(GENERATED_BLOCKS.map((block) => block.file))];

/** The README's section under a `## ` heading, to the next one. */
function readmeSection(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The lines of a Markdown text outside fenced code blocks. */
function proseLines(text: string): Array<{ line: string; number: number }> {
  let fenced = false;
  return text.split('\n').flatMap((line, i) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line, number: i + 1 }];
  });
}

describe('the generated documents', () => {
  test.each(GENERATED_FILES)('%s is what the code generates (run `npx projen docs:matrix` after changing a backend)', (file) => {
    const text = read(file);
    expect(updateGenerated(file, text)).toBe(text);
  });

  // A table row wider than a narrow screen (or a terminal split in two) wraps into an unreadable block; the long text
  // belongs in the list below each table. (The changelog's renames are a list.)
  test('no generated table row of docs/ is wider than 160 characters', () => {
    const wide = GENERATED_BLOCKS.filter((block) => block.file.startsWith('docs/')).flatMap((block) => blockIn(read(block.file), block.file, block.name).split('\n')
      .filter((line) => line.startsWith('|') && line.length > 160).map((line) => `${block.file}: ${line.length}: ${line.slice(0, 80)}...`));
    expect(wide).toEqual([]);
  });

  test('the access reference has one table per backend, and every unavailable feature comes with its fix', () => {
    const reference = renderAccess();
    expect(unwrapMarkdown(read('docs/access.md'))).toContain(reference);
    for (const d of BACKEND_DEFINITIONS) {
      const part = reference.slice(reference.indexOf(`### ${serviceTitle(d.service)} (\`${d.factory}\`)`)).split('\n### ')[0];
      expect(part.split('\n').filter((line) => /^\| (credentials|rotation|identity)/.test(line))).toHaveLength(3);
      for (const capability of [d.access.rotation, d.access.identity]) {
        expect(part).toContain(capability.detail.replace(/\|/g, '\\|'));
        if (capability.support === AccessSupport.UNAVAILABLE) {
          expect(capability.fix).toBeDefined();
          expect(part).toContain(`Fix: ${capability.fix}`);
        }
      }
    }
  });

  test('the alert reference has, per backend, one row per signal, and gives each its metric or the reason it has none', () => {
    const reference = renderAlerts();
    expect(unwrapMarkdown(read('docs/alerts.md'))).toContain(reference);
    for (const d of BACKEND_DEFINITIONS.filter((definition) => definition.alerts !== undefined)) {
      const part = reference.slice(reference.indexOf(`### ${serviceTitle(d.service)} (\`${d.factory}\`)`)).split('\n### ')[0];
      const rows = part.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| signal'));
      expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(Object.values(AlertSignal).map((s) => ALERT_SIGNAL_TITLES[s]));
      for (const [signal, coverage] of Object.entries(d.alerts!.coverage)) {
        expect(coverage.detail.length).toBeGreaterThan(20);
        expect(part).toContain(`| ${ALERT_SIGNAL_TITLES[signal as AlertSignal]} | ${coverage.watch === AlertWatch.UNAVAILABLE ? '**unavailable**' : coverage.watch} |`);
        expect(part).toContain(`- **${ALERT_SIGNAL_TITLES[signal as AlertSignal]}**: ${coverage.detail.replace(/\|/g, '\\|')}`);
      }
    }
  });
});

describe('the README reads on a narrow screen and finds what it links to', () => {
  // 400 lines keeps the README a guide to read through, with every reference in docs/. 200 characters a line outside
  // code blocks: prose is wrapped at 120, and a table row that wraps twice on a laptop's half screen is unreadable;
  // code keeps its own line lengths, as it is copied rather than read on a phone.
  test('it is under 400 lines, none over 200 characters outside code blocks', () => {
    expect(README.split('\n').length).toBeLessThan(400);
    expect(proseLines(README).filter(({ line }) => line.length > 200).map(({ number, line }) => `${number}: ${line.slice(0, 60)}...`)).toEqual([]);
  });

  // Every page a user reads, wrapped at the project's 120 columns outside code blocks (code keeps its own lines, as it
  // is copied rather than read). Allowed beyond it: a line that is one word, such as a URL, which cannot be broken.
  const ALLOWED_LONG: readonly RegExp[] = [/^\s*(- )?\S+$/];
  const pages = ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];
  test.each(pages)('%s has no line over 120 characters outside code blocks', (file) => {
    const long = proseLines(read(file)).filter(({ line }) => line.length > 120 && !ALLOWED_LONG.some((allowed) => allowed.test(line)));
    expect(long.map(({ number, line }) => `${file}:${number}: ${line.length}: ${line.slice(0, 60)}...`)).toEqual([]);
  });

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const anchor = (heading: string) => heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
  const anchorsOf = (text: string) => new Set(proseLines(text).map(({ line }) => /^#+ (.*)$/.exec(line)?.[1]).filter((h) => h !== undefined).map(anchor));

  test.each(['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)])(
    'every link of %s leads to a file and heading that exist', (file) => {
      const text = read(file);
      const broken = proseLines(text).flatMap(({ line }) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]))
        .filter((target) => !/^https?:/.test(target))
        .filter((target) => {
          const [path, hash] = target.split('#');
          const linked = path === '' ? file : join(dirname(file), path);
          if (!existsSync(join(ROOT, linked))) return true;
          return hash !== undefined && !anchorsOf(read(linked)).has(hash);
        });
      expect(broken).toEqual([]);
    });
});

describe('the outputs the README names', () => {
  const idsOf = (outputs: readonly TerraformOutput[]) => outputs.map((o) => o.friendlyUniqueId);

  test('the list names every output addOutputs() defines on any backend, and no other', () => {
    const section = README.slice(README.indexOf('<!-- outputs-list'), README.indexOf('Read them with `terraform output'));
    const named = new Set([...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
    const defined = new Set(MATRIX_CLOUDS.filter((entry) => !entry.cloud.startsWith('aiven-') || entry.cloud === 'aiven-aws').flatMap((entry) => {
      const stack = testStack(entry.configure, entry.cloud);
      return idsOf(new ChoreoRedis(stack, 'Redis', matrixProps(entry, 'business', false)).addOutputs()).map((id) => id.replace(/^Redis_/, ''));
    }));
    expect([...named].sort()).toEqual([...defined].sort());
  });

  test('the quick start names its outputs under the default prefix, the construct ID, as the README says', () => {
    const ids = idsOf(new ChoreoRedis(new QuickStartStack(Testing.app(), 'cache'), 'Other', {
      plan: ServicePlan.BUSINESS, backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-0', subnetIds: ['subnet-a', 'subnet-b'] }),
    }).addOutputs());
    expect(ids.every((id) => id.startsWith('Other_'))).toBe(true);
    const quickStart = new QuickStartStack(Testing.app(), 'cache');
    const outputs = quickStart.node.findAll().filter((c): c is TerraformOutput => c instanceof TerraformOutput);
    const comment = /cache\.addOutputs\(\); \/\/ (.*)\n/.exec(README)![1];
    expect(comment.split(/, | and /)).toEqual(idsOf(outputs));
    expect(README.replace(/\s+/g, ' ')).toContain('(`Cache` for the quick start, so `terraform output -raw Cache_uri`)');
  });

  test('the quick start is examples/consumer/main.ts, and prints the one warning the README says it does', () => {
    const start = README.indexOf('## Quick start\n\n```ts\n') + '## Quick start\n\n```ts\n'.length;
    expect(README.slice(start, README.indexOf('```', start))).toBe(read('examples/consumer/main.ts'));
    const cache = new QuickStartStack(Testing.app(), 'cache').node.findChild('Cache');
    expect(warningsOf(cache).map((w) => /^\[(\w+)\]/.exec(w)?.[1])).toEqual(['NetworkAccessNotKept']);
    expect(README).toContain('Its first synth prints one warning, by design: `[NetworkAccessNotKept]`');
  });
});

describe('what the README\'s tasks say the Terraform does', () => {
  const awsStack = () => testStack((stack) => {
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RandomProvider(stack, 'random');
  });

  test('the escape hatch\'s override changes the attribute it names in the synthesized replication group', () => {
    const [, attribute, value] = /`cache\.resource\.addOverride\('(\w+)', '(\w+)'\)`/.exec(readmeSection('Escape hatches'))!;
    const synthesized = (override: boolean) => {
      const stack = awsStack();
      const cache = new ChoreoRedis(stack, 'Cache', {
        plan: ServicePlan.BUSINESS, backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0a', 'subnet-0b'] }),
      });
      if (override) cache.resource.addOverride(attribute, value);
      return Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'))[0][attribute];
    };
    expect(synthesized(false)).not.toBe(value);
    expect(synthesized(true)).toBe(value);
  });

  test('the deploy section\'s state backend is encrypted and locked', () => {
    const section = readmeSection('Deploy');
    const stack = new TerraformStack(Testing.app(), 'cache');
    const config = /new S3Backend\(stack, \{\n  bucket: '([\w-]+)'.*\n  key: '([\w/.-]+)',\n  region: '([\w-]+)',\n  encrypt: (true),\n\}\);/.exec(section)!;
    expect(config).not.toBeNull();
    const state = new S3Backend(stack, { bucket: config[1], key: config[2], region: config[3], encrypt: true });
    expect(section).toContain('state.addOverride(\'use_lockfile\', true);');
    state.addOverride('use_lockfile', true);
    expect(JSON.parse(Testing.synth(stack)).terraform.backend.s3).toMatchObject({ encrypt: true, use_lockfile: true });
  });

  test('the rotation section sorts every backend by what its rotation does', () => {
    const items = readmeSection('Rotate credentials').split('\n- ').slice(1).map((item) => item.replace(/\s+/g, ' '));
    const [withoutDowntime, nothing, unavailable] = ['**Without downtime**', '**Nothing to rotate**', '**Unavailable**']
      .map((label) => items.find((item) => item.startsWith(label))!);
    for (const d of BACKEND_DEFINITIONS) {
      const holding = [withoutDowntime, nothing, unavailable].filter((item) => item.includes(d.service));
      expect([d.service, holding.length]).toEqual([d.service, 1]);
      expect([d.service, holding[0] === unavailable]).toEqual([d.service, d.access.rotation.support === AccessSupport.UNAVAILABLE]);
    }
  });

  test('the adoption section names the promise its example does not keep, and the warnings that cut off every client', () => {
    const section = readmeSection('Adopt an existing data store');
    const code = section.slice(section.indexOf('```ts'), section.indexOf('```\n', section.indexOf('```ts')));
    // The example as the README writes it (scripts/consumer-test.sh synthesizes the block itself).
    for (const text of ['ElastiCacheEngineVersion.REDIS_7_1', "replicationGroupId: 'orders-cache'", "allowedCidrs: ['10.20.0.0/16']"]) {
      expect(code).toContain(text);
    }
    const stack = awsStack();
    const cache = new ChoreoRedis(stack, 'Cache', {
      plan: ServicePlan.BUSINESS,
      allowedCidrs: ['10.20.0.0/16'],
      backend: RedisBackend.elastiCache({
        region: 'eu-west-1',
        network: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
        engineVersion: ElastiCacheEngineVersion.REDIS_7_1,
        backupHour: 2,
        maintenanceWindow: { day: Weekday.SUNDAY, hour: 4 },
        adopt: { replicationGroupId: 'orders-cache', subnetGroupName: 'orders-cache-subnets' },
      }),
    });
    const codes = warningsOf(cache).map((w) => /^\[(\w+)\]/.exec(w)![1]);
    const named = [...codes.filter((c) => !c.startsWith('Adopted')), 'AdoptedCredentialsReplaced', 'AdoptedSecurityGroupsReplaced'];
    expect(codes).toEqual(expect.arrayContaining(named));
    for (const c of named) expect([c, section]).toEqual([c, expect.stringContaining(`\`${c}\``)]);
  });

  test('every backend takes the adopt prop the adoption section names', () => {
    expect(readmeSection('Adopt an existing data store')).toContain('Every backend takes `adopt`');
    for (const d of BACKEND_DEFINITIONS) expect([d.service, d.propTypes.adopt]).toEqual([d.service, expect.anything()]);
  });

  test('the account of changing plans names what the code defines: the guard, the acceptance prop, every restore prop, and the record and prop of moves in steps', () => {
    const restoreProps = [...new Set(BACKEND_DEFINITIONS.map((d) => d.changes.carry.restoreProp).filter((p) => p !== undefined))];
    expect(restoreProps.length).toBeGreaterThan(0);
    const stepsProps = BACKEND_DEFINITIONS.flatMap((d) => (d.changes.updateRules ?? []).map((r) => r.stepsProp)).filter((p) => p !== undefined);
    expect(stepsProps.length).toBeGreaterThan(0);
    const changes = read('docs/changes.md');
    for (const section of [readmeSection('Change plan'), changes.slice(0, changes.indexOf('<!-- changes:begin'))]) {
      for (const name of [REPLACEMENT_GUARD_ID, 'acceptReplacement', ...restoreProps, STAGED_CHANGE_RECORD_ID]) {
        expect([name, section]).toEqual([name, expect.stringContaining(`\`${name}\``)]);
      }
      for (const prop of stepsProps) expect([prop, section]).toEqual([prop, expect.stringContaining(`\`${prop}: {`)]);
    }
  });
});
