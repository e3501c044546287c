import { ResourceCheck, inRange, isReference, matches, oneOf, optional, rules } from './rule-kit';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
/** A write-only value goes with its version, never with the readable argument (the providers' ConflictsWith and RequiredWith). */
const writeOnly = (a: Record<string, any>, readable: string, wo: string, version: string): Array<[string[], () => boolean, string]> => [
  [[readable], () => a[readable] === undefined || a[wo] === undefined, `conflicts with ${wo}`],
  [[version], () => a[version] === undefined || a[wo] !== undefined, `${version} requires ${wo}`],
  [[version], () => a[wo] === undefined || a[version] !== undefined, `${wo} is written only when ${version} is set and changes`],
  [[version], () => a[version] === undefined || isReference(a[version]) || (Number.isInteger(a[version]) && a[version] >= 0), 'a whole number'],
];

/**
 * The secret stores' resources and the grants the construct defines beside them: aws provider 6.25
 * `internal/service/secretsmanager`, `internal/service/iam/role_policy.go`; azurerm 4.55 `keyvault/key_vault_secret_resource.go`;
 * google 6.50 `services/secretmanager`; kubernetes 2.38 `kubernetes/resource_kubernetes_secret_v1.go`, `..._role_v1.go`,
 * `..._role_binding_v1.go`; each with the API's own name rules.
 */
export const ACCESS_PROVIDER_RULES: Record<string, ResourceCheck> = {
  aws_secretsmanager_secret: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[A-Za-z0-9/_+=.@-]{1,512}$/), '1-512 of letters, digits and /_+=.@- (API)'],
    [['recovery_window_in_days'], () => optional(a.recovery_window_in_days, (v) => v === 0 || inRange(v, 7, 30)), '0, or 7 to 30'],
  ]),
  aws_secretsmanager_secret_version: (a) => rules(a, [
    [['secret_id'], () => nonEmpty(a.secret_id), 'Required'],
    ...writeOnly(a, 'secret_string', 'secret_string_wo', 'secret_string_wo_version'),
  ]),
  aws_secretsmanager_secret_policy: (a) => rules(a, [
    [['secret_arn'], () => nonEmpty(a.secret_arn), 'Required'],
    [['policy'], () => nonEmpty(a.policy), 'Required: a JSON policy'],
  ]),
  aws_iam_role_policy: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[\w+=,.@-]{1,128}$/), '1-128 of letters, digits and _+=,.@- (validRolePolicyName)'],
    [['role'], () => nonEmpty(a.role), 'Required'],
    [['policy'], () => nonEmpty(a.policy), 'Required: a JSON policy'],
  ]),
  azurerm_key_vault_secret: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[0-9a-zA-Z-]{1,127}$/), 'letters, digits and hyphens, at most 127 (NestedItemName)'],
    [['key_vault_id'], () => nonEmpty(a.key_vault_id), 'Required'],
    [['value_wo'], () => (a.value === undefined) !== (a.value_wo === undefined), 'ExactlyOneOf value, value_wo'],
    ...writeOnly(a, 'value', 'value_wo', 'value_wo_version'),
  ]),
  google_secret_manager_secret: (a) => rules(a, [
    [['secret_id'], () => matches(a.secret_id, /^[A-Za-z0-9_-]{1,255}$/), '1-255 of letters, digits, _ and - (API)'],
    [['replication'], () => [a.replication?.auto, a.replication?.user_managed].filter((r) => r !== undefined).length === 1, 'ExactlyOneOf replication.auto, replication.user_managed'],
  ]),
  google_secret_manager_secret_version: (a) => rules(a, [
    [['secret'], () => nonEmpty(a.secret), 'Required'],
    ...writeOnly(a, 'secret_data', 'secret_data_wo', 'secret_data_wo_version'),
  ]),
  google_secret_manager_secret_iam_member: (a) => rules(a, [
    [['secret_id'], () => nonEmpty(a.secret_id), 'Required'],
    [['role'], () => matches(a.role, /^roles\/[\w.]+$/), 'a role name'],
    [['member'], () => matches(a.member, /^(user|serviceAccount|group|domain|principal|principalSet):.+$/), 'an IAM principal'],
  ]),
  kubernetes_secret_v1: (a) => rules(a, [
    [['metadata'], () => matches(a.metadata?.name, DNS_SUBDOMAIN), 'metadata.name: a DNS subdomain (API)'],
    ...writeOnly(a, 'data', 'data_wo', 'data_wo_revision'),
  ]),
  kubernetes_role_v1: (a) => rules(a, [
    [['metadata'], () => matches(a.metadata?.name, DNS_SUBDOMAIN), 'metadata.name: a DNS subdomain (API)'],
    [['rule'], () => Array.isArray(a.rule) && a.rule.length > 0 && a.rule.every((r: any) => [r.api_groups, r.resources, r.verbs].every(Array.isArray) && r.verbs.length > 0), 'rule: api_groups, resources and verbs'],
  ]),
  kubernetes_role_binding_v1: (a) => rules(a, [
    [['metadata'], () => matches(a.metadata?.name, DNS_SUBDOMAIN), 'metadata.name: a DNS subdomain (API)'],
    [['role_ref'], () => oneOf(a.role_ref?.kind, ['Role', 'ClusterRole']) && a.role_ref?.api_group === 'rbac.authorization.k8s.io', 'role_ref: a Role or ClusterRole of rbac.authorization.k8s.io'],
    [['subject'], () => Array.isArray(a.subject) && a.subject.length > 0 && a.subject.every((s: any) => oneOf(s.kind, ['User', 'Group', 'ServiceAccount'])), 'subject: User, Group or ServiceAccount'],
  ]),
};
