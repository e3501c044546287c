/**
 * Each Google rule catches a bad value: a valid resource of every type passes, and each case below breaks
 * one rule of it and must be reported with that rule's message.
 */
import { GOOGLE_PROVIDER_RULES, isBucketName, isCron, literalText } from './rules';

const REDIS = {
  name: 'orders-eu',
  project: 'example-project',
  region: 'europe-west1',
  tier: 'STANDARD_HA',
  memory_size_gb: 8,
  redis_version: 'REDIS_7_2',
  replica_count: 2,
  read_replicas_mode: 'READ_REPLICAS_ENABLED',
  secondary_ip_range: 'auto',
  location_id: 'europe-west1-b',
  alternative_location_id: 'europe-west1-c',
  auth_enabled: true,
  transit_encryption_mode: 'SERVER_AUTHENTICATION',
  connect_mode: 'DIRECT_PEERING',
  authorized_network: 'projects/example-project/global/networks/default',
  persistence_config: { persistence_mode: 'RDB', rdb_snapshot_period: 'ONE_HOUR' },
  maintenance_policy: { weekly_maintenance_window: [{ day: 'SUNDAY', start_time: { hours: 5, minutes: 0 } }] },
  labels: { 'choreo-plan': 'premium', 'managed-by': 'cdktf-choreo-redis' },
};
const VALKEY = {
  instance_id: 'orders-eu',
  project: 'example-project',
  location: 'europe-west1',
  mode: 'CLUSTER_DISABLED',
  shard_count: 1,
  node_type: 'HIGHMEM_MEDIUM',
  replica_count: 2,
  zone_distribution_config: { mode: 'MULTI_ZONE' },
  engine_version: 'VALKEY_8_0',
  engine_configs: { maxclients: '53248' },
  transit_encryption_mode: 'SERVER_AUTHENTICATION',
  authorization_mode: 'IAM_AUTH',
  deletion_protection_enabled: true,
  desired_auto_created_endpoints: [{ network: 'projects/example-project/global/networks/default', project_id: 'example-project' }],
  persistence_config: { mode: 'AOF', aof_config: { append_fsync: 'EVERY_SEC' } },
  automated_backup_config: { fixed_frequency_schedule: { start_time: { hours: 3 } }, retention: '1123200s' },
  maintenance_policy: { weekly_maintenance_window: [{ day: 'SUNDAY', start_time: { hours: 5, minutes: 0 } }] },
  labels: { 'choreo-plan': 'premium' },
};
const BUCKET = {
  name: 'orders-eu-backups-f268dfba',
  project: 'example-project',
  location: 'europe-west1',
  storage_class: 'STANDARD',
  uniform_bucket_level_access: true,
  public_access_prevention: 'enforced',
  versioning: { enabled: true },
  force_destroy: true,
  lifecycle_rule: [{ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 13, with_state: 'ARCHIVED' } }],
  labels: { 'choreo-plan': 'premium' },
};
const BUCKET_MEMBER = { bucket: '${google_storage_bucket.b.name}', role: 'roles/storage.objectAdmin', member: '${google_redis_instance.r.persistence_iam_identity}' };
const ACCOUNT = { account_id: 'redis-export-f268dfba', project: 'example-project', display_name: 'Exports Redis orders-eu for backup history' };
const ROLE = {
  role_id: 'choreoRedisExport_f268dfba',
  project: 'example-project',
  title: 'Export Redis orders-eu-backup',
  description: 'Lets the backup job export a Memorystore for Redis instance',
  permissions: ['redis.instances.export'],
};
const PROJECT_MEMBER = { project: 'example-project', role: 'roles/memorystore.dbConnectionUser', member: 'serviceAccount:app@example-project.iam.gserviceaccount.com' };
const JOB = {
  name: 'orders-eu-backup',
  project: 'example-project',
  region: 'europe-west1',
  schedule: '0 3 * * *',
  time_zone: 'Etc/UTC',
  attempt_deadline: '320s',
  retry_config: { retry_count: 3, min_backoff_duration: '300s' },
  http_target: {
    http_method: 'POST',
    uri: 'https://redis.googleapis.com/v1/projects/example-project/locations/europe-west1/instances/orders-eu:export',
    headers: { 'Content-Type': 'application/json' },
    body: 'eyJvdXRwdXRDb25maWciOnt9fQ==',
    oauth_token: { service_account_email: '${google_service_account.a.email}', scope: 'https://www.googleapis.com/auth/cloud-platform' },
  },
};
const RECORD = { name: 'orders-eu.internal.example.com.', managed_zone: 'internal', type: 'A', ttl: 60, rrdatas: ['${google_redis_instance.r.host}'] };
const POLICY = {
  name: 'memorystore-psc-bf247c2d',
  project: 'example-project',
  location: 'europe-west1',
  network: 'projects/example-project/global/networks/default',
  service_class: 'gcp-memorystore',
  psc_config: { subnetworks: ['projects/example-project/regions/europe-west1/subnetworks/psc'] },
};

