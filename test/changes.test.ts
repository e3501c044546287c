/**
 * Each backend's change table says which prop changes update a data store in place, which the service refuses, and
 * which replace it. These tests render the data store before and after each change, both ways, and check the table
 * against what the renderer really changes: every attribute that changes must be one the table lists for that change,
 * the provider's force-new facts and the service's combination rules must give the table's effect, and the replacement
 * guard must stop exactly the changes that replace the data store (its recorded attributes differ) and no other.
 */
import { Testing } from 'cdktf';
import { CHANGE_SCENARIOS, ChangePair, ChangeScenarios, declaredSteps } from './changes/scenarios';
import { testStack } from './util';
import { ChoreoRedis, ServicePlan } from '../lib';
import { STAGED_CHANGE_RECORD_ID } from '../lib/backends/staged-change';
import { ALL_PLANS, ChangeEffect, ChoreoRedisError, DataStoreChange, changedAttributes, effectOf, planChangeEffect, planChangeSteps, refusedCombination } from '../lib/plan';

/**
 * A rendered data store: its primary resource, what the replacement guard records of it (the locals it compares), and,
 * where the backend applies some moves one update per deploy, its staged-change record and the states it stops.
 */
interface Rendered {
  readonly primary: Record<string, any>;
  readonly identity: string;
  readonly versions?: string;
  /** The state the record takes when created, whether it keeps an earlier one (`ignore_changes`), and its trigger. */
  readonly record?: { readonly state: string; readonly kept: boolean; readonly trigger: string };
  readonly stops?: Readonly<Record<string, string>>;
}

const renderings = new Map<ChangePair[0], Rendered>();

/** The same props object for one backend's plan, so that each plan is rendered once and its rendering reused. */
const planProps = new Map<string, ChangePair[0]>();
function propsOf(scenarios: ChangeScenarios, plan: ServicePlan): ChangePair[0] {
  const key = `${scenarios.service}/${plan}`;
  const props = planProps.get(key) ?? scenarios.props(plan);
  planProps.set(key, props);
  return props;
}

function render(scenarios: ChangeScenarios, props: ChangePair[0]): Rendered {
  const cached = renderings.get(props);
  if (cached !== undefined) return cached;
  const stack = testStack((s) => scenarios.configure(s));
  new ChoreoRedis(stack, 'Redis', props);
  const json = JSON.parse(Testing.synth(stack));
  const [primary] = Object.values(json.resource[scenarios.table.primaryType] as Record<string, Record<string, any>>);
  const local = (name: string) => Object.entries<string>(json.locals ?? {}).find(([id]) => id.startsWith(`Redis_${name}_`))?.[1];
  const record = Object.entries<any>(json.resource.terraform_data ?? {}).find(([id]) => id.startsWith(`Redis_${STAGED_CHANGE_RECORD_ID}_`))?.[1];
  const rendered = {
    primary,
    identity: local('ReplacementIdentity')!,
    versions: local('ReplacementVersions'),
    record: record === undefined ? undefined
      : { state: record.input.state, kept: (record.lifecycle?.ignore_changes ?? []).includes('input'), trigger: record.triggers_replace.identity },
    stops: Object.entries<Record<string, string>>(json.locals ?? {}).find(([id]) => id.startsWith('Redis_StagedChangeStops_'))?.[1],
  };
  renderings.set(props, rendered);
  return rendered;
}

function primaryResource(scenarios: ChangeScenarios, props: ChangePair[0]): Record<string, unknown> {
  return render(scenarios, props).primary;
}

/**
 * Whether the replacement guard stops the change: the force-new attributes it records differ, or a version it records
 * moves the way the provider replaces (the table's `forceNewWhen` for that attribute, which Terraform evaluates as
 * `versionGuard.replaces`).
 */
function guardStops(scenarios: ChangeScenarios, before: Rendered, after: Rendered): boolean {
  const { table } = scenarios;
  if (before.identity !== after.identity) return true;
  return (table.versionGuard?.attributes ?? [])
    .some((attribute) => table.forceNewWhen[attribute]?.(before.primary[attribute], after.primary[attribute]) ?? false);
}

/**
 * Whether the staged-change precondition stops the change: the record is not re-created (same trigger: the data
 * store is not) and keeps the state "before" left (as "after" declares no step), and "after" stops that state.
 */
function stagedStops(before: Rendered, after: Rendered): boolean {
  if (before.record === undefined || after.record === undefined) return false;
  if (before.record.trigger !== after.record.trigger || !after.record.kept) return false;
  return after.stops?.[before.record.state] !== undefined;
}

