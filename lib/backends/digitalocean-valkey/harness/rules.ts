import { ResourceCheck, inRange, isIpv4Cidr, matches, oneOf, optional, rules } from '../../../../test/provider-rules/rule-kit';

/**
 * DigitalOcean provider 2.71 rules (mapping notes 4.4: digitalocean/database/*.go) and the API-side rules the
 * provider leaves to the API: size slugs, regions, node counts, IPv4-only trusted sources, at most 100.
 */
const SIZES = [
  'db-s-1vcpu-1gb', 'db-s-1vcpu-2gb', 'db-s-2vcpu-4gb', 'db-s-4vcpu-8gb', 'db-s-6vcpu-16gb', 'db-s-8vcpu-32gb', 'db-s-16vcpu-64gb',
  'm-2vcpu-16gb', 'm-4vcpu-32gb', 'm-8vcpu-64gb', 'm-16vcpu-128gb', 'm-24vcpu-192gb', 'm-32vcpu-256gb',
];
const VALKEY_REGIONS = ['nyc1', 'nyc2', 'nyc3', 'ams3', 'sfo2', 'sfo3', 'sgp1', 'lon1', 'fra1', 'tor1', 'blr1', 'syd1', 'atl1'];

/**
 * digitalocean_monitor_alert (provider v2.71.0 digitalocean/monitoring/resource_monitor_alert.go: `type` and `window`
 * enums, `compare` GreaterThan or LessThan, `value` at least 0, `alerts` one block of e-mail addresses and Slack channels
 * with a non-empty channel and URL, `description` required); the database types and their percent values per the API
 * (godo monitoring.go).
 */
const DBAAS_ALERT_TYPES = ['v1/dbaas/alerts/load_15_alerts', 'v1/dbaas/alerts/cpu_alerts', 'v1/dbaas/alerts/memory_utilization_alerts', 'v1/dbaas/alerts/disk_utilization_alerts'];
const PERCENT_TYPES = DBAAS_ALERT_TYPES.filter((t) => !t.includes('load_15'));

