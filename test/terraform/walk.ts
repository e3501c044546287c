/**
 * The plan-change walk: for each backend, every pair of plans and every other prop change of its change scenarios
 * is rendered before and after, the "before" applied to a local state and the "after" planned by the real
 * Terraform core against the stand-in providers, whose replacement facts (replacements.ts) come from provider
 * source, not from the change tables. Terraform's planned action on the data store is then compared with the
 * effect its change table claims.
 *
 * Each backend's pairs run as modules of one root configuration (one module per pair, each with its own provider
 * configuration), so that a backend costs one apply (of each distinct starting configuration, its state then
 * copied to the pairs that start from it) and one plan. The data store's preconditions are planned as
 * `check` blocks of the same conditions, whose failures Terraform reports as warnings of their module: the plan
 * shows every pair's actions, and which pairs a precondition would stop.
 * Where the data store reads its running state at plan (a data source of its primary type), each pair names it on its
 * own, so that the stand-in answers each read from that pair's "before".
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { Config, inParallel, terraform, withStandIns } from './lane';
import { ChoreoRedis, ChoreoRedisProps } from '../../lib';
import { ALL_PLANS, ChangeEffect, ChoreoRedisError, DataStoreChange, planChangeEffect } from '../../lib/plan';
import { CHANGE_SCENARIOS, ChangeScenarios, declaredSteps } from '../changes/scenarios';
import { testStack } from '../util';

/** What Terraform plans for the data store's primary resource, or that the construct refuses the change. */
export type Outcome = 'replaced' | 'updated' | 'unchanged' | 'refused at synth';

/** The outcomes each effect of a change table allows. */
export const ALLOWED: Readonly<Record<ChangeEffect, readonly Outcome[]>> = {
  [ChangeEffect.REPLACES]: ['replaced'],
  [ChangeEffect.IN_PLACE]: ['updated', 'unchanged'],
  // Refused by the construct at synth, or by the service's API on an update the provider plans: never a replacement.
  [ChangeEffect.REFUSED]: ['refused at synth', 'updated', 'unchanged'],
  // Stopped at plan as one update; the declared steps, each an update in place, are walked as pairs of their own.
  [ChangeEffect.STEPPED]: ['updated'],
};

/**
 * Whether a precondition of the data store stops a change with this effect at plan time: a replacement must be
 * stopped (the replacement guard holds it until the user accepts it), an update in place must not, and a refused
 * change may be.
 */
const STOPPED: Readonly<Record<ChangeEffect, 'must' | 'never' | 'may'>> = {
  [ChangeEffect.REPLACES]: 'must',
  [ChangeEffect.IN_PLACE]: 'never',
  [ChangeEffect.REFUSED]: 'may',
  [ChangeEffect.STEPPED]: 'must',
};

interface Rendered {
  /** The configuration as a module: no backend, no `prevent_destroy`. */
  readonly config: Config;
  /**
   * The same with the primary resource's preconditions turned into `check` blocks of the same conditions: the plan
   * then shows what Terraform would do, and each condition that would stop it as a warning of its module.
   */
  readonly checked: Config;
  /** Whether the primary resource has `prevent_destroy` (deletion protection). */
  readonly protected: boolean;
}

interface Pair {
  readonly label: string;
  readonly effect: ChangeEffect;
  /** Whether a precondition must stop it, where the effect alone does not say (a refused move the table stops at plan). */
  readonly stop?: 'must';
  readonly before: Rendered;
  /** Undefined when the construct refuses the change at synth. */
  readonly after?: Rendered;
}

export interface PairResult {
  readonly backend: string;
  readonly label: string;
  readonly effect: ChangeEffect;
  readonly outcome: Outcome;
  /** Terraform's message when a precondition stops the plan of this change. */
  readonly stopped?: string;
  readonly ok: boolean;
  /** Other resources Terraform would replace, and deletion protection. */
  readonly detail: string;
}

type Lifecycle = { prevent_destroy?: boolean; precondition?: unknown[] };

/**
 * One side of a pair as a module: its providers and resources, without the backend (the root holds the state)
 * and without `prevent_destroy`, which would stop the whole root's plan at the first protected replacement (the
 * walk reports a protected replacement as such).
 */
