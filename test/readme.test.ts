import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { warningsOf } from './util';
import { MATRIX_CLOUDS, matrixProps } from '../examples/matrix';
import { QuickStartStack } from '../examples/quickstart';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { REPLACEMENT_GUARD_ID } from '../lib/backends/replacement-guard';
import { STAGED_CHANGE_RECORD_ID } from '../lib/backends/staged-change';
import { ALERT_SIGNAL_TITLES, AlertSignal, AlertWatch } from '../lib/plan';
import { renderAccess, renderAlerts, updateReadme } from '../scripts/plan-matrix';

test('the README plan matrix is what the code generates (run `npx projen docs:matrix` after changing a backend)', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(updateReadme(readme)).toBe(readme);
});

test('the README access matrix has a column per backend, and each cell is native, emulated, or unavailable with the fix', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const matrix = renderAccess();
  expect(readme).toContain(matrix);
  const rows = matrix.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| access'));
  expect(rows).toHaveLength(4);
  const featureRows = rows.filter((row) => /^\| (credentials|rotation|identity)/.test(row));
  for (const row of featureRows) {
    const cells = row.split(/ (?<!\\)\| /).slice(1);
    expect(cells).toHaveLength(BACKEND_DEFINITIONS.length);
    for (const text of cells) expect(text).toMatch(/^(native: |emulated: |\*\*unavailable\*\*: .*\(fix: .+\)( \|)?$)/);
  }
});

test('the README alert matrix has one row per signal and one column per backend, and gives every unavailable signal its reason', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const matrix = renderAlerts();
  expect(readme).toContain(matrix);
  const rows = matrix.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| signal') && !line.startsWith('| targets'));
  expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(Object.values(AlertSignal).map((s) => ALERT_SIGNAL_TITLES[s]));
  for (const definition of BACKEND_DEFINITIONS.filter((d) => d.alerts !== undefined)) {
    for (const coverage of Object.values(definition.alerts!.coverage)) {
      expect(coverage.detail.length).toBeGreaterThan(20);
      expect(matrix).toContain(`${coverage.watch === AlertWatch.UNAVAILABLE ? '**unavailable**' : coverage.watch}: ${coverage.detail.replace(/\|/g, '\\|')}`);
    }
  }
});

describe('the outputs the README names', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const idsOf = (outputs: readonly TerraformOutput[]) => outputs.map((o) => o.friendlyUniqueId);

  test('the list names every output addOutputs() defines on any backend, and no other', () => {
    const section = readme.slice(readme.indexOf('<!-- outputs-list'), readme.indexOf('Read them with `terraform output'));
    const named = new Set([...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
    const defined = new Set(MATRIX_CLOUDS.filter((entry) => !entry.cloud.startsWith('aiven-') || entry.cloud === 'aiven-aws').flatMap((entry) => {
      const stack = new TerraformStack(Testing.app(), entry.cloud);
      entry.configure(stack);
      return idsOf(new ChoreoRedis(stack, 'Redis', matrixProps(entry, 'business', false)).addOutputs()).map((id) => id.replace(/^Redis_/, ''));
    }));
    expect([...named].sort()).toEqual([...defined].sort());
  });

  test('the quick start names its outputs under the default prefix, the construct ID, as the Connecting section says', () => {
    const ids = idsOf(new ChoreoRedis(new QuickStartStack(Testing.app(), 'cache'), 'Other', {
      plan: ServicePlan.BUSINESS, backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-0', subnetIds: ['subnet-a', 'subnet-b'] }),
    }).addOutputs());
    expect(ids.every((id) => id.startsWith('Other_'))).toBe(true);
    const quickStart = new QuickStartStack(Testing.app(), 'cache');
    const outputs = quickStart.node.findAll().filter((c): c is TerraformOutput => c instanceof TerraformOutput);
    const comment = /cache\.addOutputs\(\); \/\/ (.*) \(see Connecting\)/.exec(readme)![1];
    expect(comment.split(/, | and /)).toEqual(idsOf(outputs));
    expect(readme).toContain('(`Cache` for the quick start, so\n`terraform output -raw Cache_uri`)');
  });

  test('the quick start is examples/consumer/main.ts, and prints the one warning the README says it does', () => {
    const start = readme.indexOf('## Quick start\n\n```ts\n') + '## Quick start\n\n```ts\n'.length;
    expect(readme.slice(start, readme.indexOf('```', start))).toBe(readFileSync(join(__dirname, '..', 'examples', 'consumer', 'main.ts'), 'utf8'));
    const cache = new QuickStartStack(Testing.app(), 'cache').node.findChild('Cache');
    expect(warningsOf(cache).map((w) => /^\[(\w+)\]/.exec(w)?.[1])).toEqual(['NetworkAccessNotKept']);
    expect(readme).toContain('Its first synth prints one warning, by design: `[NetworkAccessNotKept]`');
  });
});

test('the README\'s account of the replacement guard names what the code defines: the guard, the acceptance prop and every restore prop', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deletion protection and changing plans'), readme.indexOf('<!-- changes:begin'));
  expect(section).toContain(`\`${REPLACEMENT_GUARD_ID}\``);
  expect(section).toContain('`acceptReplacement`');
  const restoreProps = [...new Set(BACKEND_DEFINITIONS.map((d) => d.changes.carry.restoreProp).filter((p) => p !== undefined))];
  expect(restoreProps.length).toBeGreaterThan(0);
  for (const prop of restoreProps) expect([prop, section]).toEqual([prop, expect.stringContaining(`\`${prop}\``)]);
  // Moves applied one update per deploy: the record and every prop that declares a step.
  expect(section).toContain(`\`${STAGED_CHANGE_RECORD_ID}\``);
  const stepsProps = BACKEND_DEFINITIONS.flatMap((d) => (d.changes.updateRules ?? []).map((r) => r.stepsProp))
    .filter((prop) => prop !== undefined);
  expect(stepsProps.length).toBeGreaterThan(0);
  for (const prop of stepsProps) expect([prop, section]).toEqual([prop, expect.stringContaining(`\`${prop}: {`)]);
});
