import { ResourceCheck, inRange, isIpv4Cidr, isReference, matches, oneOf, optional, rules } from '../../../../test/provider-rules/rule-kit';
import { AZURE_ALERT_METRICS } from '../alert-plan';
import { AZURE_REGIONS } from '../regions';

/**
 * azurerm 4.55.0 rules (mapping notes 2.6), taken from the provider source at tag v4.55.0:
 * `internal/services/managedredis/managed_redis_resource.go` and `validate/*.go` with the vendored
 * go-azure-sdk `redisenterprise/2025-07-01` enums; `storage/storage_account_resource.go`,
 * `storage_container_resource.go`, `storage_management_policy_resource.go`, `validate/storage_account_name.go`,
 * `validate/storage_container.go`; `logic/logic_app_workflow_resource.go`, `logic_app_trigger_recurrence_resource.go`,
 * `logic_app_action_custom_resource.go`, `validate/trigger_recurrence_timezone.go`;
 * `authorization/role_definition_resource.go`, `role_assignment_resource.go`; `network/network_security_rule_resource.go`,
 * `private_endpoint_resource.go`, `validate/private_link_name.go`, `validate/private_link_subresource_name.go`;
 * `privatedns/*`; go-azure-helpers `resourcegroups.ValidateName`, `tags.Validate` and the case-sensitive
 * `commonids` parsers. Rules marked (API) are Azure's, which the provider leaves to the API.
 */

/** `validate.PossibleValuesForSkuName`: the SDK's SKUs without the retired Enterprise_ and EnterpriseFlash_ ones. */
const MANAGED_REDIS_SKUS = [
  ...['B0', 'B1', 'B3', 'B5', 'B10', 'B20', 'B50', 'B100', 'B150', 'B250', 'B350', 'B500', 'B700', 'B1000'].map((s) => `Balanced_${s}`),
  ...['M10', 'M20', 'M50', 'M100', 'M150', 'M250', 'M350', 'M500', 'M700', 'M1000', 'M1500', 'M2000'].map((s) => `MemoryOptimized_${s}`),
  ...['X3', 'X5', 'X10', 'X20', 'X50', 'X100', 'X150', 'X250', 'X350', 'X500', 'X700'].map((s) => `ComputeOptimized_${s}`),
  ...['A250', 'A500', 'A700', 'A1000', 'A1500', 'A2000', 'A4500'].map((s) => `FlashOptimized_${s}`),
];
const EVICTION_POLICIES = ['AllKeysLFU', 'AllKeysLRU', 'AllKeysRandom', 'NoEviction', 'VolatileLFU', 'VolatileLRU', 'VolatileRandom', 'VolatileTTL'];
const MODULES = ['RedisBloom', 'RedisTimeSeries', 'RediSearch', 'RedisJSON'];

/** The case-sensitive resource ID formats of go-azure-helpers `commonids` (ParseSubnetID and friends). */
const ID = {
  subnet: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/,
  virtualNetwork: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/,
  privateDnsZone: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/,
};

/** `validate.PrivateLinkName`: 1 to 80 characters, starting with a letter or digit, ending with a letter, digit or underscore. */
const PRIVATE_LINK_NAME = /^[a-zA-Z\d]([a-zA-Z\d_.-]{0,78}[a-zA-Z\d_])?$/;
/** The naming rule of network security groups and virtual network links (API): the same as private link names. */
const NETWORK_NAME = PRIVATE_LINK_NAME;