function render(scenarios: ChangeScenarios, props: ChoreoRedisProps): Rendered {
  const stack = testStack((s) => scenarios.configure(s));
  new ChoreoRedis(stack, 'Redis', props);
  const config = JSON.parse(Testing.synth(stack)) as Config;
  const { backend: _backend, ...terraformBlock } = config.terraform ?? {};
  let isProtected = false;
  for (const [type, resources] of Object.entries(config.resource ?? {})) {
    for (const resource of Object.values(resources as Record<string, { lifecycle?: Lifecycle }>)) {
      if (resource.lifecycle?.prevent_destroy === true && type === scenarios.table.primaryType) isProtected = true;
      if (resource.lifecycle !== undefined) delete resource.lifecycle.prevent_destroy;
    }
  }
  const module = { ...config, terraform: terraformBlock };
  const checked = JSON.parse(JSON.stringify(module)) as Config;
  const asserts: unknown[] = [];
  for (const resource of Object.values((checked.resource ?? {})[scenarios.table.primaryType] as Record<string, { lifecycle?: Lifecycle }> ?? {})) {
    asserts.push(...(resource.lifecycle?.precondition ?? []));
    if (resource.lifecycle !== undefined) delete resource.lifecycle.precondition;
  }
  if (asserts.length > 0) checked.check = { data_store_preconditions: { assert: asserts } };
  return { config: module, checked, protected: isProtected };
}

/** Every pair of plans and every other scenario of one backend, rendered. */
function pairsOf(scenarios: ChangeScenarios): Pair[] {
  const ruleFor = (change: DataStoreChange | string) => scenarios.table.rules.find((r) => r.change === change)
    ?? scenarios.table.propRules!.find((r) => r.prop === change)!;
  const planRule = scenarios.table.rules.find((r) => r.change === DataStoreChange.PLAN)!;
  const plans = ALL_PLANS.filter((plan) => !(scenarios.refusedPlans ?? []).includes(plan));
  const byPlan = new Map(plans.map((plan) => [plan, render(scenarios, scenarios.props(plan))]));
  const moves = plans.flatMap((from) => plans.filter((to) => to !== from).map((to) => [from, to] as const));
  const pairsOfPlans = moves.map(([from, to]): Pair => ({
    label: `plan ${from} -> ${to}`,
    effect: planChangeEffect(planRule, from, to),
    ...(planRule.exceptions?.find((e) => e.from === from && e.to === to)?.stop === undefined ? {} : { stop: 'must' as const }),
    before: byPlan.get(from)!,
    after: byPlan.get(to)!,
  }));
  // A move applied one update per deploy: each declared step from the one before (the first from the previous plan),
  // in place and never stopped; removing the declaration after the last step changes nothing, and after the first it is
  // stopped (the move is left partway).
  const steppedMoves = moves.filter(([from, to]) => planChangeEffect(planRule, from, to) === ChangeEffect.STEPPED);
  const stepped = steppedMoves.flatMap(([from, to]): Pair[] => {
    const pair = pairsOfPlans.find((p) => p.before === byPlan.get(from) && p.after === byPlan.get(to))!;
    const steps = declaredSteps(scenarios, from, to, (props) => render(scenarios, props));
    const label = (what: string) => `${pair.label} ${what}`;
    return [
      ...steps.map((after, i): Pair => ({ label: label(`step ${i + 1} of ${steps.length}`), effect: ChangeEffect.IN_PLACE, before: i === 0 ? pair.before : steps[i - 1], after })),
      ...(steps.length === 0 ? [] : [
        { label: label('step declaration removed after the last step'), effect: ChangeEffect.IN_PLACE, before: steps[steps.length - 1], after: pair.after! },
        { label: label('step declaration removed after step 1'), effect: ChangeEffect.STEPPED, before: steps[0], after: pair.after! },
      ]),
    ];
  });
  // The rows every backend has, and the rows for the backend's own props.
  const changes = [...Object.entries(scenarios.pairs), ...Object.entries(scenarios.propPairs ?? {})];
  const others = changes.flatMap(([change, pairs]) => (pairs ?? []).map(([before, after], i): Pair => {
    let rendered: Rendered | undefined;
    try {
      rendered = render(scenarios, after);
    } catch (e) {
      if (!(e instanceof ChoreoRedisError)) throw e;
    }
    return { label: `${change} #${i + 1}`, effect: ruleFor(change).effect, before: render(scenarios, before), ...(rendered === undefined ? {} : { after: rendered }) };
  }));
  return [...pairsOfPlans, ...stepped, ...others];
}

/** The attributes that name a data store in the data sources that read it (see the stand-in's LIVE_READS). */
const LOCATING = ['instance_id', 'name', 'replication_group_id'];

