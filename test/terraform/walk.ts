/**
 * The plan-change walk: for each backend, every pair of plans and every other prop change of its change scenarios
 * is rendered before and after, the "before" applied to a local state and the "after" planned by the real
 * Terraform core against the stand-in providers, whose replacement facts (replacements.ts) come from provider
 * source, not from the change tables. Terraform's planned action on the data store is then compared with the
 * effect its change table claims.
 *
 * Each backend's pairs run as modules of one root configuration (one module per pair, each with its own provider
 * configuration), so that a backend costs one apply and one plan; when that plan fails (a pair that stops at plan
 * time), the backend's pairs are planned one root each, so that each pair gets its own outcome.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { Config, inParallel, terraform, withStandIns } from './lane';
import { ChoreoRedis, ChoreoRedisProps } from '../../lib';
import { ALL_PLANS, ChangeEffect, ChoreoRedisError, DataStoreChange, planChangeEffect } from '../../lib/plan';
import { CHANGE_SCENARIOS, ChangeScenarios } from '../changes/scenarios';
import { testStack } from '../util';

/** What Terraform plans for the data store's primary resource, or why it plans nothing. */
export type Outcome = 'replaced' | 'updated' | 'unchanged' | 'refused at synth' | 'stopped at plan';

/** The outcomes each effect of a change table allows. */
export const ALLOWED: Readonly<Record<ChangeEffect, readonly Outcome[]>> = {
  [ChangeEffect.REPLACES]: ['replaced'],
  [ChangeEffect.IN_PLACE]: ['updated', 'unchanged'],
  // Refused by the construct at synth, or by the service's API on an update the provider plans: never a replacement.
  [ChangeEffect.REFUSED]: ['refused at synth', 'updated', 'unchanged', 'stopped at plan'],
};

interface Pair {
  readonly label: string;
  readonly effect: ChangeEffect;
  readonly before: Rendered;
  /** Undefined when the construct refuses the change at synth. */
  readonly after?: Rendered;
}

export interface PairResult {
  readonly backend: string;
  readonly label: string;
  readonly effect: ChangeEffect;
  readonly outcome: Outcome;
  readonly ok: boolean;
  /** Other resources Terraform would replace, and the plan error of a pair stopped at plan. */
  readonly detail: string;
}

interface Rendered {
  readonly config: Config;
  /** Whether the primary resource has `prevent_destroy` (deletion protection). */
  readonly protected: boolean;
}

/**
 * One side of a pair as a module: its providers and resources, without the backend (the root holds the state)
 * and without `prevent_destroy`, which would stop the whole root's plan at the first protected replacement; the
 * walk reports a protected replacement as one that Terraform stops at plan time.
 */
function render(scenarios: ChangeScenarios, props: ChoreoRedisProps): Rendered {
  const stack = testStack((s) => scenarios.configure(s));
  new ChoreoRedis(stack, 'Redis', props);
  const config = JSON.parse(Testing.synth(stack)) as Config;
  const { backend: _backend, ...terraformBlock } = config.terraform ?? {};
  let isProtected = false;
  for (const [type, resources] of Object.entries(config.resource ?? {})) {
    for (const resource of Object.values(resources as Record<string, { lifecycle?: { prevent_destroy?: boolean } }>)) {
      if (resource.lifecycle?.prevent_destroy === true && type === scenarios.table.primaryType) isProtected = true;
      if (resource.lifecycle !== undefined) delete resource.lifecycle.prevent_destroy;
    }
  }
  return { config: { ...config, terraform: terraformBlock }, protected: isProtected };
}

/** Every pair of plans and every other scenario of one backend, rendered. */
function pairsOf(scenarios: ChangeScenarios): Pair[] {
  const ruleFor = (change: DataStoreChange) => scenarios.table.rules.find((r) => r.change === change)!;
  const plans = ALL_PLANS.filter((plan) => !(scenarios.refusedPlans ?? []).includes(plan));
  const byPlan = new Map(plans.map((plan) => [plan, render(scenarios, scenarios.props(plan))]));
  const pairsOfPlans = plans.flatMap((from) => plans.filter((to) => to !== from).map((to): Pair => ({
    label: `plan ${from} -> ${to}`,
    effect: planChangeEffect(ruleFor(DataStoreChange.PLAN), from, to),
    before: byPlan.get(from)!,
    after: byPlan.get(to)!,
  })));
  const others = Object.entries(scenarios.pairs).flatMap(([change, pairs]) => (pairs ?? []).map(([before, after], i): Pair => {
    let rendered: Rendered | undefined;
    try {
      rendered = render(scenarios, after);
    } catch (e) {
      if (!(e instanceof ChoreoRedisError)) throw e;
    }
    return { label: `${change} #${i + 1}`, effect: ruleFor(change as DataStoreChange).effect, before: render(scenarios, before), ...(rendered === undefined ? {} : { after: rendered }) };
  }));
  return [...pairsOfPlans, ...others];
}

