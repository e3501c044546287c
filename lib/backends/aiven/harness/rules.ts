import { ResourceCheck, inRange, isIpv4Cidr, isIpv6Cidr, isReference, matches, oneOf, optional, rules } from '../../../../test/provider-rules/rule-kit';

/**
 * terraform-provider-aiven v4.61.0 rules for the hand-typed resources, and the API-side rules the provider leaves
 * to the API (marked API), with their sources:
 * - `project`: `^[a-zA-Z0-9_-]*$` (`CommonSchemaProjectReference`, internal/schemautil/common.go).
 * - `plan`: 1 to 128 characters, lower case, `^[a-z][a-z0-9_-]*[a-z0-9]$` (`planNameRegex`, internal/schemautil/service.go).
 * - `service_name`: not checked by the provider; Aiven's rule, lower-case letters, digits and `-`, starting with a
 *   letter, 1 to 64 characters (API; aiven-docs docs/products/apps/manifest-files/compose-files.md).
 * - `cloud_name`: `<provider>-<region>` (docs/resources/valkey.md), an Aiven cloud (API).
 * - `maintenance_window_dow`: monday to sunday; `maintenance_window_time`: `ValidateMaintenanceWindowTime`
 *   (internal/schemautil/schemautil.go); the window is sent only with both (`GetMaintenanceWindow`, helpers.go).
 * - `tag`: keys unique (`CustomizeDiffCheckUniqueTag`, custom_diff.go); a key of letters, digits, `_` and `-`
 *   starting with a letter and a value, each at most 64 characters (API; aiven-docs docs/platform/howto/tag-resources.md).
 * - `valkey_user_config` (internal/sdkprovider/userconfig/service/valkey.go): one block (`MaxItems: 1`); at most one
 *   of `ip_filter`, `ip_filter_string` and `ip_filter_object` (`checkForMultipleValues`, custom_diff.go); each at
 *   most 8000 entries; an empty filter only with AIVEN_ALLOW_IP_FILTER_PURGE (converters.go); CIDR entries (API);
 *   `valkey_persistence` off or rdb; `valkey_acl_channels_default` allchannels or resetchannels; `backup_hour`
 *   0 to 23 and `backup_minute` 0 to 59 (API; aiven-docs advanced parameters); `valkey_version` `<major>.<minor>`.
 * - `tech_emails` (internal/schemautil/service.go `TechEmailsResourceSchema`): a set of blocks, each with a
 *   required `email` string; an e-mail address (API: the service's contacts, aiven-docs
 *   docs/platform/howto/technical-emails.md).
 * - `aiven_valkey_user` (definitions/aiven_valkey_user.yml, internal/plugin/service/valkey/user/zz_resource.go):
 *   `username` at most 64 characters, `^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$`; `password` 8 to 256 characters and not
 *   with `password_wo`, which needs `password_wo_version` (at least 1); `valkey_acl_categories`,
 *   `valkey_acl_commands` and `valkey_acl_keys` set together (`AlsoRequires`); categories `+@` or `-@`, commands
 *   `+` or `-` (field descriptions).
 */
