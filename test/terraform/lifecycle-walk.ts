/**
 * The lifecycle walk: sequences of applies and plans on one data store, run by the real Terraform core against the
 * stand-in providers, for what the plan-change walk (walk.ts, one change from one starting point) cannot show.
 *
 * - A rename: the data store applied under one construct path, then planned under another with `movedFrom`, must plan
 *   only moves (no resource deleted, created or replaced), and applying that leaves a clean plan; planned without
 *   `movedFrom`, Terraform would delete the data store (the hazard `movedFrom` removes, shown so that the walk proves
 *   it sees one). Then removed from the stack with one `removed` block (`destroy = false`) per address, as the README
 *   says: Terraform forgets every resource and deletes none.
 * - An in-place upgrade then a downgrade: created at v1, upgraded in place to v3 (applied), then moved to v2 must be
 *   stopped at plan by the replacement guard, which reads the version the data store runs; and moving on to v4 must not be.
 * - Memorystore for Valkey's one update per deploy: two fields changed in one deploy stopped at plan, one applied, and a
 *   downgrade below the running version stopped (the running instance read at plan).
 *
 * Each sequence runs in its own root (a local state), one backend at a time per job.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Config, inParallel, terraform, withStandIns } from './lane';
import {
  ChoreoRedis, ChoreoRedisProps, ElastiCacheEngineVersion, MemorystoreRedisVersion, MemorystoreValkeyVersion, RedisBackend, ServicePlan,
} from '../../lib';
import { NETWORK, PROJECT, REGION } from '../../lib/backends/google/harness/example';
import { CHANGE_SCENARIOS, ChangeScenarios } from '../changes/scenarios';
import { testStack } from '../util';

export interface LifecycleResult {
  readonly backend: string;
  readonly label: string;
  readonly ok: boolean;
  /** What Terraform did, in words. */
  readonly detail: string;
}

/** The data store at a construct path (parents first), as a root configuration with a local state. */
function render(scenarios: ChangeScenarios, props: ChoreoRedisProps, path: readonly string[]): Config {
  const stack = testStack((s) => scenarios.configure(s));
  const parent = path.slice(0, -1).reduce<Construct>((scope, id) => new Construct(scope, id), stack);
  new ChoreoRedis(parent, path[path.length - 1]!, props);
  const config = JSON.parse(Testing.synth(stack)) as Config;
  return { ...config, terraform: { ...config.terraform, backend: { local: { path: 'terraform.tfstate' } } } };
}

interface Planned { readonly code: number; readonly output: string; readonly actions: ReadonlyArray<{ addr: string; type: string; action: string }> }

async function plan(dir: string, env: NodeJS.ProcessEnv): Promise<Planned> {
  const { code, output } = await terraform(['plan', '-input=false', '-no-color', '-lock=false', '-json'], dir, env);
  const actions = output.split('\n').filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type: string; change?: { resource: { addr: string; resource_type: string }; action: string } })
    .filter((m) => m.type === 'planned_change')
    .map((m) => ({ addr: m.change!.resource.addr, type: m.change!.resource.resource_type, action: m.change!.action }));
  return { code, output, actions };
}

async function run(dir: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<{ code: number; output: string }> {
  return terraform([...args, '-input=false', '-no-color', '-lock=false'], dir, env);
}

function write(dir: string, config: Config): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, undefined, 2));
}

