/**
 * The replacement guard's precondition, evaluated by the real Terraform (`terraform console` and a run on a stand-in
 * data store, offline: only built-in functions and the built-in provider): for every backend, it holds while the recorded attributes are unchanged, fails when they change, and holds
 * again once acceptReplacement names the digest of the new attributes; where the backend records versions, it fails on
 * a move the provider replaces (a downgrade) and holds on an upgrade. References to the guard and its locals are replaced
 * by the values Terraform would read, so the expressions the library synthesizes are what Terraform parses. Where the
 * backend reads the versions the data store runs, the guard stops a move back after an in-place upgrade, and the read
 * itself runs exactly in the plans it should.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataResource, Testing } from 'cdktf';
import { CHANGE_SCENARIOS, ChangeScenarios } from './changes/scenarios';
import { testStack } from './util';
import { ChoreoRedis, ChoreoRedisProps, ServicePlan } from '../lib';
import { guardReplacement } from '../lib/backends/replacement-guard';
import { ChangeEffect, ChangeTable, DataStoreChange, effectOf } from '../lib/plan';

interface Synthesized {
  readonly condition: string;
  readonly versions?: string;
  readonly primary: Record<string, unknown>;
  /** The `count` of the data sources that read the running versions, where the backend reads them. */
  readonly readCount?: string;
}

function synth(scenarios: ChangeScenarios, props: ChoreoRedisProps): Synthesized {
  const stack = testStack((s) => scenarios.configure(s));
  new ChoreoRedis(stack, 'Redis', props);
  const json = JSON.parse(Testing.synth(stack));
  const [primary] = Object.values<Record<string, any>>(json.resource[scenarios.table.primaryType]);
  const versions = Object.entries<string>(json.locals).find(([id]) => id.startsWith('Redis_ReplacementVersions_'))?.[1];
  const reads = Object.values<Record<string, { count?: string }>>(json.data ?? {}).flatMap((byId) => Object.values(byId));
  // The first read: its count is the guard's decision (a later one follows from what the first read found).
  const readCount = reads.map((r) => r.count).find((count) => count?.includes('terraform_data.') === true);
  // The downgrade comparisons are locals the condition names: put each in its place, so the condition stands alone.
  const condition = (primary.lifecycle.precondition.slice(-1)[0].condition as string)
    .replace(/local\.(Redis_Downgrade\w+)/g, (_, id: string) => `(${bare(json.locals[id])})`);
  return { condition, versions, primary, readCount };
}