describe.each(CHANGE_SCENARIOS.map((s) => [s.service, s] as const))('%s change table', (_, scenarios) => {
  const ruleFor = (change: DataStoreChange) => {
    const rule = scenarios.table.rules.find((r) => r.change === change);
    if (rule === undefined) throw new Error(`${scenarios.service} has no rule for ${change}`);
    return rule;
  };
  /** The row of a kind of change, or of a backend prop. */
  const rowFor = (change: string) => scenarios.table.rules.find((r) => r.change === change)
    ?? scenarios.table.propRules?.find((r) => r.prop === change) ?? ruleFor(change as DataStoreChange);

  test('has one rule for every kind of change', () => {
    expect(scenarios.table.rules.map((r) => r.change).sort()).toEqual(Object.values(DataStoreChange).sort());
  });

  const plans = ALL_PLANS.filter((plan) => !(scenarios.refusedPlans ?? []).includes(plan));
  const planPairs = plans.flatMap((from) => plans.filter((to) => to !== from).map((to) => [from, to] as const));
  test.each(planPairs)('plan %s -> %s changes only what the table lists, with its effect', (from, to) => {
    const before = render(scenarios, propsOf(scenarios, from));
    const after = render(scenarios, propsOf(scenarios, to));
    const rule = ruleFor(DataStoreChange.PLAN);
    expect(changedAttributes(before.primary, after.primary).filter((a) => !rule.attributes.includes(a))).toEqual([]);
    const effect = effectOf(scenarios.table, before.primary, after.primary);
    expect(effect).toBe(planChangeEffect(rule, from, to));
    // The data path: kept in place or refused, the replacement stopped at plan (never let through), or the move the API
    // takes one update at a time stopped at plan by the staged-change record.
    // A refused move that can never apply is stopped too, where the table says so.
    const stop = rule.exceptions?.find((e) => e.from === from && e.to === to)?.stop;
    const recordStops = effect === ChangeEffect.STEPPED || stop !== undefined;
    expect([effect, guardStops(scenarios, before, after), stagedStops(before, after)])
      .toEqual([effect, effect === ChangeEffect.REPLACES, recordStops]);
    if (stop !== undefined) expect(after.stops![from]).toContain(stop);
  });

  test('defines the record of the plan exactly when its table stops a move between plans (a refused move, or one made in steps)', () => {
    const stops = (ruleFor(DataStoreChange.PLAN).exceptions ?? []).some((e) => e.stop !== undefined || e.effect === ChangeEffect.STEPPED);
    for (const plan of plans) {
      const { record } = render(scenarios, propsOf(scenarios, plan));
      expect([plan, record?.state, record?.kept]).toEqual(stops ? [plan, plan, true] : [plan, undefined, undefined]);
    }
  });

  test('lists plan exceptions only for pairs of different plans it covers, each with another effect than the rule\'s', () => {
    const rule = ruleFor(DataStoreChange.PLAN);
    for (const exception of rule.exceptions ?? []) {
      expect(planPairs).toContainEqual([exception.from, exception.to]);
      expect(exception.effect).not.toBe(rule.effect);
    }
  });

  // The rows every backend has, and the rows for the backend's own props.
  const otherPairs = [...Object.entries(scenarios.pairs), ...Object.entries(scenarios.propPairs ?? {})].flatMap(([change, pairs]) =>
    pairs!.map((pair, i) => [`${change} #${i + 1}`, change, pair] as const));
  test.each(otherPairs)('%s changes only what the table lists, with its effect', (_label, change, [beforeProps, afterProps]) => {
    const before = primaryResource(scenarios, beforeProps);
    const rule = rowFor(change);
    let after: Record<string, unknown>;
    try {
      after = primaryResource(scenarios, afterProps);
    } catch (e) {
      // The construct refuses the change at synthesis: the table must say so.
      expect(e).toBeInstanceOf(ChoreoRedisError);
      expect(rule.effect).toBe(ChangeEffect.REFUSED);
      return;
    }
    const changed = changedAttributes(before, after);
    expect(changed.filter((a) => !rule.attributes.includes(a))).toEqual([]);
    expect(effectOf(scenarios.table, before, after)).toBe(rule.effect);
    if (rule.effect !== ChangeEffect.IN_PLACE) expect(changed.length).toBeGreaterThan(0);
  });

  test.each(otherPairs)('%s, both ways: the replacement guard stops it exactly when it replaces the data store', (_label, _change, [beforeProps, afterProps]) => {
    let pair: [Rendered, Rendered];
    try {
      pair = [render(scenarios, beforeProps), render(scenarios, afterProps)];
    } catch (e) {
      expect(e).toBeInstanceOf(ChoreoRedisError); // refused at synthesis: nothing reaches Terraform
      return;
    }
    for (const [before, after] of [pair, [pair[1], pair[0]]]) {
      const replaces = effectOf(scenarios.table, before.primary, after.primary) === ChangeEffect.REPLACES;
      expect(guardStops(scenarios, before, after)).toBe(replaces);
      expect(stagedStops(before, after)).toBe(false);
    }
  });

  test('records every attribute whose change can replace the data store, and only those', () => {
    const { primary, identity, versions } = render(scenarios, propsOf(scenarios, ServicePlan.BUSINESS));
    const { table } = scenarios;
    const restore = table.carry.restoreAttributes ?? [];
    for (const attribute of table.forceNew.filter((a) => primary[a] !== undefined && !restore.includes(a))) {
      expect([attribute, identity]).toEqual([attribute, expect.stringContaining(`"${attribute}" =`)]);
    }
    // Every conditional force-new attribute is recorded: as parts of its block, or as a version.
    for (const attribute of Object.keys(table.forceNewWhen)) {
      const recorded = table.versionGuard?.attributes.includes(attribute) ?? false;
      expect([attribute, recorded || table.forceNewParts?.[attribute] !== undefined]).toEqual([attribute, true]);
    }
    expect(versions === undefined).toBe(table.versionGuard === undefined);
  });

  test('the persistence rule\'s effect is the one the provider\'s force-new facts give its attributes', () => {
    // Most backends have no prop that switches persistence (the library writes one mode), so no pair exercises it.
    const rule = ruleFor(DataStoreChange.PERSISTENCE);
    const replaces = rule.attributes.some((attribute) => scenarios.table.forceNew.includes(attribute));
    expect(rule.effect).toBe(replaces ? ChangeEffect.REPLACES : ChangeEffect.IN_PLACE);
  });

  test('every kind of change but plan is exercised', () => {
    expect(Object.keys(scenarios.pairs).sort()).toEqual(Object.values(DataStoreChange).filter((c) => c !== DataStoreChange.PLAN).sort());
  });
});

