import { ResourceCheck, rules } from './rule-kit';

/** The built-in terraform_data (Terraform 1.4 and later): `input` and `triggers_replace` take any value; nothing else is an argument. */
const ARGUMENTS = ['input', 'triggers_replace', 'lifecycle', 'depends_on', 'count', 'for_each', 'provider', 'provisioner', '//'];

export const TERRAFORM_PROVIDER_RULES: Record<string, ResourceCheck> = {
  terraform_data: (a) => rules(a, [
    [[], () => Object.keys(a).every((key) => ARGUMENTS.includes(key)), 'only input and triggers_replace are arguments'],
  ]),
};