const VALID: Record<string, Record<string, unknown>> = {
  google_redis_instance: REDIS,
  google_memorystore_instance: VALKEY,
  google_storage_bucket: BUCKET,
  google_storage_bucket_iam_member: BUCKET_MEMBER,
  google_service_account: ACCOUNT,
  google_project_iam_custom_role: ROLE,
  google_project_iam_member: PROJECT_MEMBER,
  google_cloud_scheduler_job: JOB,
  google_dns_record_set: RECORD,
  google_network_connectivity_service_connection_policy: POLICY,
};

const window = (day: string, hours: number, minutes = 0) => ({ weekly_maintenance_window: [{ day, start_time: { hours, minutes } }] });
const basic = { tier: 'BASIC', replica_count: undefined, read_replicas_mode: undefined, alternative_location_id: undefined, secondary_ip_range: undefined };

/** [type, what is wrong, the attributes that make it wrong, part of the expected message]. */
const BAD: Array<[string, string, Record<string, unknown>, string]> = [
  ['google_redis_instance', 'a name starting with a digit', { name: '1orders' }, 'name: ValidateRegexp'],
  ['google_redis_instance', 'a name of 42 characters', { name: `o${'r'.repeat(41)}` }, 'name: ValidateRegexp'],
  ['google_redis_instance', 'an unknown tier', { tier: 'PREMIUM' }, 'tier: BASIC or STANDARD_HA'],
  ['google_redis_instance', '0 GB', { memory_size_gb: 0 }, 'memory_size_gb: 1 to 300'],
  ['google_redis_instance', '301 GB', { memory_size_gb: 301 }, 'memory_size_gb: 1 to 300'],
  ['google_redis_instance', 'a fractional size', { memory_size_gb: 4.5 }, 'memory_size_gb: 1 to 300'],
  ['google_redis_instance', 'a version written like 7.2', { redis_version: '7.2' }, 'redis_version: a version'],
  ['google_redis_instance', 'transit encryption TLS', { transit_encryption_mode: 'TLS' }, 'transit_encryption_mode: SERVER_AUTHENTICATION or DISABLED'],
  ['google_redis_instance', 'connect mode PSC', { connect_mode: 'PRIVATE_SERVICE_CONNECT' }, 'connect_mode: DIRECT_PEERING'],
  ['google_redis_instance', 'read replicas mode ON', { read_replicas_mode: 'ON' }, 'read_replicas_mode: read_replicas_mode enum'],
  ['google_redis_instance', 'read replicas on BASIC', { ...basic, read_replicas_mode: 'READ_REPLICAS_DISABLED' }, 'not valid for the basic tier'],
  ['google_redis_instance', 'a replica on BASIC', { ...basic, replica_count: 1 }, 'BASIC takes 0 replicas'],
  ['google_redis_instance', '2 replicas without read replicas', { read_replicas_mode: 'READ_REPLICAS_DISABLED', secondary_ip_range: undefined }, 'BASIC takes 0 replicas'],
  ['google_redis_instance', '6 read replicas', { replica_count: 6 }, 'BASIC takes 0 replicas'],
  ['google_redis_instance', 'read replicas at 4 GB', { memory_size_gb: 4 }, 'read replicas need 5 GB'],
  ['google_redis_instance', 'the same zone twice', { alternative_location_id: 'europe-west1-b' }, 'must differ from location_id'],
  ['google_redis_instance', 'an alternative zone on BASIC', { ...basic, alternative_location_id: 'europe-west1-c' }, 'only STANDARD_HA has an alternative zone'],
  ['google_redis_instance', 'a /29 range with read replicas', { reserved_ip_range: '10.0.0.0/29' }, 'direct peering takes a /29 range'],
  ['google_redis_instance', 'a /24 range', { ...basic, reserved_ip_range: '10.0.0.0/24' }, 'direct peering takes a /29 range'],
  ['google_redis_instance', 'a CIDR block with private services access', { connect_mode: 'PRIVATE_SERVICE_ACCESS', reserved_ip_range: '10.0.0.0/28' },
    'private services access an allocated range\'s name'],
  ['google_redis_instance', 'a /29 secondary range', { secondary_ip_range: '10.0.1.0/29' }, 'secondary_ip_range: "auto"'],
  ['google_redis_instance', 'persistence AOF', { persistence_config: { persistence_mode: 'AOF' } }, 'persistence_mode DISABLED or RDB'],
  ['google_redis_instance', 'a two-hour snapshot period', { persistence_config: { persistence_mode: 'RDB', rdb_snapshot_period: 'TWO_HOURS' } }, 'rdb_snapshot_period enum'],
  ['google_redis_instance', 'maintenance on SUN', { maintenance_policy: window('SUN', 5) }, 'maintenance_policy: weekly_maintenance_window'],
  ['google_redis_instance', 'maintenance at 24:00', { maintenance_policy: window('SUNDAY', 24) }, 'maintenance_policy: weekly_maintenance_window'],
  ['google_redis_instance', 'maintenance at 05:60', { maintenance_policy: window('SUNDAY', 5, 60) }, 'maintenance_policy: weekly_maintenance_window'],
  ['google_redis_instance', 'a network with a space', { authorized_network: 'my network' }, 'authorized_network: a network name'],
  ['google_redis_instance', 'a KMS key of another region', { customer_managed_key: 'projects/p/locations/us-east1/keyRings/r/cryptoKeys/k' }, 'customer_managed_key: a Cloud KMS key'],
  ['google_redis_instance', 'a KMS key name only', { customer_managed_key: 'k' }, 'customer_managed_key: a Cloud KMS key'],
  ['google_redis_instance', 'an upper-case label key', { labels: { Team: 'a' } }, 'labels: label keys and values'],
  ['google_redis_instance', 'a label value with a dot', { labels: { team: 'a.b' } }, 'labels: label keys and values'],
  ['google_redis_instance', '65 labels', { labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }, 'labels: label keys and values'],

  ['google_memorystore_instance', 'an instance ID of 3 characters', { instance_id: 'ord' }, 'instance_id: 4-63'],
  ['google_memorystore_instance', 'an instance ID ending with a hyphen', { instance_id: 'orders-' }, 'instance_id: 4-63'],
  ['google_memorystore_instance', 'no location', { location: '' }, 'location: Required'],
  ['google_memorystore_instance', 'no shards', { shard_count: 0 }, 'shard_count: Required'],
  ['google_memorystore_instance', 'an unknown mode', { mode: 'STANDALONE' }, 'mode: CLUSTER or CLUSTER_DISABLED'],
  ['google_memorystore_instance', '3 shards with cluster mode off', { shard_count: 3 }, 'cluster mode disabled takes one shard'],
  ['google_memorystore_instance', 'a node type of another product', { node_type: 'REDIS_STANDARD_SMALL' }, 'node_type: a node type'],
  ['google_memorystore_instance', '6 replicas', { replica_count: 6 }, 'replica_count: 0 to 5'],
  ['google_memorystore_instance', 'a Redis version', { engine_version: 'REDIS_7_2' }, 'engine_version: a version'],
  ['google_memorystore_instance', 'password authorization', { authorization_mode: 'PASSWORD' }, 'authorization_mode: AUTH_DISABLED or IAM_AUTH'],
  ['google_memorystore_instance', 'the Redis encryption enum', { transit_encryption_mode: 'DISABLED' }, 'transit_encryption_mode: TRANSIT_ENCRYPTION_DISABLED'],
  ['google_memorystore_instance', 'zone distribution REGIONAL', { zone_distribution_config: { mode: 'REGIONAL' } }, 'MULTI_ZONE or SINGLE_ZONE'],
  ['google_memorystore_instance', 'persistence SNAPSHOT', { persistence_config: { mode: 'SNAPSHOT' } }, 'persistence mode DISABLED, RDB or AOF'],
  ['google_memorystore_instance', 'a 30-minute snapshot', { persistence_config: { mode: 'RDB', rdb_config: { rdb_snapshot_period: 'THIRTY_MINUTES' } } }, 'rdb_snapshot_period enum'],
  ['google_memorystore_instance', 'AOF fsync every write as "always"', { persistence_config: { mode: 'AOF', aof_config: { append_fsync: 'always' } } }, 'append_fsync NEVER, EVERY_SEC or ALWAYS'],
  ['google_memorystore_instance', 'AOF with an RDB period', { persistence_config: { mode: 'AOF', aof_config: { append_fsync: 'EVERY_SEC' }, rdb_config: { rdb_snapshot_period: 'ONE_HOUR' } } }, 'one mode at a time'],
  ['google_memorystore_instance', 'retention in days', { automated_backup_config: { fixed_frequency_schedule: { start_time: { hours: 3 } }, retention: '13d' } }, 'retention is a duration'],
  ['google_memorystore_instance', 'retention of 366 days', { automated_backup_config: { fixed_frequency_schedule: { start_time: { hours: 3 } }, retention: '31622400s' } }, 'retention is a duration'],
  ['google_memorystore_instance', 'retention of an hour', { automated_backup_config: { fixed_frequency_schedule: { start_time: { hours: 3 } }, retention: '3600s' } }, 'retention is a duration'],
  ['google_memorystore_instance', 'a backup at hour 24', { automated_backup_config: { fixed_frequency_schedule: { start_time: { hours: 24 } }, retention: '86400s' } }, 'start_time.hours 0-23'],
  ['google_memorystore_instance', 'maxclients over the nano ceiling', { node_type: 'SHARED_CORE_NANO' }, 'maxclients is a whole number'],
  ['google_memorystore_instance', 'maxclients that is not a number', { engine_configs: { maxclients: 'many' } }, 'maxclients is a whole number'],
  ['google_memorystore_instance', 'an endpoint network by short name', { desired_auto_created_endpoints: [{ network: 'default', project_id: 'example-project' }] }, 'desired_auto_created_endpoints'],
  ['google_memorystore_instance', 'deletion protection as a string', { deletion_protection_enabled: 'yes' }, 'deletion_protection_enabled: a bool'],
  ['google_memorystore_instance', 'maintenance on a holiday', { maintenance_policy: window('HOLIDAY', 5) }, 'maintenance_policy: weekly_maintenance_window'],
  ['google_memorystore_instance', 'a global KMS key', { kms_key: 'projects/p/locations/global/keyRings/r/cryptoKeys/k' }, 'kms_key: a Cloud KMS key'],
  ['google_memorystore_instance', 'a label key starting with a digit', { labels: { '1team': 'a' } }, 'labels: label keys and values'],

  ['google_storage_bucket', 'a name with "google"', { name: 'my-google-backups' }, 'name: bucket naming rules'],
  ['google_storage_bucket', 'a name starting with "goog"', { name: 'goog-backups' }, 'name: bucket naming rules'],
  ['google_storage_bucket', 'an upper-case name', { name: 'Orders-backups' }, 'name: bucket naming rules'],
  ['google_storage_bucket', 'a 64-character name', { name: 'b'.repeat(64) }, 'name: bucket naming rules'],
  ['google_storage_bucket', 'no location', { location: '' }, 'location: Required'],
  ['google_storage_bucket', 'storage class HOT', { storage_class: 'HOT' }, 'storage_class: a storage class'],
  ['google_storage_bucket', 'public access prevention on', { public_access_prevention: 'on' }, 'public_access_prevention: enforced or inherited'],
  ['google_storage_bucket', 'versioning without enabled', { versioning: {} }, 'versioning.enabled Required'],
  ['google_storage_bucket', 'a Remove action', { lifecycle_rule: [{ action: { type: 'Remove' }, condition: { days_since_noncurrent_time: 3 } }] }, 'action.type Delete'],
  ['google_storage_bucket', 'state NONCURRENT', { lifecycle_rule: [{ action: { type: 'Delete' }, condition: { with_state: 'NONCURRENT' } }] }, 'condition.with_state enum'],
  ['google_storage_bucket', 'negative days', { lifecycle_rule: [{ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: -1 } }] }, 'days_since_noncurrent_time'],
  ['google_storage_bucket', 'a KMS key of another region', { encryption: { default_kms_key_name: 'projects/p/locations/us/keyRings/r/cryptoKeys/k' } }, 'default_kms_key_name'],
  ['google_storage_bucket', 'a label key with a space', { labels: { 'my team': 'a' } }, 'labels: labelKeyValidator'],
  ['google_storage_bucket', 'force_destroy as text', { force_destroy: 'true' }, 'force_destroy is a bool'],

  ['google_storage_bucket_iam_member', 'no bucket', { bucket: '' }, 'bucket: Required'],
  ['google_storage_bucket_iam_member', 'a role without roles/', { role: 'storage.objectAdmin' }, 'role: a role name'],
  ['google_storage_bucket_iam_member', 'allUsers', { member: 'allUsers' }, 'member: an IAM principal'],

  ['google_service_account', 'an account ID of 5 characters', { account_id: 'redis' }, 'account_id: ValidateRFC1035Name'],
  ['google_service_account', 'an account ID of 31 characters', { account_id: `r${'e'.repeat(30)}` }, 'account_id: ValidateRFC1035Name'],
  ['google_service_account', 'an account ID with an underscore', { account_id: 'redis_export' }, 'account_id: ValidateRFC1035Name'],
  ['google_service_account', 'a display name of 101 characters', { display_name: 'd'.repeat(101) }, 'display_name: at most 100'],
  ['google_service_account', 'a description of 257 characters', { description: 'd'.repeat(257) }, 'description: StringLenBetween'],

  ['google_project_iam_custom_role', 'a role ID with a hyphen', { role_id: 'choreo-redis-export' }, 'role_id: ValidateIAMCustomRoleID'],
  ['google_project_iam_custom_role', 'a role ID of 65 characters', { role_id: 'r'.repeat(65) }, 'role_id: ValidateIAMCustomRoleID'],
  ['google_project_iam_custom_role', 'a hyphen around an interpolation', { role_id: 'choreo-export_${substr(sha256(x.y.create_time), 0, 8)}' },
    'role_id: ValidateIAMCustomRoleID, in the text around'],
  ['google_project_iam_custom_role', 'a title of 101 characters', { title: 't'.repeat(101) }, 'title: Required, at most 100'],
  ['google_project_iam_custom_role', 'a description of 257 characters', { description: 'd'.repeat(257) }, 'description: at most 256'],
  ['google_project_iam_custom_role', 'no permissions', { permissions: [] }, 'permissions: Required'],
  ['google_project_iam_custom_role', 'a role as a permission', { permissions: ['roles/redis.admin'] }, 'permissions: Required'],
  ['google_project_iam_custom_role', 'stage PREVIEW', { stage: 'PREVIEW' }, 'stage: stage enum'],

  ['google_project_iam_member', 'no project', { project: '' }, 'project: a project'],
  ['google_project_iam_member', 'a permission as a role', { role: 'memorystore.instances.connect' }, 'role: a role name'],
  ['google_project_iam_member', 'an e-mail without a kind', { member: 'app@example-project.iam.gserviceaccount.com' }, 'member: an IAM principal'],

  ['google_cloud_scheduler_job', 'a name with a dot', { name: 'orders.backup' }, 'name: letters, digits'],
  ['google_cloud_scheduler_job', 'a 6-field schedule', { schedule: '0 0 3 * * *' }, 'schedule: a unix-cron schedule'],
  ['google_cloud_scheduler_job', 'hour 24', { schedule: '0 24 * * *' }, 'schedule: a unix-cron schedule'],
  ['google_cloud_scheduler_job', 'a time zone with a space', { time_zone: 'Central European' }, 'time_zone: a tz database name'],
  ['google_cloud_scheduler_job', 'a 10s deadline', { attempt_deadline: '10s' }, 'attempt_deadline: 15s to 30m'],
  ['google_cloud_scheduler_job', 'a deadline in minutes', { attempt_deadline: '5m' }, 'attempt_deadline: 15s to 30m'],
  ['google_cloud_scheduler_job', '6 retries', { retry_config: { retry_count: 6 } }, 'retry_count 0 to 5'],
  ['google_cloud_scheduler_job', 'a backoff in minutes', { retry_config: { retry_count: 1, min_backoff_duration: '5m' } }, 'min_backoff_duration is a duration'],
  ['google_cloud_scheduler_job', 'no target', { http_target: undefined }, 'ExactlyOneOf'],
  ['google_cloud_scheduler_job', 'two targets', { pubsub_target: { topic_name: 'projects/p/topics/t' } }, 'ExactlyOneOf'],
  ['google_cloud_scheduler_job', 'a gs:// URI', { http_target: { ...JOB.http_target, uri: 'gs://bucket/x' } }, 'uri is an http(s) URL'],
  ['google_cloud_scheduler_job', 'method SEND', { http_target: { ...JOB.http_target, http_method: 'SEND' } }, 'http_method enum'],
  ['google_cloud_scheduler_job', 'a JSON body', { http_target: { ...JOB.http_target, body: '{"outputConfig":{}}' } }, 'ValidateBase64String'],
  ['google_cloud_scheduler_job', 'a Content-Length header', { http_target: { ...JOB.http_target, headers: { 'Content-Length': '12' } } }, 'validateHttpHeaders'],
  ['google_cloud_scheduler_job', 'an X-Google- header', { http_target: { ...JOB.http_target, headers: { 'X-Google-Foo': '1' } } }, 'validateHttpHeaders'],
  ['google_cloud_scheduler_job', 'OAuth and OIDC tokens', { http_target: { ...JOB.http_target, oidc_token: { service_account_email: 'a@p.iam.gserviceaccount.com' } } }, 'validateAuthHeaders'],
  ['google_cloud_scheduler_job', 'an OAuth token to another host', { http_target: { ...JOB.http_target, uri: 'https://example.com/export' } }, 'OAuth tokens are only sent'],

  ['google_dns_record_set', 'a name without the trailing dot', { name: 'orders-eu.internal.example.com' }, 'name: validateRecordNameTrailingDot'],
  ['google_dns_record_set', 'an upper-case name', { name: 'Orders.internal.example.com.' }, 'name: validateRecordNameTrailingDot'],
  ['google_dns_record_set', 'a zone DNS name as managed zone', { managed_zone: 'internal.example.com.' }, 'managed_zone: a managed zone name'],
  ['google_dns_record_set', 'type ALIAS', { type: 'ALIAS' }, 'type: a record type'],
  ['google_dns_record_set', 'a negative TTL', { ttl: -1 }, 'ttl: a TTL'],
  ['google_dns_record_set', 'no data', { rrdatas: [] }, 'rrdatas: rrdatas or routing_policy'],

  ['google_network_connectivity_service_connection_policy', 'an upper-case name', { name: 'Memorystore' }, 'name: an RFC 1035 name'],
  ['google_network_connectivity_service_connection_policy', 'no location', { location: '' }, 'location: Required'],
  ['google_network_connectivity_service_connection_policy', 'a network by short name', { network: 'default' }, 'network: projects/'],
  ['google_network_connectivity_service_connection_policy', 'a service class with a space', { service_class: 'gcp memorystore' }, 'service_class: Required'],
  ['google_network_connectivity_service_connection_policy', 'a subnetwork of another region', { psc_config: { subnetworks: ['projects/p/regions/us-east1/subnetworks/psc'] } }, 'subnetworks of the policy\'s region'],
  ['google_network_connectivity_service_connection_policy', 'a subnetwork by name', { psc_config: { subnetworks: ['psc'] } }, 'subnetworks of the policy\'s region'],
  ['google_network_connectivity_service_connection_policy', 'no subnetworks', { psc_config: { subnetworks: [] } }, 'psc_config.subnetworks Required'],
];