const PROJECT = /^[a-zA-Z0-9_-]+$/;
const PLAN = /^[a-z][a-z0-9_-]*[a-z0-9]$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,63}$/;
const CLOUD_NAME = /^(aws|azure|google|do|upcloud)-[a-z0-9-]+$/;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIME = /^(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9]$/;
const TAG_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const USERNAME = /^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$/;
const IP_FILTERS = ['ip_filter', 'ip_filter_string', 'ip_filter_object'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The single `valkey_user_config` block, written as an object or a one-element list. */
function userConfigOf(value: unknown): Record<string, any> | undefined {
  return Array.isArray(value) ? value[0] : (value as Record<string, any> | undefined);
}

const isCidr = (entry: unknown): boolean => isReference(entry) || isIpv4Cidr(entry) || isIpv6Cidr(entry);
const listOf = (value: unknown, check: (entry: unknown) => boolean): boolean => Array.isArray(value) && value.every(check);

export const AIVEN_PROVIDER_RULES: Record<string, ResourceCheck> = {
  aiven_valkey: (a) => {
    const config = userConfigOf(a.valkey_user_config);
    const filters = IP_FILTERS.filter((key) => config?.[key] !== undefined && !(Array.isArray(config[key]) && config[key].length === 0));
    const filter: unknown = config?.ip_filter_string;
    return rules(a, [
      [['project'], () => matches(a.project, PROJECT), 'project name should be alphanumeric'],
      [['plan'], () => matches(a.plan, PLAN) && a.plan.length <= 128, 'plan name should be lowercase alphanumeric (e.g. "business-8")'],
      [['service_name'], () => matches(a.service_name, SERVICE_NAME), 'lower-case letters, digits and hyphens, starting with a letter, at most 64 (API)'],
      [['cloud_name'], () => optional(a.cloud_name, (v) => matches(v, CLOUD_NAME)), 'an Aiven cloud, <provider>-<region> (API)'],
      [['termination_protection'], () => optional(a.termination_protection, (v) => typeof v === 'boolean'), 'a boolean'],
      [['maintenance_window_dow'], () => optional(a.maintenance_window_dow, (v) => oneOf(v, WEEKDAYS)), 'monday to sunday'],
      [['maintenance_window_time'], () => optional(a.maintenance_window_time, (v) => matches(v, TIME)), 'HH:mm:ss'],
      [['maintenance_window_dow', 'maintenance_window_time'], () => (a.maintenance_window_dow === undefined) === (a.maintenance_window_time === undefined),
        'the window is sent only with both the day and the time (GetMaintenanceWindow)'],
      [['tag'], () => optional(a.tag, (tags) => new Set((tags as any[]).map((t) => t.key)).size === (tags as any[]).length), 'tag keys should be unique'],
      [['tag'], () => optional(a.tag, (tags) => (tags as any[]).every((t) => isReference(t.key) || matches(t.key, TAG_KEY))), 'tag keys: letters, digits, _ and -, starting with a letter, at most 64 (API)'],
      [['tag'], () => optional(a.tag, (tags) => (tags as any[]).every((t) => typeof t.value === 'string' && [...t.value].length <= 64)), 'tag values: at most 64 characters (API)'],
      [['tech_emails'], () => optional(a.tech_emails, (v) => listOf(v, (b) => typeof (b as any)?.email === 'string' && (b as any).email.length > 0)),
        'each block needs an email (Required)'],
      [['tech_emails'], () => optional(a.tech_emails, (v) => listOf(v, (b) => typeof (b as any)?.email !== 'string' || isReference((b as any).email) || (b as any).email === ''
        || matches((b as any).email, EMAIL))), 'e-mail addresses (API)'],
      [['valkey_user_config'], () => !Array.isArray(a.valkey_user_config) || a.valkey_user_config.length <= 1, 'MaxItems: 1'],
      [['valkey_user_config'], () => filters.length <= 1, `only one of ${IP_FILTERS.join(', ')} (checkForMultipleValues)`],
      // A list known only at apply is one expression, whose size a precondition checks.
      [['valkey_user_config'], () => IP_FILTERS.every((key) => config?.[key] === undefined || isReference(config[key])
        || (Array.isArray(config[key]) && config[key].length <= 8000)), 'MaxItems: 8000'],
      [['valkey_user_config'], () => IP_FILTERS.every((key) => config?.[key] === undefined || isReference(config[key]) || config[key].length > 0),
        'an empty ip filter needs AIVEN_ALLOW_IP_FILTER_PURGE (converters.go)'],
      [['valkey_user_config'], () => filter === undefined || isReference(filter) || listOf(filter, isCidr), 'ip_filter_string entries are CIDR blocks (API)'],
      [['valkey_user_config'], () => optional(config?.valkey_persistence, (v) => oneOf(v, ['off', 'rdb'])), 'valkey_persistence: off or rdb'],
      [['valkey_user_config'], () => optional(config?.frequent_snapshots, (v) => typeof v === 'boolean'), 'frequent_snapshots: a boolean'],
      [['valkey_user_config'], () => optional(config?.valkey_maxmemory_policy, (v) => oneOf(v,
        ['allkeys-lfu', 'allkeys-lru', 'allkeys-random', 'noeviction', 'volatile-lfu', 'volatile-lru', 'volatile-random', 'volatile-ttl'])),
      'valkey_maxmemory_policy: StringInSlice (userconfig/service/valkey.go)'],
      [['valkey_user_config'], () => optional(config?.valkey_ssl, (v) => typeof v === 'boolean'), 'valkey_ssl: a boolean'],
      [['valkey_user_config'], () => optional(config?.valkey_acl_channels_default, (v) => oneOf(v, ['allchannels', 'resetchannels'])), 'valkey_acl_channels_default enum'],
      [['valkey_user_config'], () => optional(config?.backup_hour, (v) => inRange(v, 0, 23)) && optional(config?.backup_minute, (v) => inRange(v, 0, 59)), 'backup_hour 0-23, backup_minute 0-59 (API)'],
      [['valkey_user_config'], () => optional(config?.valkey_version, (v) => matches(v, /^\d+\.\d+$/)), 'valkey_version: <major>.<minor>'],
    ]);
  },
  aiven_valkey_user: (a) => {
    const acl = ['valkey_acl_categories', 'valkey_acl_commands', 'valkey_acl_keys'].filter((key) => a[key] !== undefined);
    return rules(a, [
      [['project'], () => typeof a.project === 'string' && a.project.length > 0, 'required'],
      [['service_name'], () => typeof a.service_name === 'string' && a.service_name.length > 0, 'required'],
      [['username'], () => matches(a.username, USERNAME), 'must match pattern "^[_A-Za-z0-9][-._A-Za-z0-9]{0,63}$"'],
      [['password'], () => optional(a.password, (v) => isReference(v) || (typeof v === 'string' && v.length >= 8 && v.length <= 256)), 'LengthBetween(8, 256)'],
      [['password'], () => a.password === undefined || a.password_wo === undefined, 'conflicts with password_wo'],
      [['password_wo'], () => (a.password_wo === undefined) === (a.password_wo_version === undefined), 'password_wo and password_wo_version go together'],
      [['password_wo_version'], () => optional(a.password_wo_version, (v) => typeof v === 'number' && v >= 1), 'AtLeast(1)'],
      [['valkey_acl_categories', 'valkey_acl_commands', 'valkey_acl_keys'], () => acl.length === 0 || acl.length === 3,
        'valkey_acl_categories, valkey_acl_commands and valkey_acl_keys are set together (AlsoRequires)'],
      [['valkey_acl_categories'], () => optional(a.valkey_acl_categories, (v) => listOf(v, (c) => matches(c, /^[+-]@[a-z]+$/))), 'categories start with +@ or -@'],
      [['valkey_acl_commands'], () => optional(a.valkey_acl_commands, (v) => listOf(v, (c) => matches(c, /^[+-][a-z_]+(\|[a-z_-]+)?$/))), 'commands start with + or -'],
      [['valkey_acl_keys'], () => optional(a.valkey_acl_keys, (v) => listOf(v, (k) => typeof k === 'string' && k.length > 0)), 'key patterns'],
      [['valkey_acl_channels'], () => optional(a.valkey_acl_channels, (v) => listOf(v, (c) => typeof c === 'string' && c.length > 0)), 'channel patterns'],
    ]);
  },
};