/** A `${...}` string as the bare expression inside it. */
const bare = (template: string) => template.replace(/^\$\{/, '').replace(/\}$/, '');
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
/** What Terraform's jsonencode makes of a `${jsonencode({...})}` local of literals: keys sorted, no spaces. */
const jsonOf = (local: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(
  bare(local).replace(/^jsonencode\(/, '').replace(/\)$/, '').replace(/" = /g, '": '))).sort()));

/** The condition with the guard's record and the configured attributes replaced by literals. */
interface GuardValues {
  readonly identity: string;
  readonly versions?: string;
}

/**
 * The condition with the guard's record, the configured attributes and the running versions (as the data sources
 * read them; by default, the recorded ones) replaced by literals.
 */
function evaluable(condition: string, recorded: GuardValues, configured: GuardValues, running = recorded.versions): string {
  const literal = (text: string) => JSON.stringify(text);
  const runs = JSON.parse(running ?? '{}') as Record<string, string>;
  return bare(condition)
    .replace(/one\(data\.\w+\.\w+\.\*\.(\w+)\)/g, (_, attribute: string) => literal(runs[attribute] ?? ''))
    .replace(/local\.Redis_RunningVersions_\w+/g, literal(running ?? ''))
    .replace(/terraform_data\.\w+\.output\.identity/g, literal(recorded.identity))
    .replace(/local\.Redis_ReplacementIdentity_\w+/g, literal(configured.identity))
    .replace(/terraform_data\.\w+\.output\.versions/g, literal(recorded.versions ?? ''))
    .replace(/local\.Redis_ReplacementVersions_\w+/g, literal(configured.versions ?? ''));
}

interface Case {
  readonly label: string;
  readonly expression: string;
  readonly holds: boolean;
}

const cases: Case[] = CHANGE_SCENARIOS.flatMap((scenarios): Case[] => {
  const props = scenarios.props(ServicePlan.BUSINESS);
  const plain = synth(scenarios, props);
  const versions = plain.versions === undefined ? undefined : jsonOf(plain.versions);
  const same = { identity: 'A', versions };
  const moved = { identity: 'B', versions };
  const accepted = synth(scenarios, { ...props, acceptReplacement: digest('B') });
  const stale = synth(scenarios, { ...props, acceptReplacement: digest('C') });
  const result: Case[] = [
    { label: `${scenarios.service}: unchanged`, expression: evaluable(plain.condition, same, same), holds: true },
    { label: `${scenarios.service}: replaced`, expression: evaluable(plain.condition, same, moved), holds: false },
    { label: `${scenarios.service}: replaced and accepted`, expression: evaluable(accepted.condition, same, moved), holds: true },
    { label: `${scenarios.service}: replaced, another replacement accepted`, expression: evaluable(stale.condition, same, moved), holds: false },
  ];
  if (scenarios.table.versionGuard === undefined) return result;
  const moves = [...scenarios.pairs[DataStoreChange.ENGINE_UPGRADE] ?? [], ...scenarios.pairs[DataStoreChange.ENGINE_DOWNGRADE] ?? []];
  return [...result, ...moves.flatMap(([beforeProps, afterProps], i) => {
    const before = synth(scenarios, beforeProps);
    const after = synth(scenarios, afterProps);
    const replaces = effectOf(scenarios.table, before.primary, after.primary) === ChangeEffect.REPLACES;
    const recorded = { identity: 'A', versions: jsonOf(before.versions!) };
    const configured = { identity: 'A', versions: jsonOf(after.versions!) };
    // Where the backend reads the running versions, the digest covers them too (here, the recorded ones).
    const reads = after.condition.includes('one(data.');
    const acceptedMove = synth(scenarios, { ...afterProps, acceptReplacement: digest(`A${configured.versions}${reads ? recorded.versions : ''}`) });
    const versionCases = [
      { label: `${scenarios.service}: version move #${i + 1}`, expression: evaluable(after.condition, recorded, configured), holds: !replaces },
      { label: `${scenarios.service}: version move #${i + 1}, accepted`, expression: evaluable(acceptedMove.condition, recorded, configured), holds: true },
    ];
    if (replaces || !reads) return versionCases;
    // An upgrade applied in place: the data store runs the newer version, and the guard still records the older one. A
    // move back is stopped where the provider replaces on it (not where it cannot compare, as REDIS_6_X).
    const upgraded = configured.versions;
    const backReplaces = effectOf(scenarios.table, after.primary, before.primary) === ChangeEffect.REPLACES;
    return [...versionCases,
      { label: `${scenarios.service}: upgraded in place by move #${i + 1}, then moved back`, expression: evaluable(before.condition, recorded, recorded, upgraded), holds: !backReplaces },
      { label: `${scenarios.service}: upgraded in place by move #${i + 1}, then kept`, expression: evaluable(after.condition, recorded, configured, upgraded), holds: true }];
  })];
});

/**
 * When the running versions are read: not in the plan that creates the data store (the guard's `created` is that plan's
 * timestamp), nor when the data store's name, region or project differs from the guard's record; in every other plan,
 * including those of a guard recorded before it had `created`.
 */
const readCases: Case[] = CHANGE_SCENARIOS.flatMap((scenarios): Case[] => {
  const { readCount, primary } = synth(scenarios, scenarios.props(ServicePlan.HOBBYIST));
  if (readCount === undefined) return [];
  const locating = Object.fromEntries(['name', 'replication_group_id', 'instance_id', 'region', 'location', 'project']
    .filter((attribute) => primary[attribute] !== undefined).map((attribute) => [attribute, primary[attribute]]));
  const input = (identity: Record<string, unknown>, created?: string) => `{ identity = ${JSON.stringify(JSON.stringify(identity))}${created === undefined ? '' : `, created = "${created}"`} }`;
  const reads = (inputLiteral: string) => `(${bare(readCount).replace(/terraform_data\.\w+\.input/g, inputLiteral)
    .replace(/local\.Redis_PlanTimestamp_\w+/g, '"2026-01-02T03:04:05Z"')}) == 1`;
  const elsewhere = Object.fromEntries(Object.entries(locating).map(([k, v]) => [k, k === 'region' || k === 'location' || k === 'project' ? v : `${String(v)}-old`]));
  return [
    { label: `${scenarios.service}: the plan that creates the data store reads nothing`, expression: reads(input(locating, '2026-01-02T03:04:05Z')), holds: false },
    { label: `${scenarios.service}: a later plan reads the running versions`, expression: reads(input(locating, '2026-01-01T00:00:00Z')), holds: true },
    { label: `${scenarios.service}: so does one of a guard recorded without a creation time`, expression: reads(input(locating)), holds: true },
    { label: `${scenarios.service}: a plan that moves the data store to another name reads nothing`, expression: reads(input(elsewhere, '2026-01-01T00:00:00Z')), holds: false },
  ];
});

test('Terraform reads the running versions exactly after the plan that created the data store, where it still is', () => {
  expect(readCases.map((c) => c.label.split(':')[0])).toEqual(expect.arrayContaining(['ElastiCache', 'Memorystore for Redis', 'Memorystore for Valkey']));
  const dir = mkdtempSync(join(tmpdir(), 'guard-reads-'));
  const output = execFileSync('terraform', ['console'], {
    cwd: dir,
    input: `[${readCases.map((c) => c.expression).join(', ')}]\n`,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    encoding: 'utf8',
  });
  const results = output.match(/\b(true|false)\b/g)?.map((value) => value === 'true') ?? [];
  expect(readCases.map((c, i) => [c.label, results[i]])).toEqual(readCases.map((c) => [c.label, c.holds]));
});

test('Terraform evaluates every backend\'s replacement guard as the change tables say', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guard-'));
  const output = execFileSync('terraform', ['console'], {
    cwd: dir,
    input: `[${cases.map((c) => c.expression).join(', ')}]\n`,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    encoding: 'utf8',
  });
  const results = output.match(/\b(true|false)\b/g)?.map((value) => value === 'true') ?? [];
  expect(results).toHaveLength(cases.length);
  expect(cases.map((c, i) => [c.label, results[i]])).toEqual(cases.map((c) => [c.label, c.holds]));
  // Both kinds of version move occur, or the version guard is not exercised.
  expect(cases.filter((c) => c.label.includes('version move') && !c.label.includes('accepted')).map((c) => c.holds)).toEqual(expect.arrayContaining([true, false]));
  // Each backend that reads its running version has a move back below it after an in-place upgrade.
  const stoppedBack = cases.filter((c) => c.label.endsWith('then moved back') && !c.holds).map((c) => c.label.split(':')[0]);
  expect([...new Set(stoppedBack)].sort()).toEqual(['ElastiCache', 'Memorystore for Redis']);
});

/**
 * The guard in a real Terraform run, on a stand-in data store (a `terraform_data` whose `triggers_replace` forces
 * replacement, as a provider's force-new attribute does): created, then a change of its force-new attribute is stopped at
 * plan, an accepted one applies, and destroy is not stopped. Only the built-in provider is used, so nothing is downloaded.
 */
describe('in a Terraform run', () => {
  const STAND_IN: ChangeTable = {
    source: 'terraform_data (Terraform built-in)',
    primaryType: 'terraform_data',
    forceNew: ['triggers_replace'],
    forceNewWhen: {},
    updateFacts: 'one update',
    carry: { steps: 'copy the data first.', source: 'none' },
    rules: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'guard-run-'));
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };
  const terraform = (...args: string[]) => spawnSync('terraform', [...args, '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
  const write = (name: string, accept?: string) => {
    const stack = testStack();
    const store = new DataResource(stack, 'Store', { triggersReplace: { name } });
    guardReplacement(stack, store, STAND_IN, { service: 'Stand-in', accept });
    writeFileSync(join(dir, 'main.tf.json'), Testing.synth(stack));
  };

  test('creates, stops a replacement at plan, applies an accepted one, and destroys', () => {
    write('orders');
    expect(terraform('init').status).toBe(0);
    expect(terraform('apply', '-auto-approve').status).toBe(0);
    write('orders-moved');
    const stopped = terraform('plan');
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toContain('This change replaces the Stand-in data store');
    const named = /acceptReplacement: "([0-9a-f]{16})"/.exec(stopped.stderr.replace(/\s*│\s*/g, ' '))?.[1];
    expect(named).toBe(digest(JSON.stringify({ triggers_replace: { name: 'orders-moved' } })));
    write('orders-moved', named);
    expect(terraform('apply', '-auto-approve').status).toBe(0);
    expect(terraform('plan', '-detailed-exitcode').status).toBe(0);
    write('orders-elsewhere', named);
    expect(terraform('plan').status).not.toBe(0);
    expect(terraform('destroy', '-auto-approve').status).toBe(0);
  });
});
