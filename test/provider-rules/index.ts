import { ACCESS_PROVIDER_RULES } from './access';
import { RANDOM_PROVIDER_RULES } from './random';
import { ResourceCheck } from './rule-kit';
import { TERRAFORM_PROVIDER_RULES } from './terraform';
import { loadHarnesses } from '../harness';

/** `a`, or where it finds violations `b`: what two backends' rules for one resource type accept together. */
function either(a: ResourceCheck, b: ResourceCheck): ResourceCheck {
  return a === b ? a : (attrs) => {
    const violations = a(attrs);
    return violations.length === 0 || b(attrs).length === 0 ? [] : violations;
  };
}

/**
 * The provider-side rules of every resource type a backend defines: each backend's harness brings its own, and a type
 * two backends define (Google's alert policies, each with its own metrics) passes what either accepts.
 */
export const PROVIDER_RULES: Readonly<Record<string, ResourceCheck>> = [
  RANDOM_PROVIDER_RULES, TERRAFORM_PROVIDER_RULES, ACCESS_PROVIDER_RULES, ...loadHarnesses().map((h) => h.rules),
]
  .reduce<Record<string, ResourceCheck>>((all, rules) => {
    for (const [type, check] of Object.entries(rules)) all[type] = all[type] === undefined ? check : either(all[type], check);
    return all;
  }, {});

/** Every rule the synthesized resources break, as `type.id: attribute: rule`; types without rules are reported too. */
export function providerRuleViolations(synthesized: { resource?: Record<string, Record<string, any>> }): string[] {
  return Object.entries(synthesized.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).flatMap(([id, attrs]) => {
    const check = PROVIDER_RULES[type];
    if (check === undefined) return [`${type}.${id}: no provider rules recorded for this type`];
    return check(attrs).map((violation) => `${type}.${id}: ${violation}`);
  }));
}
