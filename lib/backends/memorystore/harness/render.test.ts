import { createHash } from 'crypto';
import { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
// The jest matchers' types (Testing.setupJest() in test/setup.ts registers the matchers themselves).
import type {} from 'cdktf/lib/testing/adapters/jest';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { matrix } from './matrix';
import { matrixProps } from '../../../../examples/matrix';
import { resourcesOf, synthJson, testStack } from '../../../../test/util';
import { ChoreoRedis, MemorystoreBackendProps, MemorystoreConnectMode, RedisBackend, ServicePlan } from '../../../index';
import type { MemorystoreProps } from '../props';

const PROPS: MemorystoreProps = {
  project: 'example-project',
  region: 'europe-west1',
  network: 'projects/example-project/global/networks/default',
};

function render(plan: ServicePlan, props: Partial<MemorystoreBackendProps> = {}): { stack: TerraformStack; redis: ChoreoRedis } {
  const stack = testStack((s) => new GoogleProvider(s, 'google', { project: 'example-project' }));
  const redis = new ChoreoRedis(stack, 'Cache', { plan, backend: RedisBackend.memorystore({ ...PROPS, ...props }), name: 'orders' });
  return { stack, redis };
}

describe('Memorystore for Redis renderer', () => {
  test.each([
    [ServicePlan.HOBBYIST, { tier: 'BASIC', memory_size_gb: 1 }],
    [ServicePlan.BUSINESS, { tier: 'STANDARD_HA', memory_size_gb: 4, replica_count: 1, read_replicas_mode: 'READ_REPLICAS_DISABLED' }],
    [ServicePlan.PREMIUM, { tier: 'STANDARD_HA', memory_size_gb: 8, replica_count: 2, read_replicas_mode: 'READ_REPLICAS_ENABLED' }],
  ])('%s defines an instance with AUTH, TLS and RDB persistence', (plan, topology) => {
    const { stack } = render(plan);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(RedisInstance, {
      ...topology,
      name: 'orders',
      project: 'example-project',
      region: 'europe-west1',
      auth_enabled: true,
      transit_encryption_mode: 'SERVER_AUTHENTICATION',
      authorized_network: 'projects/example-project/global/networks/default',
      connect_mode: 'DIRECT_PEERING',
      redis_version: 'REDIS_7_2',
      persistence_config: { persistence_mode: 'RDB', rdb_snapshot_period: 'ONE_HOUR' },
      labels: { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': plan },
    });
  });

  test('leaves replica settings off BASIC instances', () => {
    const instance = Object.values(resourcesOf(render(ServicePlan.STARTUP).stack, 'google_redis_instance'))[0];
    expect(instance).not.toHaveProperty('replica_count');
    expect(instance).not.toHaveProperty('read_replicas_mode');
    expect(instance).not.toHaveProperty('alternative_location_id');
  });

  test('places the standby in the alternative zone and uses private services access when asked', () => {
    const { stack } = render(ServicePlan.BUSINESS, {
      zone: 'europe-west1-b', alternativeZone: 'europe-west1-c', connectMode: MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, reservedIpRange: 'memorystore-range',
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(RedisInstance, {
      location_id: 'europe-west1-b', alternative_location_id: 'europe-west1-c', connect_mode: 'PRIVATE_SERVICE_ACCESS', reserved_ip_range: 'memorystore-range',
    });
  });

  test('binds the client to port 6378, user "default", the auth string and the server CA', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS);
    redis.addOutputs();
    new TerraformOutput(stack, 'ca', { value: redis.caCertificate });
    const json = synthJson(stack);
    const id = Object.keys(json.resource.google_redis_instance)[0];
    expect(redis.port).toBe(6378);
    expect(redis.user).toBe('default');
    expect(json.output!.Cache_password).toMatchObject({ value: `\${google_redis_instance.${id}.auth_string}`, sensitive: true });
    expect(json.output!.ca.value).toBe(`\${google_redis_instance.${id}.server_ca_certs[0].cert}`);
    expect(json.output!.Cache_host.value).toBe(`\${google_redis_instance.${id}.host}`);
  });

  test.each([
    [ServicePlan.STARTUP, 1],
    [ServicePlan.BUSINESS, 3],
    [ServicePlan.PREMIUM, 13],
  ])('%s keeps %s day(s) of exports in a versioned, private bucket', (plan, days) => {
    const synth = Testing.synth(render(plan).stack);
    expect(synth).toHaveResourceWithProperties(StorageBucket, {
      location: 'europe-west1',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      versioning: { enabled: true },
      lifecycle_rule: [{ condition: { days_since_noncurrent_time: days, with_state: 'ARCHIVED' }, action: { type: 'Delete' } }],
    });
  });

  test('exports daily through the Memorystore API as a service account allowed only to export', () => {
    const { stack } = render(ServicePlan.STARTUP);
    const json = synthJson(stack);
    const instanceId = Object.keys(json.resource.google_redis_instance)[0];
    const accountId = Object.keys(json.resource.google_service_account)[0];
    const job = Object.values(resourcesOf(stack, 'google_cloud_scheduler_job'))[0];
    expect(job).toMatchObject({
      region: 'europe-west1',
      schedule: '0 3 * * *',
      time_zone: 'Etc/UTC',
      http_target: {
        http_method: 'POST',
        uri: `https://redis.googleapis.com/v1/projects/example-project/locations/europe-west1/instances/\${google_redis_instance.${instanceId}.name}:export`,
        oauth_token: { service_account_email: `\${google_service_account.${accountId}.email}` },
      },
    });
    const bucket = Object.values(resourcesOf(stack, 'google_storage_bucket'))[0];
    expect(JSON.parse(Buffer.from(job.http_target.body, 'base64').toString()))
      .toEqual({ outputConfig: { gcsDestination: { uri: `gs://${bucket.name}/orders.rdb` } } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectIamCustomRole, { permissions: ['redis.instances.export'] });
    expect(Object.values(resourcesOf(stack, 'google_project_iam_member'))[0]).toMatchObject({
      member: `\${google_service_account.${accountId}.member}`,
    });
  });

  test('lets the instance\'s own identity write the exports', () => {
    const { stack } = render(ServicePlan.PREMIUM);
    const instanceId = Object.keys(synthJson(stack).resource.google_redis_instance)[0];
    expect(Testing.synth(stack)).toHaveResourceWithProperties(StorageBucketIamMember, {
      role: 'roles/storage.objectAdmin',
      member: `\${google_redis_instance.${instanceId}.persistence_iam_identity}`,
    });
  });

  test('defines no backup resources for Hobbyist', () => {
    const synth = Testing.synth(render(ServicePlan.HOBBYIST).stack);
    expect(synth).not.toHaveResource(StorageBucket);
    expect(synth).not.toHaveResource(CloudSchedulerJob);
  });

  test('names the data store with an A record in the private zone, and the URI uses it', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS, { privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com.' } });
    redis.addOutputs();
    const json = synthJson(stack);
    const instanceId = Object.keys(json.resource.google_redis_instance)[0];
    const recordId = Object.keys(json.resource.google_dns_record_set)[0];
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DnsRecordSet, {
      managed_zone: 'internal', name: 'orders.internal.example.com.', type: 'A', rrdatas: [`\${google_redis_instance.${instanceId}.host}`],
    });
    expect(json.output!.Cache_host.value).toBe(`\${trimsuffix(google_dns_record_set.${recordId}.name, ".")}`);
  });

  test('protects the instance and the backup bucket for Business, whose bucket destroy would not empty', () => {
    const json = synthJson(render(ServicePlan.BUSINESS).stack);
    expect(Object.values(json.resource.google_redis_instance)[0].lifecycle.prevent_destroy).toBe(true);
    const bucket = Object.values(json.resource.google_storage_bucket)[0];
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
    expect(bucket.force_destroy).toBe(false);
  });

  test('lets destroy delete the backup bucket with its exports for Startup, which has no deletion protection', () => {
    const bucket = Object.values(resourcesOf(render(ServicePlan.STARTUP).stack, 'google_storage_bucket'))[0];
    expect(bucket.force_destroy).toBe(true);
    expect(bucket).not.toHaveProperty('lifecycle');
  });

  test('keeps the exports of a Startup data store given deletion protection', () => {
    const stack = testStack((s) => new GoogleProvider(s, 'google', {}));
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.memorystore(PROPS), deletionProtection: true });
    expect(Object.values(resourcesOf(stack, 'google_storage_bucket'))[0]).toMatchObject({ force_destroy: false, lifecycle: { prevent_destroy: true } });
  });

  test('names the export role after a terraform_data of the backup chain, so a chain defined again gets an ID Google has not reserved', () => {
    // The role's ID follows its own lifecycle: the incarnation is created and deleted with the backup chain, so a plan
    // change that removes backup history (Startup to Hobbyist, in place) and one that adds it back give a new ID, where
    // the instance's creation time, which those changes keep, gave the ID Google still reserves for 37 days.
    const { stack } = render(ServicePlan.STARTUP);
    const json = synthJson(stack);
    const [incarnationId] = Object.keys(json.resource.terraform_data).filter((id) => id.includes('BackupRoleIncarnation'));
    expect(json.resource.terraform_data[incarnationId]).toEqual({});
    const hash = createHash('sha256').update('example-project/europe-west1/orders').digest('hex').slice(0, 8);
    expect(Object.values(json.resource.google_project_iam_custom_role)[0].role_id)
      .toBe(`choreoRedisExport_${hash}_\${substr(sha256(terraform_data.${incarnationId}.id), 0, 8)}`);
    expect(Object.keys(synthJson(render(ServicePlan.HOBBYIST).stack).resource.terraform_data).filter((id) => id.includes('BackupRoleIncarnation'))).toEqual([]);
  });

  test('hashes a token project into the bucket, account and export call with Terraform, as the library hashes literals', () => {
    const stack = testStack((s) => new GoogleProvider(s, 'google', {}));
    const project = new TerraformVariable(stack, 'project', { type: 'string' }).stringValue;
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.memorystore({ ...PROPS, project }), name: 'orders' });
    const hash = 'substr(sha256(join("/", [var.project, "europe-west1", "orders"])), 0, 8)';
    const bucket = `join("", ["orders-backups-", ${hash}])`;
    expect(Object.values(resourcesOf(stack, 'google_storage_bucket'))[0].name).toBe(`\${${bucket}}`);
    expect(Object.values(resourcesOf(stack, 'google_service_account'))[0].account_id).toBe(`redis-export-\${${hash}}`);
    expect(Object.values(resourcesOf(stack, 'google_cloud_scheduler_job'))[0].http_target.body)
      .toBe(`\${base64encode(jsonencode({"outputConfig" = {"gcsDestination" = {"uri" = join("", ["gs://", ${bucket}, "/orders.rdb"])}}}))}`);
  });

  test('normalizes tags to labels', () => {
    const stack = testStack((s) => new GoogleProvider(s, 'google', {}));
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.HOBBYIST, backend: RedisBackend.memorystore(PROPS), tags: { 'Cost Center': 'R&D' } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(RedisInstance, { labels: { 'cost_center': 'r_d', 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': 'hobbyist' } });
  });
});

describe('the gcp matrix stacks', () => {
  test.each([
    ['startup', 1],
    ['business', 3],
    ['premium', 13],
  ] as const)('gcp-%s exports daily into a versioned bucket that keeps %s day(s)', (variant, days) => {
    const stack = testStack((s) => matrix.configure(s));
    new ChoreoRedis(stack, 'Redis', matrixProps(matrix, variant));
    const job = Object.values(resourcesOf(stack, 'google_cloud_scheduler_job'))[0];
    const bucket = Object.values(resourcesOf(stack, 'google_storage_bucket'))[0];
    expect(job.schedule).toBe('0 3 * * *');
    expect(bucket.versioning).toEqual({ enabled: true });
    expect(bucket.lifecycle_rule[0].condition.days_since_noncurrent_time).toBe(days);
  });
});

describe('Memorystore for Redis names beyond the stack', () => {
  const app = () => Testing.app();
  const inStack = (a: ReturnType<typeof app>, id: string, props: Partial<MemorystoreBackendProps> = {}, name = 'orders') => {
    const stack = new TerraformStack(a, id);
    new GoogleProvider(stack, 'google', {});
    return new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.memorystore({ ...PROPS, ...props }), name });
  };

  test('fails for the same name in one project and region in two stacks of an app', () => {
    const a = app();
    inStack(a, 'A');
    expect(() => inStack(a, 'B')).toThrow(
      '[NameCollision] name "orders" of B/Cache is already used by A/Cache for Memorystore for Redis in project example-project, europe-west1');
  });

  test('takes the same name in other projects or regions', () => {
    const a = app();
    inStack(a, 'A');
    expect(() => inStack(a, 'B', { project: 'other-project' })).not.toThrow();
    expect(() => inStack(a, 'C', { region: 'us-central1' })).not.toThrow();
  });

  test('fails for two data stores whose A records would share a zone and name, in any region and either backend', () => {
    const a = app();
    const privateDnsZone = { managedZone: 'internal', dnsName: 'internal.example.com.' };
    inStack(a, 'A', { privateDnsZone });
    expect(() => inStack(a, 'B', { privateDnsZone, region: 'us-central1' })).toThrow(
      '[NameCollision] A/Cache and B/Cache would both define the A record orders.internal.example.com. in the Cloud DNS zone internal. '
      + 'Fix: give the data stores different names, or put their records in different zones.');
    const valkey = new TerraformStack(a, 'V');
    new GoogleProvider(valkey, 'google', {});
    expect(() => new ChoreoRedis(valkey, 'Cache', {
      plan: ServicePlan.STARTUP,
      name: 'orders',
      backend: RedisBackend.memorystoreValkey({ project: PROPS.project, region: 'us-east4', network: PROPS.network, privateDnsZone }),
    })).toThrow('[NameCollision] A/Cache and V/Cache would both define the A record orders.internal.example.com.');
    expect(() => inStack(a, 'C', { privateDnsZone: { managedZone: 'other', dnsName: 'other.example.com.' }, region: 'us-east1' })).not.toThrow();
  });
});

describe('Memorystore for Redis props from other languages', () => {
  test('fails at the factory for a member of the private DNS zone of the wrong type', () => {
    const props: MemorystoreBackendProps = JSON.parse(JSON.stringify({ ...PROPS, privateDnsZone: { managedZone: 'internal', dnsName: 42 } }));
    expect(() => RedisBackend.memorystore(props)).toThrow(
      '[InvalidType] RedisBackend.memorystore({ privateDnsZone.dnsName }) is the number 42, but must be a string.');
  });

  test('fails at the factory for a prop of the wrong type, such as a version given as text', () => {
    const props: MemorystoreBackendProps = JSON.parse(JSON.stringify({ ...PROPS, engineVersion: 'REDIS_7_2' }));
    expect(() => RedisBackend.memorystore(props)).toThrow(
      '[InvalidType] RedisBackend.memorystore({ engineVersion }) is the string "REDIS_7_2", but must be a MemorystoreRedisVersion, such as MemorystoreRedisVersion.REDIS_7_2.');
  });
});