async function mustSucceed(step: string, dir: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<void> {
  const { code, output } = await run(dir, env, args);
  if (code !== 0) throw new Error(`${step} fails in ${dir}:\n${output}`);
}

/** Rename with and without movedFrom, on a Hobbyist data store (no deletion protection). */
async function renameWalk(dir: string, scenarios: ChangeScenarios, env: NodeJS.ProcessEnv): Promise<LifecycleResult[]> {
  const props = scenarios.props(ServicePlan.HOBBYIST);
  const result = (label: string, ok: boolean, detail: string): LifecycleResult => ({ backend: scenarios.service, label, ok, detail });
  write(dir, render(scenarios, props, ['Redis']));
  await mustSucceed('init', dir, env, ['init']);
  await mustSucceed('apply at Redis', dir, env, ['apply', '-auto-approve']);

  write(dir, render(scenarios, props, ['Team', 'Cache']));
  const bare = await plan(dir, env);
  const primaryDeleted = bare.actions.some((a) => a.type === scenarios.table.primaryType && ['delete', 'replace'].includes(a.action));
  const hazard = result('renamed without movedFrom', bare.code === 0 && primaryDeleted,
    primaryDeleted ? 'Terraform would delete the data store at its old address and create an empty one' : `Terraform plans ${JSON.stringify(bare.actions)}`);

  write(dir, render(scenarios, { ...props, movedFrom: 'Redis' }, ['Team', 'Cache']));
  const moved = await plan(dir, env);
  const others = moved.actions.filter((a) => a.action !== 'move' && a.action !== 'noop');
  const moves = moved.actions.filter((a) => a.action === 'move').length;
  const movedOk = moved.code === 0 && others.length === 0 && moves > 0;
  let clean = false;
  if (movedOk) {
    await mustSucceed('apply of the moves', dir, env, ['apply', '-auto-approve']);
    clean = (await run(dir, env, ['plan', '-detailed-exitcode'])).code === 0;
  }
  const renamed = result('renamed with movedFrom', movedOk && clean, movedOk
    ? `Terraform moves ${moves} resources and changes nothing; ${clean ? 'the plan after the apply is clean' : 'the plan after the apply shows changes'}`
    : `Terraform plans ${JSON.stringify(others)}${moved.code === 0 ? '' : `:\n${moved.output}`}`);

  // Removed from the stack with a `removed` block (lifecycle destroy = false) per address, as the README says: Terraform
  // forgets the resources and deletes nothing.
  const stack = testStack((st) => scenarios.configure(st));
  const kept = render(scenarios, { ...props, movedFrom: 'Redis' }, ['Team', 'Cache']);
  const addresses = Object.entries(kept.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId as object).map((id) => `${type}.${id}`));
  stack.addOverride('removed', addresses.map((from) => ({ from, lifecycle: { destroy: false } })));
  const removedConfig = JSON.parse(Testing.synth(stack)) as Config;
  write(dir, { ...removedConfig, terraform: { ...removedConfig.terraform, backend: { local: { path: 'terraform.tfstate' } } } });
  const forgotten = await plan(dir, env);
  const deleted = forgotten.actions.filter((a) => a.action === 'delete');
  const removal = result('removed with removed blocks', forgotten.code === 0 && deleted.length === 0 && forgotten.actions.length === addresses.length,
    forgotten.code !== 0 ? forgotten.output : `Terraform ${[...new Set(forgotten.actions.map((a) => a.action))].join(', ')}s ${forgotten.actions.length} resources, deletes ${deleted.length}`);
  return [hazard, renamed, removal];
}

/** A version sequence: created at the first, upgraded in place to the second; the third must be stopped, the fourth not. */
interface VersionWalk {
  readonly service: string;
  readonly props: (version: number) => ChoreoRedisProps;
  readonly versions: readonly [string, string, string, string];
}

// Names of their own: the rename walks' data stores, in the same stand-in, take the names derived from their path.
const elastiCache = (v: ElastiCacheEngineVersion): ChoreoRedisProps => ({
  plan: ServicePlan.HOBBYIST,
  name: 'orders-versions',
  backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa'], engineVersion: v }),
});
const memorystore = (v: MemorystoreRedisVersion): ChoreoRedisProps => ({
  plan: ServicePlan.HOBBYIST,
  name: 'orders-versions',
  backend: RedisBackend.memorystore({ project: PROJECT, region: REGION, network: NETWORK, engineVersion: v }),
});

