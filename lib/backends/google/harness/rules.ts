import { ResourceCheck, inRange, isIpv4Cidr, isReference, matches, oneOf, optional, rules } from '../../../../test/provider-rules/rule-kit';

/**
 * Google provider 6.50.0 rules (mapping notes 3.7): `google/services/redis/resource_redis_instance.go`,
 * `google/services/memorystore/resource_memorystore_instance.go`, `storage/resource_storage_bucket.go`,
 * `resourcemanager/resource_google_service_account.go`, `resourcemanager/resource_google_project_iam_custom_role.go`,
 * `cloudscheduler/resource_cloud_scheduler_job.go`, `dns/resource_dns_record_set.go`, `verify/validation.go`;
 * and the API-side rules the notes and the provider's field docs record (marked "API").
 */

/** A block Terraform JSON may hold as an object or as a list of one. */
const one = (block: unknown): Record<string, any> | undefined => (Array.isArray(block) ? block[0] : block as Record<string, any> | undefined);
/** Every element of a repeated block. */
const each = (blocks: unknown): Record<string, any>[] =>
  (blocks === undefined ? [] : Array.isArray(blocks) ? blocks : [blocks as Record<string, any>]);
/**
 * The literal text of a string around its interpolations (`${...}`, braces balanced), which Terraform keeps as is: a
 * name part-computed by Terraform can still break the rule in the part the library wrote.
 */
export function literalText(value: string): string {
  let text = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (depth === 0 && value.startsWith('${', i)) {
      depth = 1;
      i++;
    } else if (depth > 0) {
      depth += value[i] === '{' ? 1 : value[i] === '}' ? -1 : 0;
    } else {
      text += value[i];
    }
  }
  return text;
}

/** A value that is set and not an interpolation Terraform resolves later. */
const literal = (value: unknown) => value !== undefined && !isReference(value);
const nonEmpty = (value: unknown) => typeof value === 'string' && value.length > 0;

