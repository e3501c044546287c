/**
 * Memorystore for Valkey's plan-time stops on what the running instance cannot take as one update, evaluated by the real
 * Terraform (`terraform console`, offline): the instance data source's result is replaced by the state of another
 * configuration (blocks as lists, as the provider's Read sets them), and the read's count by 1 or 0. Two or more fields
 * of the update mask that differ stop the plan, naming them; one does not; nor does a plan that reads nothing (the one
 * that creates the instance); and an engine downgrade stops it.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdktf';
import { testStack } from './util';
import { ChoreoRedis, ChoreoRedisProps, MemorystoreValkeyProps, MemorystoreValkeyVersion, RedisBackend, ServicePlan, Weekday } from '../lib';
import { configureGoogle, NETWORK, PROJECT, REGION } from '../lib/backends/google/harness/example';

type Json = Record<string, any>;

function props(plan: ServicePlan, extra: Partial<ChoreoRedisProps> = {}, backend: Partial<MemorystoreValkeyProps> = {}): ChoreoRedisProps {
  return {
    plan,
    name: 'orders',
    ...extra,
    backend: RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK, ...backend }),
  };
}

interface Synthesized {
  readonly instance: Json;
  readonly locals: Json;
}

const synthesized = new Map<ChoreoRedisProps, Synthesized>();

/** The data store's instance and locals, synthesized once per props object. */
function synth(p: ChoreoRedisProps): Synthesized {
  const known = synthesized.get(p);
  if (known !== undefined) return known;
  const stack = testStack(configureGoogle);
  new ChoreoRedis(stack, 'Redis', p);
  const json = JSON.parse(Testing.synth(stack)) as Json;
  const result = { instance: Object.values<Json>(json.resource.google_memorystore_instance)[0]!, locals: json.locals };
  synthesized.set(p, result);
  return result;
}

const BLOCKS = new Set(['persistence_config', 'aof_config', 'automated_backup_config', 'fixed_frequency_schedule', 'start_time', 'maintenance_policy']);

/** A configuration's attributes as the provider's Read leaves them in state: each block a list, and the fields Read fills. */
function stateOf(config: Json): Json {
  const convert = (key: string, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((item) => convert('', item));
    if (typeof value !== 'object' || value === null) return value;
    const object = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, convert(k, v)]));
    if (key === 'start_time') Object.assign(object, { seconds: 0, nanos: 0, minutes: object.minutes ?? 0 });
    return BLOCKS.has(key) ? [object] : object;
  };
  const { lifecycle: _lifecycle, ...attributes } = config;
  const state = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, convert(k, v)])) as Json;
  return {
    ...state,
    automated_backup_config: state.automated_backup_config ?? [],
    // Read gives every label, the provider's default labels too.
    labels: { ...state.labels, 'cost-center': 'platform' },
    persistence_config: [{ ...state.persistence_config[0], rdb_config: [] }],
    maintenance_policy: [{ ...state.maintenance_policy[0], create_time: '2026-01-01T00:00:00Z' }],
  };
}

const STOP_COUNT = /takes one field per update/;
/** A `${...}` string as the bare expression inside it. */
const bare = (template: string) => template.replace(/^\$\{/, '').replace(/\}$/, '');
const STOP_DOWNGRADE = /cannot downgrade/;

/**
 * Locals that evaluate the two stops' conditions and their list of changes for case `i`, with the read replaced by
 * `running` (null when nothing is read).
 */
function caseLocals(i: number, configured: Synthesized, running: Json | undefined, replaced = false): Json {
  const preconditions = configured.instance.lifecycle.precondition as Array<{ condition: string; error_message: string }>;
  const local = (prefix: string) => Object.entries<string>(configured.locals).find(([id]) => id.startsWith(prefix))![1];
  const substitute = (expression: string): string => expression
    .replace(/local\.(Redis_RunningDiffers_\w+)/g, (_, id: string) => `(${substitute(bare(configured.locals[id]))})`)
    .replace(/local\.Redis_RunningInstanceChanges_\w+/g, `local.changes_${i}`)
    .replace(/local\.Redis_RunningInstanceDowngrade_\w+/g, `local.downgrade_${i}`)
    .replace(/local\.Redis_ConfiguredEngineVersion_\w+/g, JSON.stringify(local('Redis_ConfiguredEngineVersion_')))
    .replace(/local\.Redis_RunningInstanceRead_\w+/g, `local.running_${i}`)
    .replace(/length\(data\.google_memorystore_instance\.\w+\)/g, running === undefined ? '0' : '1')
    // The guard's record, and the configured force-new attributes: equal unless the plan replaces the instance.
    .replace(/terraform_data\.Redis_ReplacementGuard_\w+\.output\.identity/g, replaced ? '"recorded"' : '"configured"')
    .replace(/local\.Redis_ReplacementIdentity_\w+/g, '"configured"');
  return {
    [`running_${i}`]: running ?? null,
    [`changes_${i}`]: substitute(local('Redis_RunningInstanceChanges_')),
    [`downgrade_${i}`]: substitute(local('Redis_RunningInstanceDowngrade_')),
    [`one_update_${i}`]: substitute(preconditions.find((p) => STOP_COUNT.test(p.error_message))!.condition),
    [`no_downgrade_${i}`]: substitute(preconditions.find((p) => STOP_DOWNGRADE.test(p.error_message))!.condition),
  };
}

