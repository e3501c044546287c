import { AWS_RULES } from './aws';
import { AZURE_RULES } from './azure';
import { DIGITALOCEAN_RULES } from './digitalocean';
import { GOOGLE_RULES } from './google';
import { RANDOM_RULES } from './random';
import { ResourceCheck } from './rule-kit';

/** The provider-side rules of every resource type a backend defines. Each backend adds its own file. */
export const PROVIDER_RULES: Readonly<Record<string, ResourceCheck>> = {
  ...AWS_RULES, ...AZURE_RULES, ...GOOGLE_RULES, ...DIGITALOCEAN_RULES, ...RANDOM_RULES,
};

/** Every rule the synthesized resources break, as `type.id: attribute: rule`; types without rules are reported too. */
export function providerRuleViolations(synthesized: { resource?: Record<string, Record<string, any>> }): string[] {
  return Object.entries(synthesized.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).flatMap(([id, attrs]) => {
    const check = PROVIDER_RULES[type];
    if (check === undefined) return [`${type}.${id}: no provider rules recorded for this type`];
    return check(attrs).map((violation) => `${type}.${id}: ${violation}`);
  }));
}