/**
 * A pair whose data store reads itself through a data source of its primary type (the running state, read at plan)
 * with a name of its own, `<name>-<module>`: the stand-in answers such a read from the objects applied under the name
 * asked for, and every pair's "before" is applied in the same run.
 */
function ownName(pair: Pair, primaryType: string, module: string): Pair {
  const data = pair.before.config.data as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const reads = Object.values(data?.[primaryType] ?? {})[0];
  const name = LOCATING.map((attribute) => reads?.[attribute]).find((value): value is string => typeof value === 'string');
  if (name === undefined) return pair;
  const renamed = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(name).join(`${name}-${module}`)) as T;
  return { ...pair, before: renamed(pair.before), ...(pair.after === undefined ? {} : { after: renamed(pair.after) }) };
}

/** One message of Terraform's machine-readable output (`terraform plan -json`). */
interface PlanMessage {
  readonly 'type': string;
  readonly '@message': string;
  readonly 'change'?: { resource: { addr: string; resource_type: string }; action: string };
  readonly 'diagnostic'?: { severity: string; summary: string; detail?: string; address?: string; range?: { filename: string } };
}

function outcomeOf(action: string | undefined): Outcome {
  if (action === undefined || action === 'noop') return 'unchanged';
  return action === 'replace' ? 'replaced' : 'updated';
}

function rootConfig(modules: ReadonlyMap<string, Config>): Config {
  const requiredProviders: Record<string, { source?: string }> = {};
  for (const module of modules.values()) Object.assign(requiredProviders, module.terraform?.required_providers ?? {});
  return {
    terraform: { backend: { local: { path: 'terraform.tfstate' } }, required_providers: requiredProviders },
    module: Object.fromEntries([...modules.keys()].map((name) => [name, { source: `./${name}` }])),
  };
}

function writeRoot(dir: string, modules: ReadonlyMap<string, Config>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(rootConfig(modules), undefined, 2));
  for (const [name, config] of modules) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'module.tf.json'), JSON.stringify(config, undefined, 2));
  }
}

async function planJson(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number; messages: PlanMessage[]; output: string }> {
  const { code, output } = await terraform(['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', '-json'], dir, env);
  // `-json` streams Terraform's messages one per line: each planned change, and the diagnostics.
  return { code, output, messages: output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as PlanMessage) };
}

/** What the walk learns of each pair (by module name): the primary's planned action and other replacements, and any stop. */
interface Planned {
  readonly actions: ReadonlyMap<string, ReadonlyArray<{ addr: string; type: string; outcome: Outcome }>>;
  readonly stops: ReadonlyMap<string, string>;
}

async function mustSucceed(args: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { code, output } = await terraform(args, dir, env);
  if (code !== 0) throw new Error(`terraform ${args[0]} fails in the walk's ${dir}:\n${output}`);
}

interface State { serial: number; resources: Array<{ module?: string; provider: string }> }

/**
 * Gives each pair's module the resources its starting configuration's module holds in the state, with the pair
 * module's own provider configuration.
 */
function copyStates(file: string, startOf: ReadonlyMap<string, string>): void {
  const state = JSON.parse(readFileSync(file, 'utf8')) as State;
  state.resources = [...startOf].flatMap(([pair, start]) => state.resources
    .filter((r) => r.module === `module.${start}`)
    .map((r) => ({ ...r, module: `module.${pair}`, provider: r.provider.replace(`module.${start}.`, `module.${pair}.`) })));
  state.serial += 1;
  writeFileSync(file, JSON.stringify(state));
}

/**
 * Applies each pair's "before", then plans its "after" with the primary resource's preconditions as checks:
 * Terraform's actions, and the conditions that would stop the plan, by the module Terraform names in each warning.
 * All pairs share one root: a backend costs one apply and one plan.
 */