/** One planned change of Terraform's machine-readable plan output (`terraform plan -json`). */
interface PlannedChange { resource: { addr: string; resource_type: string }; action: string }
interface PlanMessage { 'type': string; '@message': string; 'change'?: PlannedChange; 'diagnostic'?: { detail?: string } }

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

/**
 * Applies each pair's "before" and plans its "after", all pairs in one root. Resolves with Terraform's planned
 * changes, or with its error when the plan (or anything before it) fails.
 */
async function planPairs(dir: string, pairs: ReadonlyMap<string, Pair>, env: NodeJS.ProcessEnv): Promise<PlannedChange[] | string> {
  rmSync(dir, { recursive: true, force: true });
  writeRoot(dir, new Map([...pairs].map(([name, pair]) => [name, pair.before.config])));
  for (const args of [['init', '-input=false', '-no-color'], ['apply', '-input=false', '-no-color', '-auto-approve', '-lock=false']]) {
    const { code, output } = await terraform(args, dir, env);
    if (code !== 0) throw new Error(`the walk's "before" configuration fails terraform ${args[0]} in ${dir}:\n${output}`);
  }
  writeRoot(dir, new Map([...pairs].map(([name, pair]) => [name, pair.after!.config])));
  const plan = await terraform(['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', '-json'], dir, env);
  // `-json` streams Terraform's messages one per line: each planned change, and the diagnostics of a failed plan.
  const messages = plan.output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as PlanMessage);
  if (plan.code !== 0) {
    return messages.filter((m) => m.type === 'diagnostic').map((m) => `${m['@message']}\n${m.diagnostic?.detail ?? ''}`).join('\n');
  }
  return messages.filter((m) => m.type === 'planned_change').map((m) => m.change!);
}

function judge(backend: string, scenarios: ChangeScenarios, pair: Pair, changes: readonly PlannedChange[] | string, module: string): PairResult {
  let outcome: Outcome;
  let detail = '';
  if (pair.after === undefined) {
    outcome = 'refused at synth';
  } else if (typeof changes === 'string') {
    outcome = 'stopped at plan';
    detail = changes.trim();
  } else {
    const mine = changes.filter((c) => c.resource.addr.startsWith(`module.${module}.`));
    outcome = outcomeOf(mine.find((c) => c.resource.resource_type === scenarios.table.primaryType)?.action);
    const others = mine.filter((c) => c.resource.resource_type !== scenarios.table.primaryType && outcomeOf(c.action) === 'replaced');
    const notes = [
      ...(outcome === 'replaced' && pair.before.protected ? ['prevent_destroy stops the replacement at plan time'] : []),
      ...(others.length > 0 ? [`also replaces ${others.map((c) => c.resource.addr.slice(`module.${module}.`.length)).join(', ')}`] : []),
    ];
    detail = notes.join('; ');
  }
  return { backend, label: pair.label, effect: pair.effect, outcome, ok: ALLOWED[pair.effect].includes(outcome), detail };
}

/**
 * Walks every backend's change scenarios (or those given); `jobs` backends (or pairs, when one backend's plan
 * stops) at a time.
 */
export async function walk(workDir: string, jobs: number, scenarioList: readonly ChangeScenarios[] = CHANGE_SCENARIOS): Promise<PairResult[]> {
  const backends = scenarioList.map((scenarios) => ({ scenarios, pairs: pairsOf(scenarios) }));
  const configs = backends.flatMap((b) => b.pairs.flatMap((p) => (p.after === undefined ? [p.before] : [p.before, p.after]).map((r) => r.config)));
  return withStandIns(configs, async (env) => {
    const perBackend = await inParallel(backends, jobs, async ({ scenarios, pairs }) => {
      const id = scenarios.table.primaryType;
      const planned = new Map(pairs.map((pair, i) => [`pair${i + 1}`, pair] as const).filter(([, pair]) => pair.after !== undefined));
      const changes = await planPairs(join(workDir, id), planned, env);
      if (typeof changes !== 'string') {
        return pairs.map((pair, i) => judge(scenarios.service, scenarios, pair, changes, `pair${i + 1}`));
      }
      // One pair's plan stops: plan each pair alone to see which.
      return inParallel(pairs.map((pair, i) => [pair, `pair${i + 1}`] as const), 1, async ([pair, module]) => {
        const alone = pair.after === undefined ? [] : await planPairs(join(workDir, `${id}-${module}`), new Map([[module, pair]]), env);
        return judge(scenarios.service, scenarios, pair, alone, module);
      });
    });
    return perBackend.flat();
  });
}