describe.each(CHANGE_SCENARIOS.map((s) => [s.service, s] as const))('%s: carrying data through a replacement', (_, scenarios) => {
  const { table } = scenarios;
  const plan = ServicePlan.STARTUP;

  test('the table names a create-time restore exactly when the scenarios can render one, and always the steps', () => {
    expect(table.carry.steps.length).toBeGreaterThan(40);
    expect(scenarios.restored !== undefined).toBe(table.carry.restoreProp !== undefined);
  });

  test('a restore source alone replaces nothing: it is read only at creation', () => {
    if (scenarios.restored === undefined) return;
    const plain = render(scenarios, propsOf(scenarios, plan));
    const restored = render(scenarios, scenarios.restored(plan));
    expect(restored.identity).toBe(plain.identity);
    expect(effectOf(table, plain.primary, restored.primary)).toBe(ChangeEffect.IN_PLACE);
    expect(restored.primary.lifecycle.ignore_changes).toEqual(expect.arrayContaining([...table.carry.restoreAttributes!]));
    expect(JSON.stringify(restored.primary)).toContain(table.carry.restoreAttributes![0].split('[')[0]);
  });

  test('a change of name is stopped at plan, with the backend\'s steps, until acceptReplacement names it', () => {
    const before = render(scenarios, { ...scenarios.props(plan), name: 'orders' });
    const after = render(scenarios, { ...scenarios.props(plan), name: 'orders-moved' });
    expect(effectOf(table, before.primary, after.primary)).toBe(ChangeEffect.REPLACES);
    expect(guardStops(scenarios, before, after)).toBe(true);
    const [guard] = after.primary.lifecycle.precondition.slice(-1);
    expect(guard.error_message).toContain(table.carry.steps);
    expect(guard.condition).not.toContain('acceptReplacement');
    const accepted = render(scenarios, { ...scenarios.props(plan), name: 'orders-moved', acceptReplacement: '0123456789abcdef' });
    expect(accepted.primary.lifecycle.precondition.slice(-1)[0].condition).toContain('"0123456789abcdef" == substr(sha256(');
    // Accepting changes only the check: the data store's own attributes are the same.
    expect(changedAttributes(after.primary, accepted.primary)).toEqual(['lifecycle']);
  });

  test('with the restore source named, the replacement creates the new data store from the old one\'s data', () => {
    if (scenarios.restored === undefined) return;
    const restored = scenarios.restored(plan);
    const after = render(scenarios, { ...restored, name: 'orders-moved', acceptReplacement: '0123456789abcdef' });
    const attribute = table.carry.restoreAttributes![0];
    const [block, key] = attribute.replace('[0]', '').split('.');
    const value = key === undefined ? after.primary[block] : after.primary[block]?.[key];
    expect([attribute, value]).toEqual([attribute, expect.anything()]);
  });
});

