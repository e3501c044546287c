/**
 * Each backend's change table says which prop changes update a data store in place and which replace it.
 * These tests render the data store before and after each change and check the table against what the
 * renderer really changes: every attribute that changes must be one the table lists for that change, and
 * the provider's force-new facts must give the table's effect.
 */
import { Testing } from 'cdktf';
import { CHANGE_SCENARIOS, ChangePair, ChangeScenarios } from './changes/scenarios';
import { testStack } from './util';
import { ChoreoRedis } from '../lib';
import { ALL_PLANS, ChangeEffect, ChoreoRedisError, DataStoreChange, changedAttributes, effectOf, planChangeEffect } from '../lib/plan';

function primaryResource(scenarios: ChangeScenarios, props: ChangePair[0]): Record<string, unknown> {
  const stack = testStack((s) => scenarios.configure(s));
  new ChoreoRedis(stack, 'Redis', props);
  const json = JSON.parse(Testing.synth(stack));
  const [resource] = Object.values(json.resource[scenarios.table.primaryType] as Record<string, Record<string, unknown>>);
  return resource;
}

describe.each(CHANGE_SCENARIOS.map((s) => [s.service, s] as const))('%s change table', (_, scenarios) => {
  const ruleFor = (change: DataStoreChange) => {
    const rule = scenarios.table.rules.find((r) => r.change === change);
    if (rule === undefined) throw new Error(`${scenarios.service} has no rule for ${change}`);
    return rule;
  };

  test('has one rule for every kind of change', () => {
    expect(scenarios.table.rules.map((r) => r.change).sort()).toEqual(Object.values(DataStoreChange).sort());
  });

  const plans = ALL_PLANS.filter((plan) => !(scenarios.refusedPlans ?? []).includes(plan));
  const planPairs = plans.flatMap((from) => plans.filter((to) => to !== from).map((to) => [from, to] as const));
  test.each(planPairs)('plan %s -> %s changes only what the table lists, with its effect', (from, to) => {
    const before = primaryResource(scenarios, scenarios.props(from));
    const after = primaryResource(scenarios, scenarios.props(to));
    const rule = ruleFor(DataStoreChange.PLAN);
    expect(changedAttributes(before, after).filter((a) => !rule.attributes.includes(a))).toEqual([]);
    expect(effectOf(scenarios.table, before, after)).toBe(planChangeEffect(rule, from, to));
  });

  test('lists plan exceptions only for pairs of different plans it covers, each with another effect than the rule\'s', () => {
    const rule = ruleFor(DataStoreChange.PLAN);
    for (const exception of rule.exceptions ?? []) {
      expect(planPairs).toContainEqual([exception.from, exception.to]);
      expect(exception.effect).not.toBe(rule.effect);
    }
  });

  const otherPairs = Object.entries(scenarios.pairs).flatMap(([change, pairs]) =>
    pairs!.map((pair, i) => [`${change} #${i + 1}`, change as DataStoreChange, pair] as const));
  test.each(otherPairs)('%s changes only what the table lists, with its effect', (_label, change, [beforeProps, afterProps]) => {
    const before = primaryResource(scenarios, beforeProps);
    const rule = ruleFor(change);
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
