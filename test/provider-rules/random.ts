import { ResourceCheck, inRange, rules } from './rule-kit';

/** random_password, with the rules of the services whose passwords it makes (ElastiCache: 16-128 characters, no `@ " /` or space). */
export const RANDOM_PROVIDER_RULES: Record<string, ResourceCheck> = {
  random_password: (a) => rules(a, [
    [['length'], () => inRange(a.length, 16, 128), 'ElastiCache passwords are 16-128 characters'],
    [['override_special'], () => a.special === false || (typeof a.override_special === 'string' && !/[@"/ ]/.test(a.override_special)), 'no @, ", / or space'],
  ]),
};