describe('Google provider rules', () => {
  test.each(Object.keys(VALID))('a valid %s passes', (type) => {
    expect(GOOGLE_PROVIDER_RULES[type](VALID[type])).toEqual([]);
  });

  test('every type has a valid example and bad cases', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(GOOGLE_PROVIDER_RULES).sort());
    expect(new Set(BAD.map(([type]) => type))).toEqual(new Set(Object.keys(GOOGLE_PROVIDER_RULES)));
  });

  test.each(BAD)('fails a %s with %s', (type, _what, change, message) => {
    const violations = GOOGLE_PROVIDER_RULES[type]({ ...VALID[type], ...change });
    expect(violations).toContainEqual(expect.stringContaining(message));
  });

  test('skips rules whose attribute Terraform resolves later', () => {
    expect(GOOGLE_PROVIDER_RULES.google_redis_instance({ ...REDIS, name: '${var.name}', memory_size_gb: '${var.size}', read_replicas_mode: undefined, replica_count: 1 }))
      .toEqual([]);
  });

  test('checks the text a role ID has around a hash Terraform computes', () => {
    expect(GOOGLE_PROVIDER_RULES.google_project_iam_custom_role({ ...ROLE, role_id: 'choreoRedisExport_f268dfba_${substr(sha256(a.b.create_time), 0, 8)}' }))
      .toEqual([]);
    expect(literalText('a_${f({x = 1})}_b')).toBe('a__b');
  });

  test.each(['0 3 * * *', '*/15 0-6 1,15 * 1-5', '30 23 31 12 0'])('accepts the cron schedule %s', (schedule) => {
    expect(isCron(schedule)).toBe(true);
  });

  test.each(['', '0 3 * *', '60 3 * * *', '0 3 0 * *', '0 3 * 13 *', '5-1 * * * *', '*/0 * * * *', '@daily'])('fails the cron schedule "%s"', (schedule) => {
    expect(isCron(schedule)).toBe(false);
  });

  test.each(['abc', 'orders-backups-1a2b', 'a_b.c'])('accepts the bucket name %s', (name) => {
    expect(isBucketName(name)).toBe(true);
  });

  test.each(['ab', '-orders', 'orders-', 'a..b', '192.168.1.1', 'googlebackups', 'x'.repeat(64)])('fails the bucket name "%s"', (name) => {
    expect(isBucketName(name)).toBe(false);
  });
});