/** `validate.TriggerRecurrenceTimeZone`: the Windows time zone IDs the provider accepts. */
const TIME_ZONES = [
  'Dateline Standard Time', 'Samoa Standard Time', 'Hawaiian Standard Time', 'Alaskan Standard Time', 'Pacific Standard Time',
  'Mountain Standard Time', 'Mexico Standard Time', 'US Mountain Standard Time', 'Central Standard Time',
  'Canada Central Standard Time', 'Central America Standard Time', 'Eastern Standard Time', 'US Eastern Standard Time',
  'SA Pacific Standard Time', 'Atlantic Standard Time', 'SA Western Standard Time', 'Pacific SA Standard Time',
  'Newfoundland and Labrador Standard Time', 'E. South America Standard Time', 'SA Eastern Standard Time', 'Greenland Standard Time',
  'Mid-Atlantic Standard Time', 'Azores Standard Time', 'Cape Verde Standard Time', 'GMT Standard Time', 'Greenwich Standard Time',
  'Central Europe Standard Time', 'Central European Standard Time', 'Romance Standard Time', 'W. Europe Standard Time',
  'W. Central Africa Standard Time', 'E. Europe Standard Time', 'Egypt Standard Time', 'FLE Standard Time', 'GTB Standard Time',
  'Israel Standard Time', 'South Africa Standard Time', 'Russian Standard Time', 'Arab Standard Time', 'E. Africa Standard Time',
  'Arabic Standard Time', 'Iran Standard Time', 'Arabian Standard Time', 'Caucasus Standard Time',
  'Transitional Islamic State of Afghanistan Standard Time', 'Ekaterinburg Standard Time', 'West Asia Standard Time',
  'India Standard Time', 'Nepal Standard Time', 'Central Asia Standard Time', 'Sri Lanka Standard Time',
  'N. Central Asia Standard Time', 'Myanmar Standard Time', 'SE Asia Standard Time', 'North Asia Standard Time',
  'China Standard Time', 'Singapore Standard Time', 'Taipei Standard Time', 'W. Australia Standard Time',
  'North Asia East Standard Time', 'Korea Standard Time', 'Tokyo Standard Time', 'Yakutsk Standard Time', 'AUS Central Standard Time',
  'Cen Australia Standard Time', 'AUS Eastern Standard Time', 'E. Australia Standard Time', 'Tasmania Standard Time',
  'Vladivostok Standard Time', 'West Pacific Standard Time', 'Central Pacific Standard Time', 'Fiji Islands Standard Time',
  'New Zealand Standard Time', 'Tonga Standard Time', 'Azerbaijan Standard Time', 'Middle East Standard Time', 'Jordan Standard Time',
  'Central Standard Time (Mexico)', 'Mountain Standard Time (Mexico)', 'Pacific Standard Time (Mexico)', 'Namibia Standard Time',
  'Georgian Standard Time', 'Central Brazilian Standard Time', 'Montevideo Standard Time', 'Armenian Standard Time',
  'Venezuela Standard Time', 'Argentina Standard Time', 'Morocco Standard Time', 'Pakistan Standard Time', 'Mauritius Standard Time',
  'UTC', 'Paraguay Standard Time', 'Kamchatka Standard Time',
];

const LOCATIONS = Object.keys(AZURE_REGIONS.regions);

/** A resource's `location`: a US or EU region (the project's own rule; the provider takes any region). */
const location = (a: Record<string, any>): [string[], () => boolean, string] =>
  [['location'], () => oneOf(a.location, LOCATIONS), 'a US or EU Azure region'];

/** `resourcegroups.ValidateName`. */
const resourceGroupName = (a: Record<string, any>): [string[], () => boolean, string] =>
  [['resource_group_name'], () => matches(a.resource_group_name, /^[-\w.()]{1,90}$/) && !a.resource_group_name.endsWith('.'), 'resourcegroups.ValidateName'];

/** `tags.Validate`: at most 50 tags, keys up to 512 characters, values up to 256. */
const tags = (a: Record<string, any>): [string[], () => boolean, string] =>
  [['tags'], () => optional(a.tags, (t) => {
    const entries = Object.entries(t as Record<string, unknown>);
    return entries.length <= 50 && entries.every(([k, v]) => k.length <= 512 && String(v).length <= 256);
  }), 'tags.Validate'];

/** Elements of a list that Terraform knows at plan time. */
const known = (values: unknown): unknown[] => (Array.isArray(values) ? values.filter((v) => !isReference(v)) : []);

