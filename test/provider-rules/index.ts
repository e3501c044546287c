import { RANDOM_RULES } from './random';
import { ResourceCheck } from './rule-kit';
import { TERRAFORM_RULES } from './terraform';
import { loadHarnesses } from '../harness';

/** The provider-side rules of every resource type a backend defines: each backend's harness brings its own. */
export const PROVIDER_RULES: Readonly<Record<string, ResourceCheck>> = Object.assign(
  {}, RANDOM_RULES, TERRAFORM_RULES, ...loadHarnesses().map((h) => h.rules));

/** Every rule the synthesized resources break, as `type.id: attribute: rule`; types without rules are reported too. */
export function providerRuleViolations(synthesized: { resource?: Record<string, Record<string, any>> }): string[] {
  return Object.entries(synthesized.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).flatMap(([id, attrs]) => {
    const check = PROVIDER_RULES[type];
    if (check === undefined) return [`${type}.${id}: no provider rules recorded for this type`];
    return check(attrs).map((violation) => `${type}.${id}: ${violation}`);
  }));
}