export const DIGITALOCEAN_PROVIDER_RULES: Record<string, ResourceCheck> = {
  digitalocean_monitor_alert: (a) => rules(a, [
    [['type'], () => oneOf(a.type, DBAAS_ALERT_TYPES), 'a database alert type (v1/dbaas/alerts/...)'],
    [['compare'], () => oneOf(a.compare, ['GreaterThan', 'LessThan']), 'GreaterThan or LessThan'],
    [['value'], () => typeof a.value === 'number' && a.value >= 0, 'FloatAtLeast(0)'],
    [['value', 'type'], () => !PERCENT_TYPES.includes(a.type) || a.value <= 100, 'a percentage for utilization types'],
    [['window'], () => oneOf(a.window, ['5m', '10m', '30m', '1h']), '5m, 10m, 30m or 1h'],
    [['description'], () => typeof a.description === 'string' && a.description.length > 0, 'required'],
    [['entities'], () => Array.isArray(a.entities) && a.entities.length > 0, 'the database cluster (a database alert needs an entity)'],
    [['alerts'], () => (a.alerts?.email?.length ?? 0) + (a.alerts?.slack?.length ?? 0) > 0, 'an e-mail address or a Slack channel'],
    [['alerts'], () => (a.alerts?.email ?? []).every((e: unknown) => matches(e, /^[^@\s]+@[^@\s]+\.[^@\s]+$/)), 'e-mail addresses'],
    [['alerts'], () => (a.alerts?.slack ?? []).every((s: any) => matches(s.channel, /^.+$/) && matches(s.url, /^https:\/\/\S+$/)), 'slack channel and https URL (StringIsNotEmpty)'],
  ]),
  digitalocean_database_cluster: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length > 0, 'NoZeroValues'],
    [['engine'], () => oneOf(a.engine, ['valkey', 'redis']), 'a caching engine'],
    [['version'], () => typeof a.version === 'string' && a.version.length > 0, 'transitionVersionToRequired: version is required'],
    [['size'], () => oneOf(a.size, SIZES), 'a database size slug (API)'],
    [['region'], () => oneOf(a.region, VALKEY_REGIONS), 'a region with Managed Valkey (API)'],
    [['node_count'], () => inRange(a.node_count, 1, 2), 'Valkey clusters have at most one standby (API)'],
    [['node_count', 'size'], () => a.node_count === 1 || a.size !== 'db-s-1vcpu-1gb', 'standby nodes need 2 GB or more (API)'],
    [['eviction_policy'], () => a.eviction_policy === undefined || oneOf(a.engine, ['redis', 'valkey']), 'validateExclusiveAttributes'],
    [['eviction_policy'], () => optional(a.eviction_policy, (v) => oneOf(v, ['noeviction', 'allkeys_lru', 'allkeys_random', 'volatile_lru', 'volatile_random', 'volatile_ttl'])),
      'NoZeroValues; the API takes godo\'s EvictionPolicy* names'],
    [['tags'], () => optional(a.tags, (tags) => (tags as string[]).every((t) => matches(t, /^[a-zA-Z0-9:_-]{1,255}$/))), 'tag characters (API)'],
  ]),
  digitalocean_database_firewall: (a) => rules(a, [
    // A list known only at apply is a dynamic block, whose size a precondition checks.
    [['rule'], () => (a.rule === undefined && a.dynamic?.rule !== undefined) || (Array.isArray(a.rule) && a.rule.length >= 1 && a.rule.length <= 100), '1 to 100 trusted sources (API)'],
    [['rule'], () => (a.rule ?? []).every((r: any) => oneOf(r.type, ['ip_addr', 'droplet', 'k8s', 'tag', 'app'])), 'rule.type enum'],
    [['rule'], () => (a.rule ?? []).every((r: any) => typeof r.value === 'string' && r.value.length > 0), 'rule.value NoZeroValues'],
    [['rule'], () => (a.rule ?? []).filter((r: any) => r.type === 'ip_addr' && !String(r.value).includes('${'))
      .every((r: any) => isIpv4Cidr(r.value.includes('/') ? r.value : `${r.value}/32`)), 'ip_addr sources are IPv4 (API)'],
    // flattenDatabaseFirewallRules (resource_database_firewall.go:172-190) reads the API's value back verbatim into
    // the rule set, and the API returns a host as its bare address (digitalocean/terraform-provider-digitalocean#809).
    [['rule'], () => (a.rule ?? []).filter((r: any) => r.type === 'ip_addr' && !String(r.value).includes('${'))
      .every((r: any) => !String(r.value).endsWith('/32')), 'ip_addr hosts are bare addresses, as the API returns them (flattenDatabaseFirewallRules)'],
  ]),
  digitalocean_database_valkey_config: (a) => rules(a, [
    [['persistence'], () => optional(a.persistence, (v) => oneOf(v, ['off', 'rdb'])), 'off or rdb'],
    [['frequent_snapshots'], () => optional(a.frequent_snapshots, (v) => typeof v === 'boolean'), 'a bool'],
    [['acl_channels_default'], () => optional(a.acl_channels_default, (v) => oneOf(v, ['allchannels', 'resetchannels'])), 'acl_channels_default enum'],
    [['number_of_databases'], () => optional(a.number_of_databases, (v) => inRange(v, 1, 128)), '1 to 128'],
    [['io_threads'], () => optional(a.io_threads, (v) => inRange(v, 1, 32)), '1 to 32'],
    [['lfu_log_factor'], () => optional(a.lfu_log_factor, (v) => inRange(v, 1, 100)), '1 to 100'],
    [['lfu_decay_time'], () => optional(a.lfu_decay_time, (v) => inRange(v, 1, 120)), '1 to 120'],
    [['pubsub_client_output_buffer_limit'], () => optional(a.pubsub_client_output_buffer_limit, (v) => inRange(v, 32, 512)), '32 to 512'],
    [['valkey_active_expire_effort'], () => optional(a.valkey_active_expire_effort, (v) => inRange(v, 1, 10)), '1 to 10'],
  ]),
};
