import { ResourceCheck, inRange, isIpv4Cidr, isIpv6Cidr, matches, oneOf, optional, rules } from '../../../../test/provider-rules/rule-kit';
import { ELASTICACHE_ALARM_METRICS, ELASTICACHE_NAMESPACE } from '../alert-plan';

/**
 * AWS provider 6.25 rules (mapping notes 1.7): replication_group.go, validate.go, engine_version.go,
 * user.go, and the API-side rules the notes record; random provider 3.7 for random_id (resource_id.go).
 */
const ID = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]*(?<!-)$/;
const DAILY_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const WEEKLY_WINDOW = /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d$/;
/** A default parameter group: `default.<family>`, with `.cluster.on` for cluster mode (ElastiCache guide, "Parameter groups"). */
const DEFAULT_GROUP = /^default\.(redis|valkey)(\d+)(\.x)?(\.cluster\.on)?$/;
/** A user-made parameter group: a letter first, then letters, digits and hyphens (API CreateCacheParameterGroup). */
const CUSTOM_GROUP = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{0,254}(?<!-)$/;
/** Snapshot names follow the cluster ID style (DeleteReplicationGroup FinalSnapshotIdentifier, API). */
const SNAPSHOT_NAME = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]*(?<!-)$/;
/** ElastiCache stores these IDs in lower case; the provider 6.25 reads user IDs back unlowered (user.go; aws#37151). */
const LOWER_CASE = 'lower case, as ElastiCache stores it (upper case: inconsistent final plan, aws#37151)';
/** An SNS topic ARN (alarm actions and the notification topic). */
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
/**
 * aws_cloudwatch_metric_alarm (AWS provider 6.25 internal/service/cloudwatch/metric_alarm.go: comparison_operator,
 * statistic and treat_missing_data enums, alarm_name 1-255, evaluation_periods at least 1; the PutMetricAlarm API: period
 * 10, 30 or a multiple of 60 seconds, at most 5 alarm and 5 OK actions, up to 30 dimensions).
 */
const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'];
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const MISSING_DATA = ['missing', 'ignore', 'breaching', 'notBreaching'];
const actions = (v: unknown) => v === undefined || (Array.isArray(v) && v.length <= 5 && v.every((arn) => matches(arn, SNS_ARN)));
const ELASTICACHE_FORBIDDEN = ['bgrewriteaof', 'bgsave', 'config', 'debug', 'migrate', 'replicaof', 'save', 'slaveof', 'shutdown', 'sync'];

/** True for a value that interpolates a Terraform expression (a token name), which only Terraform resolves. */
const hasInterpolation = (v: unknown) => typeof v === 'string' && v.includes('${');