describe('combination rules', () => {
  const valkey = CHANGE_SCENARIOS.find((s) => s.table.primaryType === 'google_memorystore_instance')!;
  const [rule] = valkey.table.updateRules!;

  test.each([[ServicePlan.HOBBYIST, ServicePlan.STARTUP], [ServicePlan.BUSINESS, ServicePlan.PREMIUM]])(
    'Memorystore for Valkey refuses %s -> %s: one PATCH would carry several fields', (from, to) => {
      const before = render(valkey, propsOf(valkey, from));
      const after = render(valkey, propsOf(valkey, to));
      expect(refusedCombination(rule, changedAttributes(before.primary, after.primary))!.length).toBeGreaterThan(1);
    });

  test('Memorystore for Valkey takes a new size in place: node_type with engine_configs, the one pair the API accepts', () => {
    const [before, after] = valkey.pairs[DataStoreChange.MEMORY]![0].map((props) => render(valkey, props));
    expect(changedAttributes(before.primary, after.primary)).toEqual(['engine_configs', 'node_type']);
    expect(refusedCombination(rule, ['engine_configs', 'node_type'])).toBeUndefined();
  });

  test('a rule refuses two fields it does not allow together, and never a single field', () => {
    expect(refusedCombination(rule, ['labels', 'node_type'])).toEqual(['labels', 'node_type']);
    expect(refusedCombination(rule, ['labels', 'lifecycle'])).toBeUndefined();
  });
});

describe.each(CHANGE_SCENARIOS.filter((s) => s.stepped !== undefined).map((s) => [s.service, s] as const))(
  '%s: moves applied one update per deploy', (_, scenarios) => {
    const { table } = scenarios;
    const rule = (table.updateRules ?? []).find((r) => r.stepsProp !== undefined)!;
    const planRule = table.rules.find((r) => r.change === DataStoreChange.PLAN)!;
    const moves = ALL_PLANS.flatMap((from) => ALL_PLANS.filter((to) => to !== from).map((to) => [from, to] as const))
      .filter(([from, to]) => planChangeEffect(planRule, from, to) === ChangeEffect.STEPPED);
    /** The attributes a change sends to the API: the lifecycle (the checks) is Terraform's own. */
    const sent = (before: Rendered, after: Rendered) => changedAttributes(before.primary, after.primary).filter((a) => a !== 'lifecycle');

    test('the table names the prop that applies its stepped moves, and has some', () => {
      expect(rule.stepsProp).toBeDefined();
      expect(moves.length).toBeGreaterThan(0);
    });

    test.each(moves)('%s -> %s: each declared step sends one update the API takes, in place, and nothing stops it', (from, to) => {
      const origin = render(scenarios, propsOf(scenarios, from));
      const target = render(scenarios, propsOf(scenarios, to));
      const steps = declaredSteps(scenarios, from, to, (props) => render(scenarios, props));
      expect(steps.length).toBeGreaterThan(1);
      let before = origin;
      const moved: string[] = [];
      const perStep: string[][] = [];
      for (const after of steps) {
        const changed = sent(before, after);
        perStep.push(changed);
        expect(changed.length).toBeGreaterThan(0);
        expect(refusedCombination(rule, changed)).toBeUndefined();
        expect(effectOf(table, before.primary, after.primary)).toBe(ChangeEffect.IN_PLACE);
        expect([guardStops(scenarios, before, after), after.record!.kept, after.stops]).toEqual([false, false, undefined]);
        moved.push(...changed);
        before = after;
      }
      // The steps together make the whole move, and the last one leaves the data store as the new plan defines it.
      expect(moved.sort()).toEqual(sent(origin, target));
      expect(sent(steps[steps.length - 1], target)).toEqual([]);
      expect(steps[steps.length - 1].record!.state).toBe(target.record!.state);
      // The table's cell names these steps.
      expect(perStep).toEqual(planChangeSteps(planRule, from, to));
    });

    test.each(moves)('%s -> %s as one update is stopped at plan with the steps; so is a move left partway, and nothing else', (from, to) => {
      const origin = render(scenarios, propsOf(scenarios, from));
      const target = render(scenarios, propsOf(scenarios, to));
      const steps = declaredSteps(scenarios, from, to, (props) => render(scenarios, props));
      expect(stagedStops(origin, target)).toBe(true);
      const stop = target.stops![origin.record!.state];
      expect(stop).toContain(`${rule.stepsProp}: { from: ServicePlan.${from.toUpperCase()}, step: 1 }`);
      expect(stop).toContain(`step: ${steps.length},`);
      // Removing the declaration after any step but the last is stopped, naming the next step; after the last it is not.
      steps.slice(0, -1).forEach((step, i) => {
        expect(stagedStops(step, target)).toBe(true);
        expect(target.stops![step.record!.state]).toContain(`step: ${i + 2} }`);
      });
      expect(stagedStops(steps[steps.length - 1], target)).toBe(false);
      // A data store already on the new plan, or created anew with it, is not stopped.
      expect(target.stops![target.record!.state]).toBeUndefined();
    });
  });