interface Case {
  readonly label: string;
  readonly configured: ChoreoRedisProps;
  /** The configuration the running instance was applied with; undefined when nothing is read. */
  readonly running?: ChoreoRedisProps;
  /** Whether the plan replaces the instance (its force-new attributes changed, a replacement the user accepted). */
  readonly replaced?: boolean;
  /** Whether the one-update stop holds, and the downgrade stop. */
  readonly holds: readonly [boolean, boolean];
  /** The updates the stop names. */
  readonly names?: readonly string[];
}

const startup = props(ServicePlan.STARTUP);
const hobbyist = props(ServicePlan.HOBBYIST);
const stepOne = props(ServicePlan.STARTUP, {}, { planChange: { from: ServicePlan.HOBBYIST, step: 1 } });
const stepTwo = props(ServicePlan.STARTUP, {}, { planChange: { from: ServicePlan.HOBBYIST, step: 2 } });
const CASES: readonly Case[] = [
  { label: 'unchanged', configured: startup, running: startup, holds: [true, true], names: [] },
  { label: 'the plan that creates the instance reads nothing', configured: startup, holds: [true, true] },
  { label: 'memory alone', configured: props(ServicePlan.STARTUP, { memoryGib: 12 }), running: startup, holds: [true, true], names: ['the node type'] },
  { label: 'memory and tags', configured: props(ServicePlan.STARTUP, { memoryGib: 12, tags: { team: 'orders' } }), running: startup, holds: [false, true], names: ['the node type', 'the labels'] },
  { label: 'tags alone', configured: props(ServicePlan.STARTUP, { tags: { team: 'orders' } }), running: startup, holds: [true, true], names: ['the labels'] },
  {
    label: 'backup hour and maintenance window',
    configured: props(ServicePlan.STARTUP, {}, { backupHour: 1, maintenanceWindow: { day: Weekday.MONDAY, hour: 2 } }),
    running: startup,
    holds: [false, true],
    names: ['the backup schedule', 'the maintenance window'],
  },
  {
    label: 'deletion protection and tags',
    configured: props(ServicePlan.STARTUP, { tags: { team: 'orders' } }, { serviceDeletionProtection: true }),
    running: startup,
    holds: [false, true],
    names: ['the deletion protection', 'the labels'],
  },
  {
    label: 'a Hobbyist instance configured as Startup without planChange',
    configured: startup,
    running: hobbyist,
    holds: [false, true],
    names: ['the node type', 'the backup schedule', 'the labels'],
  },
  {
    label: 'planChange step 1 on the Hobbyist instance',
    configured: stepOne,
    running: hobbyist,
    holds: [true, true],
    names: ['the node type'],
  },
  {
    label: 'planChange step 2 with step 1 skipped',
    configured: stepTwo,
    running: hobbyist,
    holds: [false, true],
    names: ['the node type', 'the backup schedule'],
  },
  {
    label: 'planChange step 2 after step 1',
    configured: stepTwo,
    running: stepOne,
    holds: [true, true],
    names: ['the backup schedule'],
  },
  {
    label: 'an upgrade',
    configured: startup,
    running: props(ServicePlan.STARTUP, {}, { engineVersion: MemorystoreValkeyVersion.VALKEY_7_2 }),
    holds: [true, true],
    names: ['the engine version'],
  },
  {
    label: 'an accepted replacement (Startup to Business, another zone distribution), older version too',
    configured: props(ServicePlan.BUSINESS, {}, { engineVersion: MemorystoreValkeyVersion.VALKEY_7_2 }),
    running: startup,
    replaced: true,
    holds: [true, true],
    names: ['the replica count', 'the backup schedule', 'the engine version', 'the deletion protection', 'the labels'],
  },
  {
    label: 'a downgrade',
    configured: props(ServicePlan.STARTUP, {}, { engineVersion: MemorystoreValkeyVersion.VALKEY_7_2 }),
    running: startup,
    holds: [true, false],
    names: ['the engine version'],
  },
];

test('Terraform stops at plan what the running Memorystore for Valkey instance cannot take as one update', () => {
  const locals = Object.assign({}, ...CASES.map((c, i) => caseLocals(i, synth(c.configured),
    c.running === undefined ? undefined : stateOf(synth(c.running).instance), c.replaced))) as Json;
  const dir = mkdtempSync(join(tmpdir(), 'valkey-updates-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ locals }));
  const output = execFileSync('terraform', ['console'], {
    cwd: dir,
    input: `jsonencode([${CASES.map((_, i) => `[local.one_update_${i}, local.no_downgrade_${i}, local.changes_${i}]`).join(', ')}])\n`,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
    encoding: 'utf8',
  });
  const results = JSON.parse(JSON.parse(output.trim()) as string) as Array<[boolean, boolean, string[]]>;
  expect(results).toHaveLength(CASES.length);
  // Each case's stops, and how many of the updates it changes the stop names: each expected one once, and no other.
  const got = CASES.map((c, i) => {
    const [oneUpdate, noDowngrade, names] = results[i]!;
    const named = c.names?.map((n) => names.filter((m) => m.startsWith(n)).length);
    return [c.label, oneUpdate, noDowngrade, named, c.names === undefined ? undefined : names.length];
  });
  expect(got).toEqual(CASES.map((c) => [c.label, ...c.holds, c.names?.map(() => 1), c.names?.length]));
});

test('the stop names the updates and how to apply them', () => {
  const { instance } = synth(startup);
  const messages = (instance.lifecycle.precondition as Array<{ error_message: string }>).map((p) => p.error_message);
  expect(messages.find((m) => STOP_COUNT.test(m))).toMatch(/Apply them one per deploy, in this order/);
  expect(messages.find((m) => STOP_DOWNGRADE.test(m))).toMatch(/Set engineVersion to the running version or a newer one/);
});