const DAYS = ['DAY_OF_WEEK_UNSPECIFIED', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const SNAPSHOT_PERIODS = ['ONE_HOUR', 'SIX_HOURS', 'TWELVE_HOURS', 'TWENTY_FOUR_HOURS'];

/** Label keys and values (API): keys start with a lowercase letter; at most 64 labels of at most 63 characters. */
function labelsOk(labels: unknown): boolean {
  if (labels === undefined) return true;
  const entries = Object.entries(labels as Record<string, unknown>);
  return entries.length <= 64 && entries.every(([key, value]) => (isReference(key) || /^[a-z][a-z0-9_-]{0,62}$/.test(key))
    && (isReference(value) || matches(value, /^[a-z0-9_-]{0,63}$/)));
}

/** `weekly_maintenance_window`: day enum, hours 0-23, minutes 0-59 (provider); at most one window (API). */
function maintenanceOk(policy: unknown): boolean {
  const windows = each(one(policy)?.weekly_maintenance_window);
  return windows.length <= 1 && windows.every((w) => oneOf(w.day, DAYS)
    && optional(one(w.start_time)?.hours, (h) => inRange(h, 0, 23)) && optional(one(w.start_time)?.minutes, (m) => inRange(m, 0, 59)));
}

/** A unix-cron field: `*`, a number in range, or lists, ranges and steps of them. */
function cronFieldOk(field: string, min: number, max: number): boolean {
  return field.split(',').every((part) => {
    const [range, step] = part.split('/');
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return false;
    if (range === '*') return true;
    const bounds = range.split('-');
    return bounds.length <= 2 && bounds.every((b) => /^\d+$/.test(b) && Number(b) >= min && Number(b) <= max)
      && (bounds.length === 1 || Number(bounds[0]) <= Number(bounds[1]));
  });
}

/** Cloud Scheduler's unix-cron schedule (API): minute, hour, day of month, month, day of week. */
export function isCron(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const fields = value.trim().split(/\s+/);
  const limits: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
  return fields.length === 5 && fields.every((field, i) => cronFieldOk(field, ...limits[i]));
}

/** A duration as Google APIs write it: seconds with up to nine fractional digits and an `s`. */
const DURATION = /^\d+(\.\d{1,9})?s$/;
const seconds = (value: unknown) => (matches(value, DURATION) ? Number(String(value).slice(0, -1)) : Number.NaN);

/** Cloud Storage bucket names (API): 3-63 characters, lowercase, digits, `-`, `_`, `.`; no "google", not "goog..." first; not an IP address. */
export function isBucketName(value: unknown): boolean {
  return matches(value, /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/) && !/google|^goog|\.\.|\.-|-\./.test(value as string)
    && !/^\d+\.\d+\.\d+\.\d+$/.test(value as string);
}

/** An IAM principal (API): `user:`, `serviceAccount:`, `group:`, `domain:`, `principal:` or `principalSet:` and an identifier. */
const MEMBER = /^(user|serviceAccount|group|domain|principal|principalSet|deleted:serviceAccount):\S+$/;
/** A predefined or custom role name (API). */
const ROLE = /^(roles\/[a-zA-Z0-9_.]+|(projects|organizations)\/[^/]+\/roles\/[a-zA-Z0-9_.]{3,64})$/;
const NETWORK = /^projects\/[^/]+\/global\/networks\/[^/]+$/;
const KMS_KEY = /^projects\/[^/]+\/locations\/([^/]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
/** A Cloud KMS key of the resource's own location (API: Memorystore and Cloud Storage take keys of their region only). */
const kmsKeyOk = (key: unknown, location: unknown) => key === undefined || isReference(key)
  || (matches(key, KMS_KEY) && (isReference(location) || KMS_KEY.exec(key as string)![1] === String(location).toLowerCase()));

/** Memorystore for Valkey node types in google 6.50, with the `maxclients` ceiling of each (mapping notes 3.5). */
const VALKEY_MAX_CLIENTS: Record<string, number> = {
  SHARED_CORE_NANO: 5_000,
  STANDARD_SMALL: 32_000,
  HIGHMEM_MEDIUM: 64_000,
  HIGHMEM_XLARGE: 64_000,
};
const DAY_SECONDS = 86_400;
/** The `maxmemory-policy` values Memorystore for Redis and for Valkey take as a supported configuration (API). */
const MAXMEMORY_POLICIES = ['noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'];
const policyOk = (configs: Record<string, unknown> | undefined) => !literal(configs?.['maxmemory-policy']) || oneOf(configs!['maxmemory-policy'], MAXMEMORY_POLICIES);

export const GOOGLE_PROVIDER_RULES: Record<string, ResourceCheck> = {
  google_redis_instance: (a) => {
    const persistence = one(a.persistence_config);
    const readReplicas = a.read_replicas_mode === 'READ_REPLICAS_ENABLED';
    const tier = a.tier ?? 'BASIC';
    return rules(a, [
      [['name'], () => matches(a.name, /^[a-z][a-z0-9-]{0,39}[a-z0-9]$/), 'ValidateRegexp ^[a-z][a-z0-9-]{0,39}[a-z0-9]$'],
      [['tier'], () => optional(a.tier, (v) => oneOf(v, ['BASIC', 'STANDARD_HA'])), 'BASIC or STANDARD_HA'],
      [['memory_size_gb'], () => inRange(a.memory_size_gb, 1, 300), '1 to 300 GB (API)'],
      [['redis_version'], () => optional(a.redis_version, (v) => matches(v, /^REDIS_\d+_(\d+|X)$/)), 'a version such as REDIS_7_2 (API)'],
      [['transit_encryption_mode'], () => optional(a.transit_encryption_mode, (v) => oneOf(v, ['SERVER_AUTHENTICATION', 'DISABLED'])), 'SERVER_AUTHENTICATION or DISABLED'],
      [['connect_mode'], () => optional(a.connect_mode, (v) => oneOf(v, ['DIRECT_PEERING', 'PRIVATE_SERVICE_ACCESS'])), 'DIRECT_PEERING or PRIVATE_SERVICE_ACCESS'],
      [['read_replicas_mode'], () => optional(a.read_replicas_mode, (v) => oneOf(v, ['READ_REPLICAS_DISABLED', 'READ_REPLICAS_ENABLED'])), 'read_replicas_mode enum'],
      [['read_replicas_mode', 'tier'], () => a.read_replicas_mode === undefined || tier === 'STANDARD_HA', 'read replicas mode is not valid for the basic tier (API)'],
      [['replica_count', 'tier'], () => (tier === 'BASIC' ? optional(a.replica_count, (v) => v === 0)
        : readReplicas ? optional(a.replica_count, (v) => inRange(v, 1, 5)) : optional(a.replica_count, (v) => v === 1)),
      'BASIC takes 0 replicas, STANDARD_HA 1, or 1 to 5 with read replicas (API)'],
      [['read_replicas_mode', 'memory_size_gb'], () => !readReplicas || (typeof a.memory_size_gb === 'number' && a.memory_size_gb >= 5), 'read replicas need 5 GB or more (API)'],
      [['alternative_location_id', 'location_id'], () => a.alternative_location_id === undefined || a.alternative_location_id !== a.location_id,
        'alternative_location_id must differ from location_id (API)'],
      [['alternative_location_id', 'tier'], () => a.alternative_location_id === undefined || tier === 'STANDARD_HA', 'only STANDARD_HA has an alternative zone (API)'],
      [['reserved_ip_range', 'connect_mode'], () => optional(a.reserved_ip_range, (v) => (a.connect_mode === 'PRIVATE_SERVICE_ACCESS'
        ? matches(v, /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/)
        : isIpv4Cidr(v) && (readReplicas ? /\/28$/ : /\/(28|29)$/).test(String(v)))),
      'direct peering takes a /29 range, or /28 with read replicas; private services access an allocated range\'s name (API)'],
      [['secondary_ip_range'], () => optional(a.secondary_ip_range, (v) => v === 'auto'
        || (a.connect_mode === 'PRIVATE_SERVICE_ACCESS' ? nonEmpty(v) : isIpv4Cidr(v) && /\/28$/.test(String(v)))),
      '"auto", a /28 range (direct peering) or an allocated range\'s name (API)'],
      [['persistence_config'], () => literal(persistence?.persistence_mode) === false || oneOf(persistence!.persistence_mode, ['DISABLED', 'RDB']), 'persistence_mode DISABLED or RDB'],
      [['persistence_config'], () => literal(persistence?.rdb_snapshot_period) === false || oneOf(persistence!.rdb_snapshot_period, SNAPSHOT_PERIODS), 'rdb_snapshot_period enum'],
      [['maintenance_policy'], () => maintenanceOk(a.maintenance_policy), 'weekly_maintenance_window day enum, hours 0-23, minutes 0-59, one window'],
      [['authorized_network'], () => optional(a.authorized_network, (v) => matches(v,
        /^((https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[^/\s]+\/global\/networks\/)?[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/)),
      'a network name, full name or self link (API)'],
      [['customer_managed_key'], () => kmsKeyOk(a.customer_managed_key, a.region), 'a Cloud KMS key in the instance\'s region (API)'],
      [['redis_configs'], () => policyOk(a.redis_configs), 'maxmemory-policy takes the Redis policies (API supported configurations)'],
      [['labels'], () => labelsOk(a.labels), 'label keys and values (API)'],
    ]);
  },

  google_memorystore_instance: (a) => {
    const backup = one(a.automated_backup_config);
    const retention = seconds(backup?.retention);
    const hours = one(one(backup?.fixed_frequency_schedule)?.start_time)?.hours;
    const persistence = one(a.persistence_config);
    const maxclients = a.engine_configs?.maxclients;
    const endpoints = each(a.desired_auto_created_endpoints);
    return rules(a, [
      [['instance_id'], () => matches(a.instance_id, /^[a-z0-9][a-z0-9-]{2,61}[a-z0-9]$/), '4-63 lowercase letters, digits and hyphens, not ending with a hyphen (API)'],
      [['location'], () => nonEmpty(a.location), 'Required'],
      [['shard_count'], () => inRange(a.shard_count, 1, Number.MAX_SAFE_INTEGER), 'Required: a whole number of shards, at least one (API)'],
      [['mode'], () => optional(a.mode, (v) => oneOf(v, ['CLUSTER', 'CLUSTER_DISABLED'])), 'CLUSTER or CLUSTER_DISABLED'],
      [['mode', 'shard_count'], () => a.mode !== 'CLUSTER_DISABLED' || a.shard_count === 1, 'cluster mode disabled takes one shard (API)'],
      [['node_type'], () => optional(a.node_type, (v) => oneOf(v, Object.keys(VALKEY_MAX_CLIENTS))), 'a node type google 6.50 documents (API)'],
      [['replica_count'], () => optional(a.replica_count, (v) => inRange(v, 0, 5)), '0 to 5 replicas per shard (API)'],
      [['engine_version'], () => optional(a.engine_version, (v) => matches(v, /^VALKEY_\d+_\d+$/)), 'a version such as VALKEY_8_0 (API)'],
      [['authorization_mode'], () => optional(a.authorization_mode, (v) => oneOf(v, ['AUTH_DISABLED', 'IAM_AUTH'])), 'AUTH_DISABLED or IAM_AUTH (API)'],
      [['transit_encryption_mode'], () => optional(a.transit_encryption_mode, (v) => oneOf(v, ['TRANSIT_ENCRYPTION_DISABLED', 'SERVER_AUTHENTICATION'])),
        'TRANSIT_ENCRYPTION_DISABLED or SERVER_AUTHENTICATION (API)'],
      [['zone_distribution_config'], () => optional(one(a.zone_distribution_config)?.mode, (v) => oneOf(v, ['MULTI_ZONE', 'SINGLE_ZONE'])), 'MULTI_ZONE or SINGLE_ZONE'],
      [['persistence_config'], () => optional(persistence?.mode, (v) => oneOf(v, ['DISABLED', 'RDB', 'AOF'])), 'persistence mode DISABLED, RDB or AOF'],
      [['persistence_config'], () => optional(one(persistence?.rdb_config)?.rdb_snapshot_period, (v) => oneOf(v, SNAPSHOT_PERIODS)), 'rdb_snapshot_period enum (API)'],
      [['persistence_config'], () => optional(one(persistence?.aof_config)?.append_fsync, (v) => oneOf(v, ['NEVER', 'EVERY_SEC', 'ALWAYS'])), 'append_fsync NEVER, EVERY_SEC or ALWAYS (API)'],
      // The API enables one persistence mode at a time ("you can't enable both persistence modes at the same time").
      [['persistence_config'], () => persistence?.mode !== 'AOF' || persistence?.rdb_config === undefined, 'AOF with no rdb_config (one mode at a time)'],
      [['automated_backup_config'], () => backup === undefined || (retention >= DAY_SECONDS && retention <= 365 * DAY_SECONDS),
        'retention is a duration such as "86400s", 1 to 365 days'],
      [['automated_backup_config'], () => backup === undefined || inRange(hours, 0, 23), 'start_time.hours 0-23, required'],
      [['engine_configs'], () => !literal(maxclients) || (matches(maxclients, /^\d+$/)
        && Number(maxclients) <= (VALKEY_MAX_CLIENTS[a.node_type] ?? 0)), 'maxclients is a whole number within the node type\'s ceiling (API)'],
      [['engine_configs'], () => policyOk(a.engine_configs), 'maxmemory-policy takes the Redis policies (API supported configurations)'],
      [['desired_auto_created_endpoints'], () => endpoints.every((e) => (!literal(e.network) || matches(e.network, NETWORK)) && nonEmpty(e.project_id)),
        'network is projects/<p>/global/networks/<n>; project_id required'],
      [['deletion_protection_enabled'], () => optional(a.deletion_protection_enabled, (v) => typeof v === 'boolean'), 'a bool'],
      [['maintenance_policy'], () => maintenanceOk(a.maintenance_policy), 'weekly_maintenance_window day enum, hours 0-23, minutes 0-59, one window'],
      [['kms_key'], () => kmsKeyOk(a.kms_key, a.location), 'a Cloud KMS key in the instance\'s location (API)'],
      [['labels'], () => labelsOk(a.labels), 'label keys and values (API)'],
    ]);
  },

  google_storage_bucket: (a) => rules(a, [
    [['name'], () => isBucketName(a.name), 'bucket naming rules (API)'],
    [['location'], () => nonEmpty(a.location), 'Required'],
    [['storage_class'], () => optional(a.storage_class, (v) => oneOf(v, ['STANDARD', 'MULTI_REGIONAL', 'REGIONAL', 'NEARLINE', 'COLDLINE', 'ARCHIVE'])), 'a storage class (API)'],
    [['public_access_prevention'], () => optional(a.public_access_prevention, (v) => oneOf(v, ['enforced', 'inherited'])), 'enforced or inherited (API)'],
    [['versioning'], () => a.versioning === undefined || typeof one(a.versioning)?.enabled === 'boolean', 'versioning.enabled Required'],
    [['lifecycle_rule'], () => each(a.lifecycle_rule).every((r) => oneOf(one(r.action)?.type, ['Delete', 'SetStorageClass', 'AbortIncompleteMultipartUpload'])),
      'action.type Delete, SetStorageClass or AbortIncompleteMultipartUpload (API)'],
    [['lifecycle_rule'], () => each(a.lifecycle_rule).every((r) => optional(one(r.condition)?.with_state, (v) => oneOf(v, ['LIVE', 'ARCHIVED', 'ANY']))), 'condition.with_state enum'],
    [['lifecycle_rule'], () => each(a.lifecycle_rule).every((r) => optional(one(r.condition)?.days_since_noncurrent_time, (v) => inRange(v, 0, 2 ** 31 - 1))),
      'days_since_noncurrent_time is a whole number of days, 0 or more (API)'],
    [['encryption'], () => kmsKeyOk(one(a.encryption)?.default_kms_key_name, a.location), 'default_kms_key_name is a Cloud KMS key in the bucket\'s location (API)'],
    [['force_destroy'], () => optional(a.force_destroy, (v) => typeof v === 'boolean'), 'force_destroy is a bool (resource_storage_bucket.go:114-119)'],
    [['labels'], () => labelsOk(a.labels), 'labelKeyValidator and label values (API)'],
  ]),

  google_storage_bucket_iam_member: (a) => rules(a, [
    [['bucket'], () => nonEmpty(a.bucket), 'Required'],
    [['role'], () => matches(a.role, ROLE), 'a role name (API)'],
    [['member'], () => matches(a.member, MEMBER), 'an IAM principal, never allUsers or allAuthenticatedUsers on a bucket with public access prevention (API)'],
  ]),

  google_service_account: (a) => rules(a, [
    [['account_id'], () => matches(a.account_id, /^[a-z]([-a-z0-9]*[a-z0-9])?$/) && a.account_id.length >= 6 && a.account_id.length <= 30, 'ValidateRFC1035Name(6, 30)'],
    [['display_name'], () => optional(a.display_name, (v) => typeof v === 'string' && v.length <= 100), 'at most 100 characters (API)'],
    [['description'], () => optional(a.description, (v) => typeof v === 'string' && v.length <= 256), 'StringLenBetween(0, 256)'],
  ]),

  google_project_iam_custom_role: (a) => rules(a, [
    [['role_id'], () => matches(a.role_id, /^[a-zA-Z0-9_.]{3,64}$/), 'ValidateIAMCustomRoleID'],
    [[], () => !isReference(a.role_id) || /^[a-zA-Z0-9_.]{0,64}$/.test(literalText(a.role_id)),
      'role_id: ValidateIAMCustomRoleID, in the text around its interpolations'],
    [['title'], () => typeof a.title === 'string' && a.title.length > 0 && a.title.length <= 100, 'Required, at most 100 characters (API)'],
    [['description'], () => optional(a.description, (v) => typeof v === 'string' && v.length <= 256), 'at most 256 characters (API)'],
    [['permissions'], () => Array.isArray(a.permissions) && a.permissions.length > 0
      && a.permissions.every((p: unknown) => matches(p, /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+){2,}$/)), 'Required: permissions such as redis.instances.export (API)'],
    [['stage'], () => optional(a.stage, (v) => oneOf(v, ['ALPHA', 'BETA', 'GA', 'DEPRECATED', 'DISABLED', 'EAP'])), 'stage enum'],
  ]),

  google_project_iam_member: (a) => rules(a, [
    [['project'], () => nonEmpty(a.project), 'a project'],
    [['role'], () => matches(a.role, ROLE), 'a role name (API)'],
    [['member'], () => matches(a.member, MEMBER), 'an IAM principal such as serviceAccount:app@p.iam.gserviceaccount.com (API)'],
  ]),

  google_cloud_scheduler_job: (a) => {
    const http = one(a.http_target);
    const targets = [a.http_target, a.pubsub_target, a.app_engine_http_target].filter((t) => t !== undefined);
    const headers = Object.keys(http?.headers ?? {});
    return rules(a, [
      [['name'], () => matches(a.name, /^[a-zA-Z\d_-]{1,500}$/), 'letters, digits, hyphens and underscores (API)'],
      [['schedule'], () => isCron(a.schedule), 'a unix-cron schedule (API)'],
      [['time_zone'], () => optional(a.time_zone, (v) => matches(v, /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/)), 'a tz database name (API)'],
      [['attempt_deadline'], () => optional(a.attempt_deadline, (v) => seconds(v) >= 15 && seconds(v) <= 1800), '15s to 30m for HTTP targets (API)'],
      [['retry_config'], () => optional(one(a.retry_config)?.retry_count, (v) => inRange(v, 0, 5)), 'retry_count 0 to 5'],
      [['retry_config'], () => optional(one(a.retry_config)?.min_backoff_duration, (v) => matches(v, DURATION)), 'min_backoff_duration is a duration'],
      [['http_target'], () => targets.length === 1, 'ExactlyOneOf pubsub_target, http_target, app_engine_http_target'],
      [['http_target'], () => http === undefined || (matches(http.uri, /^https?:\/\/\S+$/)), 'uri is an http(s) URL'],
      [['http_target'], () => http === undefined || optional(http.http_method, (v) => oneOf(v, ['POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])), 'http_method enum (API)'],
      [['http_target'], () => http === undefined || !literal(http.body) || (matches(http.body, /^[A-Za-z0-9+/]*={0,2}$/) && http.body.length % 4 === 0), 'ValidateBase64String'],
      [['http_target'], () => !headers.some((h) => h === 'Content-Length' || /^(X-Google-|X-AppEngine-)/.test(h)), 'validateHttpHeaders'],
      [['http_target'], () => http === undefined || one(http.oauth_token) === undefined || one(http.oidc_token) === undefined, 'validateAuthHeaders: oauth_token or oidc_token, not both'],
      [['http_target'], () => http === undefined || one(http.oauth_token) === undefined || !literal(http.uri) || /^https:\/\/[a-z0-9.-]+\.googleapis\.com\//.test(http.uri),
        'OAuth tokens are only sent to Google APIs on *.googleapis.com (API)'],
    ]);
  },

  google_dns_record_set: (a) => rules(a, [
    [['name'], () => matches(a.name, /^([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\.)+$/) && a.name.length <= 253, 'validateRecordNameTrailingDot and DNS labels (API)'],
    [['managed_zone'], () => matches(a.managed_zone, /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/), 'a managed zone name (API)'],
    [['type'], () => oneOf(a.type, ['A', 'AAAA', 'CAA', 'CNAME', 'DNSKEY', 'DS', 'HTTPS', 'IPSECKEY', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT']),
      'a record type (API)'],
    [['ttl'], () => optional(a.ttl, (v) => inRange(v, 0, 2 ** 31 - 1)), 'a TTL in seconds (API)'],
    [['rrdatas'], () => a.routing_policy !== undefined || (Array.isArray(a.rrdatas) && a.rrdatas.length > 0), 'rrdatas or routing_policy (API)'],
  ]),

  google_network_connectivity_service_connection_policy: (a) => rules(a, [
    [['name'], () => matches(a.name, /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/), 'an RFC 1035 name (API)'],
    [['location'], () => nonEmpty(a.location), 'Required'],
    [['network'], () => matches(a.network, NETWORK), 'projects/<project>/global/networks/<network> (API)'],
    [['service_class'], () => matches(a.service_class, /^[a-z][a-z0-9-]*$/), 'Required: a service class such as gcp-memorystore'],
    [['psc_config'], () => {
      const subnetworks = one(a.psc_config)?.subnetworks;
      return isReference(subnetworks) || (Array.isArray(subnetworks) && subnetworks.length > 0
        && subnetworks.every((s: unknown) => isReference(s) || (matches(s, /^projects\/[^/]+\/regions\/[^/]+\/subnetworks\/[^/]+$/)
          && (isReference(a.location) || (s as string).split('/')[3] === a.location))));
    }, 'psc_config.subnetworks Required: subnetworks of the policy\'s region (API)'],
  ]),
};