export const VERSION_WALKS: readonly VersionWalk[] = [
  (() => {
    const { REDIS_7_0, VALKEY_8_0, VALKEY_7_2, VALKEY_8_1 } = ElastiCacheEngineVersion;
    const v = [REDIS_7_0, VALKEY_8_0, VALKEY_7_2, VALKEY_8_1];
    return { service: 'ElastiCache', props: (i: number) => elastiCache(v[i]!), versions: ['redis 7.0', 'valkey 8.0', 'valkey 7.2', 'valkey 8.1'] as const };
  })(),
  (() => {
    // Created at REDIS_6_X, which the provider's comparison cannot parse: the creation record alone never stops a downgrade.
    const { REDIS_6_X, REDIS_7_2, REDIS_7_0 } = MemorystoreRedisVersion;
    const v = [REDIS_6_X, REDIS_7_2, REDIS_7_0, REDIS_7_2];
    return { service: 'Memorystore for Redis', props: (i: number) => memorystore(v[i]!), versions: ['REDIS_6_X', 'REDIS_7_2', 'REDIS_7_0', 'REDIS_7_2 again'] as const };
  })(),
];

async function versionWalk(dir: string, scenarios: ChangeScenarios, walk: VersionWalk, env: NodeJS.ProcessEnv): Promise<LifecycleResult[]> {
  const [v1, v3, v2, v4] = walk.versions;
  const config = (i: number) => render(scenarios, walk.props(i), ['Redis']);
  write(dir, config(0));
  await mustSucceed('init', dir, env, ['init']);
  await mustSucceed(`apply at ${v1}`, dir, env, ['apply', '-auto-approve']);
  // The guard knows the plan that created the data store by its timestamp (plantimestamp, to the second) and reads
  // nothing in that plan: a cloud takes minutes to create a data store, the stand-in milliseconds, so the next plan
  // starts in the next second, as it would.
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
  write(dir, config(1));
  const upgrade = await plan(dir, env);
  const upgradeAction = upgrade.actions.find((a) => a.type === scenarios.table.primaryType)?.action;
  await mustSucceed(`apply of the upgrade to ${v3}`, dir, env, ['apply', '-auto-approve']);
  write(dir, config(2));
  const down = await plan(dir, env);
  const stopped = down.code !== 0 && /This change replaces the/.test(down.output.replace(/\\n|\s+/g, ' '));
  write(dir, config(3));
  const up = await plan(dir, env);
  const result = (label: string, ok: boolean, detail: string): LifecycleResult => ({ backend: walk.service, label, ok, detail });
  return [
    result(`created at ${v1}, upgraded to ${v3}`, upgradeAction === 'update', `Terraform plans the upgrade as ${upgradeAction ?? 'no change'}`),
    result(`then moved to ${v2}`, stopped, stopped ? 'stopped at plan by the replacement guard' : `not stopped (exit ${down.code}): ${JSON.stringify(down.actions)}`),
    result(`then moved to ${v4}`, up.code === 0, up.code === 0 ? 'planned' : `stopped:\n${up.output}`),
  ];
}

/** Memorystore for Valkey's data store in the update walk: Startup (no deletion protection), with these props changed. */
const valkey = (extra: Partial<ChoreoRedisProps> = {}, engineVersion?: MemorystoreValkeyVersion): ChoreoRedisProps => ({
  plan: ServicePlan.STARTUP,
  name: 'orders-updates',
  ...extra,
  backend: RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK, engineVersion }),
});

/**
 * Memorystore for Valkey's one update per deploy: created, then two fields changed in one deploy (the memory's node
 * type and the tags' labels) must be stopped at plan, as the running instance read says; one (the tags) must plan and
 * apply; and an engine downgrade below the running version must be stopped.
 */