/** A logic app action body with Terraform's interpolations stood in for, as the provider sees it after they resolve. */
function parsedBody(body: unknown): any {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    return undefined;
  }
}

/**
 * Azure Monitor alerts: azurerm 4.55.0 `internal/services/monitor/monitor_metric_alert_resource.go` (severity 0-4,
 * frequency and window_size enums, criteria aggregation and operator enums) and
 * `monitor_activity_log_alert_resource.go` (criteria category and resource_health status enums); the API requires a
 * window at least as long as the frequency and a metric the resource type publishes (`AZURE_ALERT_METRICS`, from the
 * supported-metrics pages).
 */
const FREQUENCIES = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H'];
const WINDOWS = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT6H', 'PT12H', 'P1D'];
const MINUTES: Record<string, number> = { PT1M: 1, PT5M: 5, PT15M: 15, PT30M: 30, PT1H: 60, PT6H: 360, PT12H: 720, P1D: 1440 };
const ACTION_GROUP = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/microsoft\.insights\/actionGroups\/[^/]+$/i;
const actionGroups = (action: unknown) => Array.isArray(action) && action.length > 0
  && action.every((a: any) => isReference(a.action_group_id) || matches(a.action_group_id, ACTION_GROUP));

export const AZURE_PROVIDER_RULES: Record<string, ResourceCheck> = {
  azurerm_monitor_metric_alert: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0, 'NoZeroValues'],
    [['scopes'], () => Array.isArray(a.scopes) && a.scopes.length > 0, 'at least one scope'],
    [['severity'], () => inRange(a.severity, 0, 4), 'IntBetween(0, 4)'],
    [['frequency'], () => oneOf(a.frequency, FREQUENCIES), 'PT1M, PT5M, PT15M, PT30M or PT1H'],
    [['window_size'], () => oneOf(a.window_size, WINDOWS), 'a window size'],
    [['frequency', 'window_size'], () => !oneOf(a.window_size, WINDOWS) || MINUTES[a.window_size] >= MINUTES[a.frequency], 'a window at least as long as the frequency (API)'],
    [['criteria'], () => Array.isArray(a.criteria) && a.criteria.length >= 1, 'a criteria block'],
    [['criteria'], () => (a.criteria ?? []).every((c: any) => (AZURE_ALERT_METRICS[c.metric_namespace] ?? []).includes(c.metric_name)), 'a metric the resource type publishes (supported-metrics pages)'],
    [['criteria'], () => (a.criteria ?? []).every((c: any) => oneOf(c.aggregation, ['Average', 'Count', 'Minimum', 'Maximum', 'Total'])), 'an aggregation'],
    [['criteria'], () => (a.criteria ?? []).every((c: any) => oneOf(c.operator, ['Equals', 'GreaterThan', 'GreaterThanOrEqual', 'LessThan', 'LessThanOrEqual'])), 'an operator'],
    [['criteria'], () => (a.criteria ?? []).every((c: any) => typeof c.threshold === 'number'), 'a numeric threshold'],
    [['action'], () => actionGroups(a.action), 'action group IDs'],
  ]),
  azurerm_monitor_activity_log_alert: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0, 'NoZeroValues'],
    [['location'], () => typeof a.location === 'string' && a.location.length > 0, 'required in azurerm 4'],
    [['scopes'], () => Array.isArray(a.scopes) && a.scopes.length > 0, 'at least one scope'],
    [['criteria'], () => oneOf(a.criteria?.category, ['Administrative', 'Autoscale', 'Policy', 'Recommendation', 'ResourceHealth', 'Security', 'ServiceHealth']), 'a category'],
    [['criteria'], () => (a.criteria?.resource_health?.current ?? []).every((s: unknown) => oneOf(s, ['Available', 'Degraded', 'Unavailable', 'Unknown'])), 'resource health statuses'],
    [['action'], () => actionGroups(a.action), 'action group IDs'],
  ]),
  azurerm_managed_redis: (a) => {
    const db = a.default_database ?? {};
    const modules: any[] = db.module ?? [];
    return rules({ ...a, ...db }, [
      [['name'], () => matches(a.name, /^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/) && a.name.length <= 63 && !a.name.includes('--'), 'validate.ManagedRedisClusterName'],
      // Azure.ResourceManager.RedisEnterprise `clusterName`: "Name must be 1-60 characters long".
      [['name'], () => typeof a.name === 'string' && a.name.length <= 60, 'at most 60 characters (API)'],
      resourceGroupName(a),
      location(a),
      [['sku_name'], () => oneOf(a.sku_name, MANAGED_REDIS_SKUS), 'validate.PossibleValuesForSkuName'],
      [['public_network_access'], () => optional(a.public_network_access, (v) => oneOf(v, ['Enabled', 'Disabled'])), 'Enabled or Disabled'],
      [['high_availability_enabled'], () => optional(a.high_availability_enabled, (v) => typeof v === 'boolean'), 'a bool'],
      [['client_protocol'], () => optional(db.client_protocol, (v) => oneOf(v, ['Encrypted', 'Plaintext'])), 'Encrypted or Plaintext'],
      [['clustering_policy'], () => optional(db.clustering_policy, (v) => oneOf(v, ['EnterpriseCluster', 'NoCluster', 'OSSCluster'])), 'clustering_policy enum'],
      [['eviction_policy'], () => optional(db.eviction_policy, (v) => oneOf(v, EVICTION_POLICIES)), 'eviction_policy enum'],
      [['persistence_redis_database_backup_frequency'], () => optional(db.persistence_redis_database_backup_frequency, (v) => oneOf(v, ['1h', '6h', '12h'])), '1h, 6h or 12h'],
      [['persistence_append_only_file_backup_frequency'], () => optional(db.persistence_append_only_file_backup_frequency, (v) => oneOf(v, ['1s'])), '1s'],
      [['persistence_redis_database_backup_frequency'], () => [db.persistence_redis_database_backup_frequency, db.persistence_append_only_file_backup_frequency,
        db.geo_replication_group_name].filter((v) => v !== undefined).length <= 1, 'RDB, AOF and geo-replication conflict with each other (ConflictsWith)'],
      [['geo_replication_group_name'], () => optional(db.geo_replication_group_name, (v) => matches(v, /^[a-zA-Z0-9-]{1,63}$/)), 'validate.ManagedRedisDatabaseGeoreplicationGroupName'],
      [['geo_replication_group_name'], () => db.geo_replication_group_name === undefined || !oneOf(a.sku_name, ['Balanced_B0', 'Balanced_B1']),
        'CustomizeDiff: B0 and B1 cannot geo-replicate'],
      [['module'], () => modules.length <= 4 && modules.every((m) => oneOf(m.name, MODULES)), 'at most 4 modules from the enum'],
      [['module'], () => !modules.some((m) => m.name === 'RediSearch') || (db.eviction_policy === 'NoEviction' && db.clustering_policy === 'EnterpriseCluster'),
        'CustomizeDiff: RediSearch needs NoEviction and EnterpriseCluster'],
      [['access_keys_authentication_enabled'], () => a.default_database === undefined || db.access_keys_authentication_enabled === true,
        'the password URI needs access keys (the provider defaults them off)'],
      tags(a),
    ]);
  },
  azurerm_resource_group: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[-\w.()]{1,90}$/) && !a.name.endsWith('.'), 'resourcegroups.ValidateName'],
    location(a),
    tags(a),
  ]),
  azurerm_storage_account: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[a-z0-9]{3,24}$/), 'validate.StorageAccountName'],
    resourceGroupName(a),
    location(a),
    [['account_kind'], () => optional(a.account_kind, (v) => oneOf(v, ['BlobStorage', 'BlockBlobStorage', 'FileStorage', 'Storage', 'StorageV2'])), 'account_kind enum'],
    [['account_tier'], () => oneOf(a.account_tier, ['Standard', 'Premium']), 'Standard or Premium'],
    [['account_replication_type'], () => oneOf(a.account_replication_type, ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS']), 'account_replication_type enum'],
    [['min_tls_version'], () => optional(a.min_tls_version, (v) => oneOf(v, ['TLS1_2'])), 'TLS1_2 only in 4.x'],
    [['infrastructure_encryption_enabled'], () => a.infrastructure_encryption_enabled !== true || (a.account_kind ?? 'StorageV2') === 'StorageV2'
      || (a.account_tier === 'Premium' && oneOf(a.account_kind, ['BlockBlobStorage', 'FileStorage'])), 'infrastructure encryption needs StorageV2 or Premium block blob / file storage'],
    [['blob_properties'], () => a.blob_properties?.versioning_enabled !== true || a.is_hns_enabled !== true, 'versioning_enabled conflicts with is_hns_enabled'],
    tags(a),
  ]),
  azurerm_storage_container: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[0-9a-z-]{3,63}$/) && !a.name.startsWith('-'), 'validate.StorageContainerName'],
    [['name'], () => typeof a.name !== 'string' || (!a.name.includes('--') && !a.name.endsWith('-')), 'no consecutive or trailing hyphens (API)'],
    [['container_access_type'], () => optional(a.container_access_type, (v) => oneOf(v, ['blob', 'container', 'private'])), 'blob, container or private'],
    [['storage_account_id'], () => a.storage_account_id !== undefined, 'required'],
  ]),
  azurerm_storage_management_policy: (a) => rules(a, [
    [['rule'], () => Array.isArray(a.rule) && a.rule.length >= 1 && a.rule.length <= 100, '1 to 100 rules (MinItems; API)'],
    [['rule'], () => (a.rule ?? []).every((r: any) => matches(r.name, /^[A-Za-z0-9-]{1,256}$/)), 'rule names: up to 256 letters, digits and hyphens (StringIsNotEmpty; API)'],
    [['rule'], () => (a.rule ?? []).every((r: any) => Array.isArray(r.filters?.blob_types) && r.filters.blob_types.length > 0
      && r.filters.blob_types.every((t: unknown) => oneOf(t, ['blockBlob', 'appendBlob']))), 'filters.blob_types: blockBlob or appendBlob'],
    [['rule'], () => (a.rule ?? []).every((r: any) => [r.actions?.base_blob, r.actions?.snapshot, r.actions?.version]
      .filter((block) => block !== undefined)
      .every((block) => Object.values(block).every((days) => inRange(days, 0, 99999)))), 'day counts IntBetween(0, 99999)'],
  ]),
  azurerm_logic_app_workflow: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[-()_.A-Za-z0-9]{1,80}$/), 'letters, digits and -()_. up to 80 characters'],
    resourceGroupName(a),
    location(a),
    [['identity'], () => optional(a.identity, (i: any) => oneOf(i.type, ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned'])), 'identity.type enum'],
    tags(a),
  ]),
  azurerm_logic_app_trigger_recurrence: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0 && a.name.length <= 80 && !/[<>%&\\?/]/.test(a.name), 'a trigger name (API)'],
    [['frequency'], () => oneOf(a.frequency, ['Month', 'Week', 'Day', 'Hour', 'Minute', 'Second']), 'frequency enum'],
    [['interval'], () => inRange(a.interval, 1, Number.MAX_SAFE_INTEGER), 'a positive interval (API)'],
    [['schedule'], () => optional(a.schedule, (s: any) => [s.at_these_hours, s.at_these_minutes, s.on_these_days].some((v) => Array.isArray(v) && v.length > 0)), 'AtLeastOneOf'],
    [['schedule'], () => optional(a.schedule?.at_these_hours, (v) => known(v).every((h) => inRange(h, 0, 23))), 'at_these_hours IntBetween(0, 23)'],
    [['schedule'], () => optional(a.schedule?.at_these_minutes, (v) => known(v).every((m) => inRange(m, 0, 59))), 'at_these_minutes IntBetween(0, 59)'],
    [['time_zone'], () => optional(a.time_zone, (v) => oneOf(v, TIME_ZONES)), 'validate.TriggerRecurrenceTimeZone'],
  ]),
  azurerm_logic_app_action_custom: (a) => {
    const body = parsedBody(a.body);
    return rules({ ...a, body: undefined }, [
      [['name'], () => typeof a.name === 'string' && a.name.length > 0 && a.name.length <= 80 && !/[<>%&\\?/]/.test(a.name), 'an action name (API)'],
      [['body'], () => body !== undefined && typeof body === 'object', 'validation.StringIsJSON'],
      [['body'], () => typeof body?.type === 'string' && body.type.length > 0, 'an action type (API)'],
      [['body'], () => body?.type !== 'Http' || (typeof body.inputs?.method === 'string' && typeof body.inputs?.uri === 'string'), 'HTTP actions need a method and a URI (API)'],
      [['body'], () => Object.values(body?.runAfter ?? {}).every((statuses) => Array.isArray(statuses)
        && statuses.every((s) => oneOf(s, ['Succeeded', 'Failed', 'Skipped', 'TimedOut']))), 'runAfter statuses (API)'],
    ]);
  },
  azurerm_role_definition: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0, 'StringIsNotEmpty'],
    [['scope'], () => matches(a.scope, /^(\/subscriptions\/|\/providers\/Microsoft\.Management\/managementGroups\/)/), 'StringStartsWithOneOf'],
    [['description'], () => optional(a.description, (v) => typeof v === 'string' && v.length > 0), 'StringIsNotEmpty'],
    [['permissions'], () => Array.isArray(a.permissions) && a.permissions.length > 0
      && a.permissions.every((p: any) => (p.actions ?? []).every((x: unknown) => matches(x, /^[A-Za-z.]+(\/[\w.*]+)+$/))), 'permissions with provider operations'],
  ]),
  azurerm_role_assignment: (a) => rules(a, [
    [['role_definition_name'], () => (a.role_definition_id === undefined) !== (a.role_definition_name === undefined), 'ExactlyOneOf role_definition_id, role_definition_name'],
    [['principal_type'], () => optional(a.principal_type, (v) => oneOf(v, ['User', 'Group', 'ServicePrincipal'])), 'User, Group or ServicePrincipal'],
    [['name'], () => optional(a.name, (v) => matches(v, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)), 'IsUUID'],
    [['scope'], () => typeof a.scope === 'string' && a.scope.startsWith('/'), 'a scope ID'],
  ]),
  azurerm_network_security_group: (a) => rules(a, [
    [['name'], () => matches(a.name, NETWORK_NAME), '1 to 80 letters, digits, underscores, periods, hyphens (API)'],
    resourceGroupName(a),
    location(a),
    tags(a),
  ]),
  azurerm_network_security_rule: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0 && !/[/\\?%]/.test(a.name) && matches(a.name, NETWORK_NAME), 'StringDoesNotContainAny("/\\?%") and the API name rule'],
    resourceGroupName(a),
    [['protocol'], () => oneOf(a.protocol, ['*', 'Tcp', 'Udp', 'Icmp', 'Ah', 'Esp']), 'protocol enum'],
    [['access'], () => oneOf(a.access, ['Allow', 'Deny']), 'Allow or Deny'],
    [['direction'], () => oneOf(a.direction, ['Inbound', 'Outbound']), 'Inbound or Outbound'],
    [['priority'], () => inRange(a.priority, 100, 4096), 'IntBetween(100, 4096)'],
    [['description'], () => optional(a.description, (v) => typeof v === 'string' && v.length <= 140), 'StringLenBetween(0, 140)'],
    [['source_port_range'], () => (a.source_port_range === undefined) !== (a.source_port_ranges === undefined), 'one of source_port_range, source_port_ranges'],
    [['destination_port_range'], () => (a.destination_port_range === undefined) !== (a.destination_port_ranges === undefined), 'one of destination_port_range, destination_port_ranges'],
    [['destination_port_range'], () => optional(a.destination_port_range, (v) => v === '*' || (matches(v, /^\d+(-\d+)?$/)
      && String(v).split('-').every((p) => inRange(Number(p), 0, 65535)))), 'a port or range (API)'],
    [['source_address_prefix'], () => [a.source_address_prefix, a.source_address_prefixes, a.source_application_security_group_ids]
      .filter((v) => v !== undefined).length === 1, 'ExactlyOneOf source_address_prefix(es), source_application_security_group_ids'],
    [['destination_address_prefix'], () => [a.destination_address_prefix, a.destination_address_prefixes, a.destination_application_security_group_ids]
      .filter((v) => v !== undefined).length === 1, 'ExactlyOneOf destination_address_prefix(es), destination_application_security_group_ids'],
    [['source_address_prefixes'], () => optional(a.source_address_prefixes, (v) => (v as unknown[]).length > 0
      && known(v).every((p) => isIpv4Cidr(String(p).includes('/') ? p : `${String(p)}/32`))), 'IPv4 addresses or canonical CIDRs (API)'],
  ]),
  azurerm_subnet_network_security_group_association: (a) => rules(a, [
    [['subnet_id'], () => matches(a.subnet_id, ID.subnet), 'commonids.ValidateSubnetID'],
    [['network_security_group_id'], () => matches(a.network_security_group_id, /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/networkSecurityGroups\/[^/]+$/),
      'ValidateNetworkSecurityGroupID'],
  ]),
  azurerm_private_dns_zone: (a) => rules(a, [
    [['name'], () => matches(a.name, /^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/i), 'a DNS zone name (API)'],
    resourceGroupName(a),
    tags(a),
  ]),
  azurerm_private_dns_zone_virtual_network_link: (a) => rules(a, [
    [['name'], () => matches(a.name, NETWORK_NAME), '1 to 80 letters, digits, underscores, periods, hyphens (API)'],
    [['private_dns_zone_name'], () => typeof a.private_dns_zone_name === 'string' && a.private_dns_zone_name.length > 0, 'StringIsNotEmpty'],
    [['virtual_network_id'], () => matches(a.virtual_network_id, ID.virtualNetwork), 'commonids.ValidateVirtualNetworkID'],
    resourceGroupName(a),
    tags(a),
  ]),
  azurerm_private_endpoint: (a) => {
    const connection = a.private_service_connection ?? {};
    const zoneGroup = a.private_dns_zone_group;
    return rules(a, [
      [['name'], () => matches(a.name, PRIVATE_LINK_NAME), 'validate.PrivateLinkName'],
      resourceGroupName(a),
      location(a),
      [['subnet_id'], () => matches(a.subnet_id, ID.subnet), 'commonids.ValidateSubnetID'],
      [['private_service_connection'], () => matches(connection.name, PRIVATE_LINK_NAME) || isReference(connection.name), 'private_service_connection.name: validate.PrivateLinkName'],
      [['private_service_connection'], () => typeof connection.is_manual_connection === 'boolean', 'is_manual_connection is required'],
      [['private_service_connection'], () => (connection.private_connection_resource_id === undefined) !== (connection.private_connection_resource_alias === undefined),
        'ExactlyOneOf private_connection_resource_id, private_connection_resource_alias'],
      [['private_service_connection'], () => optional(connection.subresource_names, (v) => (v as unknown[]).every((s) => matches(s, /^[a-zA-Z0-9][\w.-]{1,61}[a-zA-Z0-9]$/))),
        'validate.PrivateLinkSubResourceName'],
      [['private_dns_zone_group'], () => optional(zoneGroup, (g: any) => (matches(g.name, PRIVATE_LINK_NAME) || isReference(g.name))
        && Array.isArray(g.private_dns_zone_ids) && known(g.private_dns_zone_ids).every((id) => matches(id, ID.privateDnsZone))), 'name: PrivateLinkName; private_dns_zone_ids: ValidatePrivateDnsZoneID'],
      tags(a),
    ]);
  },
};