async function planPairs(dir: string, primaryType: string, pairs: ReadonlyMap<string, Pair>, env: NodeJS.ProcessEnv): Promise<Planned> {
  rmSync(dir, { recursive: true, force: true });
  pairs = new Map([...pairs].map(([name, pair]) => [name, ownName(pair, primaryType, name)]));
  // Many pairs start from the same configuration (a plan's, or the scenarios' usual one): each is applied once, and
  // its state copied to every pair that starts from it.
  const distinct = new Map<string, { name: string; config: Config }>();
  const startOf = new Map<string, string>();
  for (const [name, pair] of pairs) {
    const key = JSON.stringify(pair.before.config);
    if (!distinct.has(key)) distinct.set(key, { name: `before${distinct.size + 1}`, config: pair.before.config });
    startOf.set(name, distinct.get(key)!.name);
  }
  writeRoot(dir, new Map([...distinct.values()].map((b) => [b.name, b.config])));
  await mustSucceed(['init', '-input=false', '-no-color'], dir, env);
  await mustSucceed(['apply', '-input=false', '-no-color', '-auto-approve', '-lock=false'], dir, env);
  copyStates(join(dir, 'terraform.tfstate'), startOf);
  writeRoot(dir, new Map([...pairs].map(([name, pair]) => [name, pair.after!.checked])));
  await mustSucceed(['init', '-input=false', '-no-color'], dir, env);
  const planned = await planJson(dir, env);
  if (planned.code !== 0) throw new Error(`the walk's "after" configuration fails terraform plan in ${dir}:\n${planned.output}`);
  const actions = new Map<string, Array<{ addr: string; type: string; outcome: Outcome }>>();
  for (const m of planned.messages.filter((message) => message.type === 'planned_change')) {
    const [, module, addr] = /^module\.(\w+)\.(.*)$/.exec(m.change!.resource.addr)!;
    const change = { addr: addr!, type: m.change!.resource.resource_type, outcome: outcomeOf(m.change!.action) };
    actions.set(module!, [...(actions.get(module!) ?? []), change]);
  }
  const stops = new Map<string, string>();
  for (const m of planned.messages.filter((message) => message.diagnostic?.summary === 'Check block assertion failed')) {
    const module = /^module\.(\w+)\./.exec(m.diagnostic!.address ?? '')?.[1] ?? /^(\w+)\//.exec(m.diagnostic!.range?.filename ?? '')?.[1];
    if (module === undefined || !pairs.has(module)) throw new Error(`a check fails in ${dir} outside any pair: ${m['@message']}`);
    stops.set(module, m.diagnostic!.detail ?? m['@message']);
  }
  return { actions, stops };
}

function judge(backend: string, scenarios: ChangeScenarios, pair: Pair, planned: Planned, module: string): PairResult {
  const base = { backend, label: pair.label, effect: pair.effect };
  if (pair.after === undefined) {
    return { ...base, outcome: 'refused at synth', ok: ALLOWED[pair.effect].includes('refused at synth'), detail: '' };
  }
  const mine = planned.actions.get(module) ?? [];
  const primary = scenarios.table.primaryType;
  const outcome = mine.find((c) => c.type === primary)?.outcome ?? 'unchanged';
  const others = mine.filter((c) => c.type !== primary && c.outcome === 'replaced');
  const stopped = planned.stops.get(module);
  const detail = [
    ...(outcome === 'replaced' && pair.before.protected ? ['prevent_destroy would stop the replacement at plan time'] : []),
    ...(others.length > 0 ? [`also replaces ${others.map((c) => c.addr).join(', ')}`] : []),
  ].join('; ');
  const stop = pair.stop ?? STOPPED[pair.effect];
  const ok = ALLOWED[pair.effect].includes(outcome) && (stop === 'may' || (stop === 'must') === (stopped !== undefined));
  return { ...base, outcome, ok, detail, ...(stopped === undefined ? {} : { stopped }) };
}

/**
 * Walks every backend's change scenarios (or those given), `jobs` backends at a time.
 */
export async function walk(workDir: string, jobs: number, scenarioList: readonly ChangeScenarios[] = CHANGE_SCENARIOS): Promise<PairResult[]> {
  const backends = scenarioList.map((scenarios) => ({ scenarios, pairs: pairsOf(scenarios) }));
  const configs = backends.flatMap((b) => b.pairs.flatMap((p) => (p.after === undefined ? [p.before] : [p.before, p.after]).map((r) => r.config)));
  return withStandIns(configs, async (env) => {
    const perBackend = await inParallel(backends, jobs, async ({ scenarios, pairs }) => {
      const modules = pairs.map((pair, i) => [`pair${i + 1}`, pair] as const);
      const changed = new Map(modules.filter(([, pair]) => pair.after !== undefined));
      const planned = await planPairs(join(workDir, scenarios.table.primaryType), scenarios.table.primaryType, changed, env);
      return modules.map(([module, pair]) => judge(scenarios.service, scenarios, pair, planned, module));
    });
    return perBackend.flat();
  });
}