async function valkeyUpdateWalk(dir: string, scenarios: ChangeScenarios, env: NodeJS.ProcessEnv): Promise<LifecycleResult[]> {
  const config = (props: ChoreoRedisProps) => render(scenarios, props, ['Redis']);
  const flat = (output: string) => output.replace(/\\n|\s+/g, ' ');
  write(dir, config(valkey()));
  await mustSucceed('init', dir, env, ['init']);
  await mustSucceed('apply at Startup', dir, env, ['apply', '-auto-approve']);
  // The next plan in the next second, after the one that created the data store (see versionWalk).
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
  write(dir, config(valkey({ memoryGib: 12, tags: { team: 'orders' } })));
  const two = await plan(dir, env);
  const twoStopped = two.code !== 0 && /takes one field per update/.test(flat(two.output)) && /the node type .*the labels/.test(flat(two.output));
  write(dir, config(valkey({ tags: { team: 'orders' } })));
  const one = await plan(dir, env);
  const oneAction = one.actions.find((a) => a.type === scenarios.table.primaryType)?.action;
  if (one.code === 0) await mustSucceed('apply of the tags', dir, env, ['apply', '-auto-approve']);
  write(dir, config(valkey({ tags: { team: 'orders' } }, MemorystoreValkeyVersion.VALKEY_7_2)));
  const down = await plan(dir, env);
  const downStopped = down.code !== 0 && /cannot downgrade an instance: it runs VALKEY_8_0/.test(flat(down.output));
  const result = (label: string, ok: boolean, detail: string): LifecycleResult => ({ backend: scenarios.service, label, ok, detail });
  return [
    result('created, then memoryGib and tags changed in one deploy', twoStopped,
      twoStopped ? 'stopped at plan: two updates at once' : `not stopped (exit ${two.code}): ${two.code === 0 ? JSON.stringify(two.actions) : two.output}`),
    result('then tags alone', one.code === 0 && oneAction === 'update', one.code === 0 ? `Terraform plans ${oneAction ?? 'no change'}, applied` : `stopped:\n${one.output}`),
    result('then engineVersion below the running one', downStopped,
      downStopped ? 'stopped at plan: a downgrade' : `not stopped (exit ${down.code}): ${down.code === 0 ? JSON.stringify(down.actions) : down.output}`),
  ];
}

/** Runs every backend's rename walk, the version walks and Memorystore for Valkey's update walk, `jobs` at a time. */
export async function lifecycleWalk(workDir: string, jobs: number): Promise<LifecycleResult[]> {
  const byService = new Map(CHANGE_SCENARIOS.map((s) => [s.service, s]));
  const tasks: Array<{ dir: string; go: (env: NodeJS.ProcessEnv) => Promise<LifecycleResult[]> }> = [
    ...CHANGE_SCENARIOS.map((s, i) => ({ dir: join(workDir, `rename${i + 1}`), go: (env: NodeJS.ProcessEnv) => renameWalk(join(workDir, `rename${i + 1}`), s, env) })),
    ...VERSION_WALKS.map((w, i) => ({ dir: join(workDir, `version${i + 1}`), go: (env: NodeJS.ProcessEnv) => versionWalk(join(workDir, `version${i + 1}`), byService.get(w.service)!, w, env) })),
    { dir: join(workDir, 'valkey-updates'), go: (env: NodeJS.ProcessEnv) => valkeyUpdateWalk(join(workDir, 'valkey-updates'), byService.get('Memorystore for Valkey')!, env) },
  ];
  const configs = [
    ...CHANGE_SCENARIOS.map((s) => render(s, s.props(ServicePlan.HOBBYIST), ['Redis'])),
    ...VERSION_WALKS.map((w) => render(byService.get(w.service)!, w.props(0), ['Redis'])),
    render(byService.get('Memorystore for Valkey')!, valkey(), ['Redis']),
  ];
  return withStandIns(configs, async (env) => (await inParallel(tasks, jobs, (t) => t.go(env))).flat());
}