export const AWS_PROVIDER_RULES: Record<string, ResourceCheck> = {
  aws_elasticache_replication_group: (a) => rules(a, [
    [['replication_group_id'], () => matches(a.replication_group_id, ID) && a.replication_group_id.length <= 40, 'validateReplicationGroupID'],
    [['description'], () => typeof a.description === 'string' && a.description.length > 0, 'must not be empty'],
    [['engine'], () => oneOf(a.engine, ['redis', 'valkey']), 'redis or valkey'],
    [['engine', 'engine_version'], () => (a.engine === 'valkey' ? matches(a.engine_version, /^[7-9]\.\d+$/) : matches(a.engine_version, /^([6-9]|\d\d)\.\d+$/)), 'validRedisVersionString / validValkeyVersionString'],
    [['auth_token'], () => a.auth_token === undefined || a.user_group_ids === undefined, 'auth_token conflicts with user_group_ids'],
    [['multi_az_enabled'], () => !a.multi_az_enabled || a.automatic_failover_enabled === true, 'multi_az_enabled requires automatic_failover_enabled'],
    [['num_cache_clusters'], () => !a.automatic_failover_enabled || a.num_cache_clusters >= 2, 'automatic failover needs at least 2 cache clusters'],
    [['num_cache_clusters'], () => inRange(a.num_cache_clusters, 1, 6), 'a primary and at most 5 replicas (API)'],
    [['snapshot_retention_limit'], () => optional(a.snapshot_retention_limit, (v) => inRange(v, 0, 35)), 'IntAtMost(35)'],
    [['snapshot_window'], () => optional(a.snapshot_window, (v) => matches(v, DAILY_WINDOW)), 'ValidOnceADayWindowFormat'],
    [['maintenance_window'], () => optional(a.maintenance_window, (v) => matches(v, WEEKLY_WINDOW)), 'ValidOnceAWeekWindowFormat'],
    [['transit_encryption_mode'], () => optional(a.transit_encryption_mode, (v) => oneOf(v, ['preferred', 'required'])), 'preferred or required'],
    [['transit_encryption_mode'], () => a.transit_encryption_mode === undefined || a.transit_encryption_enabled === true, 'needs transit_encryption_enabled (API)'],
    [['user_group_ids'], () => a.user_group_ids === undefined || a.transit_encryption_enabled === true, 'RBAC needs TLS (API)'],
    [['at_rest_encryption_enabled'], () => optional(a.at_rest_encryption_enabled, (v) => oneOf(v, ['true', 'false'])), 'nullable bool'],
    [['kms_key_id'], () => a.kms_key_id === undefined || a.at_rest_encryption_enabled === 'true', 'kms_key_id needs at-rest encryption'],
    [['parameter_group_name'], () => optional(a.parameter_group_name, (v) => matches(v, DEFAULT_GROUP) || matches(v, CUSTOM_GROUP) || hasInterpolation(v)), 'a default group (default.<family>) or a parameter group name'],
    [['parameter_group_name', 'engine', 'engine_version'], () => optional(a.parameter_group_name, (v) => !matches(v, DEFAULT_GROUP)
      || (DEFAULT_GROUP.exec(v as string)![1] === a.engine && DEFAULT_GROUP.exec(v as string)![2] === String(a.engine_version).split('.')[0])),
    'the engine version\'s family ("Expected a parameter group of family ...", API; aws#26484)'],
    [['parameter_group_name'], () => optional(a.parameter_group_name, (v) => !(v as string).endsWith('.cluster.on') || a.cluster_mode === 'enabled'), '.cluster.on groups need cluster mode (API)'],
    [['apply_immediately'], () => optional(a.apply_immediately, (v) => typeof v === 'boolean'), 'a bool'],
    [['final_snapshot_identifier'], () => optional(a.final_snapshot_identifier, (v) => matches(v, SNAPSHOT_NAME)), 'a letter first, letters, digits and hyphens, no -- and no hyphen at the end (API)'],
    [['snapshot_name', 'snapshot_arns'], () => a.snapshot_name === undefined || a.snapshot_arns === undefined, 'snapshot_name and snapshot_arns: one source (CreateReplicationGroup)'],
    [['notification_topic_arn'], () => optional(a.notification_topic_arn, (v) => matches(v, SNS_ARN)), 'an SNS topic ARN'],
    [['preferred_cache_cluster_azs'], () => a.preferred_cache_cluster_azs === undefined || a.preferred_cache_cluster_azs.length === a.num_cache_clusters, 'one zone per cache cluster (API)'],
  ]),
  // parameter_group.go: name (lower-cased by a StateFunc), family, description all ForceNew; CreateCacheParameterGroup: a
  // letter first, letters, digits and hyphens, no `--`, no hyphen at the end, at most 255; the family one ElastiCache knows.
  aws_elasticache_parameter_group: (a) => rules(a, [
    [['name'], () => hasInterpolation(a.name) || (matches(a.name, CUSTOM_GROUP) && matches(a.name, /^[^A-Z]*$/)), 'a letter first, letters, digits and hyphens; lower case, as the provider stores it'],
    [['family'], () => hasInterpolation(a.family) || matches(a.family, /^(redis|valkey)\d+$/), 'a Redis OSS or Valkey family, such as valkey8 (API)'],
    [['parameter'], () => (a.parameter ?? []).every((p: { name: string; value: string }) => p.name !== 'maxmemory-policy'
      || oneOf(p.value, ['noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'])),
    'maxmemory-policy takes the Redis policies (ElastiCache guide, Redis OSS-specific parameters)'],
  ]),
  aws_elasticache_user: (a) => rules(a, [
    [['engine'], () => oneOf(a.engine, ['redis', 'valkey']), 'redis or valkey'],
    [['user_id'], () => matches(a.user_id, ID) && a.user_id.length <= 40, 'letters, digits, hyphens; starts with a letter (API)'],
    [['user_id'], () => matches(a.user_id, /^[^A-Z]*$/), LOWER_CASE],
    [['authentication_mode'], () => oneOf(a.authentication_mode?.type, ['password', 'no-password-required', 'iam']), 'authentication_mode.type'],
    [['authentication_mode'], () => a.authentication_mode?.type !== 'password' || (a.authentication_mode.passwords?.length ?? 0) >= 1, 'password mode needs a password'],
    [['authentication_mode'], () => (a.authentication_mode?.passwords?.length ?? 0) <= 2, 'at most two passwords (MaxItems 2)'],
    [['authentication_mode'], () => a.authentication_mode?.type !== 'iam' || a.authentication_mode.passwords === undefined, 'iam mode takes no password'],
    [['user_id', 'user_name'], () => a.authentication_mode?.type !== 'iam' || a.user_id === a.user_name, 'iam mode needs user_id equal to user_name (API)'],
    [['access_string'], () => !/(^|\s)(reset|>|<|#)/.test(a.access_string), 'no reset or inline passwords in an access string'],
    [['access_string'], () => !ELASTICACHE_FORBIDDEN.some((c) => new RegExp(`(^|\\s)[+-]${c}(\\s|$|\\|)`).test(a.access_string)), 'names a command ElastiCache forbids (API)'],
  ]),
  aws_elasticache_user_group: (a) => rules(a, [
    [['engine'], () => oneOf(a.engine, ['redis', 'valkey']), 'redis or valkey'],
    [['user_group_id'], () => matches(a.user_group_id, ID) && a.user_group_id.length <= 40, 'letters, digits, hyphens (API)'],
    [['user_group_id'], () => matches(a.user_group_id, /^[^A-Z]*$/), LOWER_CASE],
    [['user_ids'], () => Array.isArray(a.user_ids) && a.user_ids.length > 0, 'must contain the default user (API DefaultUserRequired)'],
  ]),
  aws_elasticache_subnet_group: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[a-z0-9-]{1,255}$/), 'lower-case letters, digits and hyphens'],
    [['subnet_ids'], () => Array.isArray(a.subnet_ids) && a.subnet_ids.length > 0, 'at least one subnet'],
  ]),
  aws_security_group: (a) => rules(a, [
    [['name'], () => typeof a.name === 'string' && a.name.length <= 255 && !a.name.startsWith('sg-'), 'at most 255 characters, not starting with sg-'],
    [['description'], () => matches(a.description, /^[\x20-\x7E]{0,255}$/), 'at most 255 ASCII characters'],
  ]),
  aws_vpc_security_group_ingress_rule: (a) => rules(a, [
    [['cidr_ipv4', 'cidr_ipv6'], () => [a.cidr_ipv4, a.cidr_ipv6, a.prefix_list_id, a.referenced_security_group_id].filter((v) => v !== undefined).length === 1, 'exactly one source'],
    [['cidr_ipv4'], () => optional(a.cidr_ipv4, isIpv4Cidr), 'a canonical IPv4 CIDR'],
    [['cidr_ipv6'], () => optional(a.cidr_ipv6, isIpv6Cidr), 'a canonical IPv6 CIDR'],
    [['ip_protocol'], () => oneOf(a.ip_protocol, ['tcp', 'udp', 'icmp', 'icmpv6', '-1']), 'a protocol'],
    [['from_port', 'to_port'], () => inRange(a.from_port, 0, 65535) && inRange(a.to_port, a.from_port, 65535), 'a port range'],
  ]),
  aws_cloudwatch_metric_alarm: (a) => rules(a, [
    [['alarm_name'], () => typeof a.alarm_name === 'string' && a.alarm_name.length >= 1 && a.alarm_name.length <= 255, '1-255 characters'],
    [['namespace'], () => a.namespace === ELASTICACHE_NAMESPACE, `the ElastiCache namespace ${ELASTICACHE_NAMESPACE}`],
    [['metric_name'], () => oneOf(a.metric_name, Object.values(ELASTICACHE_ALARM_METRICS)), 'an ElastiCache metric (CacheMetrics.Redis.html)'],
    [['dimensions'], () => typeof a.dimensions?.CacheClusterId === 'string' && Object.keys(a.dimensions).length === 1, 'the CacheClusterId dimension of one node'],
    [['dimensions'], () => a.dimensions?.CacheClusterId === undefined || hasInterpolation(a.dimensions.CacheClusterId) || /-00[1-6]$/.test(a.dimensions.CacheClusterId), 'a member cluster ID, <group>-00<n>'],
    [['comparison_operator'], () => oneOf(a.comparison_operator, COMPARISONS), 'a comparison operator'],
    [['statistic'], () => oneOf(a.statistic, STATISTICS), 'a statistic'],
    [['period'], () => oneOf(a.period, [10, 20, 30]) || (inRange(a.period, 60, 86_400) && a.period % 60 === 0), '10, 20, 30 or a multiple of 60 seconds (API)'],
    [['evaluation_periods'], () => inRange(a.evaluation_periods, 1, 100), 'at least 1'],
    [['period', 'evaluation_periods'], () => a.period * a.evaluation_periods <= 86_400, 'evaluates at most one day (API)'],
    [['threshold'], () => typeof a.threshold === 'number' && a.threshold >= 0, 'a number, 0 or more'],
    [['treat_missing_data'], () => optional(a.treat_missing_data, (v) => oneOf(v, MISSING_DATA)), 'missing, ignore, breaching or notBreaching'],
    [['alarm_actions'], () => actions(a.alarm_actions), 'at most 5 SNS topic ARNs'],
    [['ok_actions'], () => actions(a.ok_actions), 'at most 5 SNS topic ARNs'],
  ]),
  random_id: (a) => rules(a, [
    [['byte_length'], () => inRange(a.byte_length, 1, Number.MAX_SAFE_INTEGER), 'at least 1 byte (schema description; Required)'],
    [['keepers'], () => a.keepers === undefined || (typeof a.keepers === 'object' && Object.values(a.keepers).every((v) => typeof v === 'string')), 'a map of strings (MapAttribute, ElementType StringType)'],
    [['prefix'], () => optional(a.prefix, (v) => typeof v === 'string'), 'a string'],
  ]),
};
