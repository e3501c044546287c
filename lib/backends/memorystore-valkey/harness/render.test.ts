import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { MemorystoreInstance } from '@cdktf/provider-google/lib/memorystore-instance';
import { NetworkConnectivityServiceConnectionPolicy } from '@cdktf/provider-google/lib/network-connectivity-service-connection-policy';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
// The jest matchers' types (Testing.setupJest() in test/setup.ts registers the matchers themselves).
import type {} from 'cdktf/lib/testing/adapters/jest';
import { App, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { resourcesOf, synthJson, testStack } from '../../../../test/util';
import { ChoreoRedis, MemorystoreValkeyBackendProps, RedisBackend, ServicePlan } from '../../../index';

const PROPS: MemorystoreValkeyBackendProps = {
  project: 'example-project',
  region: 'us-east4',
  network: 'projects/example-project/global/networks/apps',
};

function render(plan: ServicePlan, props: Partial<MemorystoreValkeyBackendProps> = {}): { stack: TerraformStack; redis: ChoreoRedis } {
  const stack = testStack((s) => new GoogleProvider(s, 'google', { project: 'example-project' }));
  const redis = new ChoreoRedis(stack, 'Cache', { plan, backend: RedisBackend.memorystoreValkey({ ...PROPS, ...props }), name: 'sessions' });
  return { stack, redis };
}

describe('Memorystore for Valkey renderer', () => {
  test.each([
    [ServicePlan.HOBBYIST, { node_type: 'SHARED_CORE_NANO', replica_count: 0, zone_distribution_config: { mode: 'SINGLE_ZONE' }, engine_configs: { 'maxclients': '5000', 'maxmemory-policy': 'noeviction' } }],
    [ServicePlan.STARTUP, { node_type: 'STANDARD_SMALL', replica_count: 0, automated_backup_config: { retention: '86400s', fixed_frequency_schedule: { start_time: { hours: 3 } } } }],
    [ServicePlan.BUSINESS, { replica_count: 1, zone_distribution_config: { mode: 'MULTI_ZONE' }, automated_backup_config: { retention: '259200s', fixed_frequency_schedule: { start_time: { hours: 3 } } } }],
    [ServicePlan.PREMIUM, { node_type: 'HIGHMEM_MEDIUM', replica_count: 2, zone_distribution_config: { mode: 'MULTI_ZONE' }, automated_backup_config: { retention: '1123200s', fixed_frequency_schedule: { start_time: { hours: 3 } } }, engine_configs: { 'maxclients': '53248', 'maxmemory-policy': 'noeviction' } }],
  ])('%s defines a cluster-disabled instance with one shard, TLS and IAM authentication', (plan, expected) => {
    expect(Testing.synth(render(plan).stack)).toHaveResourceWithProperties(MemorystoreInstance, {
      ...expected,
      instance_id: 'sessions',
      project: 'example-project',
      location: 'us-east4',
      mode: 'CLUSTER_DISABLED',
      shard_count: 1,
      engine_version: 'VALKEY_8_0',
      transit_encryption_mode: 'SERVER_AUTHENTICATION',
      authorization_mode: 'IAM_AUTH',
      desired_auto_created_endpoints: [{ network: 'projects/example-project/global/networks/apps', project_id: 'example-project' }],
      persistence_config: { mode: 'AOF', aof_config: { append_fsync: 'EVERY_SEC' } },
    });
  });

  test('defines no automated backups for Hobbyist', () => {
    const instance = Object.values(resourcesOf(render(ServicePlan.HOBBYIST).stack, 'google_memorystore_instance'))[0];
    expect(instance).not.toHaveProperty('automated_backup_config');
  });

  test.each([
    [ServicePlan.HOBBYIST, false],
    [ServicePlan.STARTUP, false],
    [ServicePlan.BUSINESS, true],
    [ServicePlan.PREMIUM, true],
  ])('%s turns the service\'s deletion protection on: %s, so that destroy completes without it and Terraform refuses with it', (plan, on) => {
    const instance = Object.values(resourcesOf(render(plan).stack, 'google_memorystore_instance'))[0];
    expect(instance.deletion_protection_enabled).toBe(on);
    expect(instance.lifecycle.prevent_destroy).toBe(on ? true : undefined);
  });

  test('makes Terraform refuse the destroy when the service\'s deletion protection is turned on for Hobbyist', () => {
    const instance = Object.values(resourcesOf(render(ServicePlan.HOBBYIST, { serviceDeletionProtection: true }).stack, 'google_memorystore_instance'))[0];
    expect(instance).toMatchObject({ deletion_protection_enabled: true, lifecycle: { prevent_destroy: true } });
  });

  test('turns the service\'s deletion protection off for Business when asked, keeping prevent_destroy', () => {
    const instance = Object.values(resourcesOf(render(ServicePlan.BUSINESS, { serviceDeletionProtection: false }).stack, 'google_memorystore_instance'))[0];
    expect(instance).toMatchObject({ deletion_protection_enabled: false, lifecycle: { prevent_destroy: true } });
  });

  test('defines the service connection policy before the instance when given subnetworks', () => {
    const subnet = 'projects/example-project/regions/us-east4/subnetworks/psc';
    const { stack } = render(ServicePlan.BUSINESS, { pscSubnetworks: [subnet] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(NetworkConnectivityServiceConnectionPolicy, {
      location: 'us-east4', service_class: 'gcp-memorystore', network: PROPS.network, psc_config: { subnetworks: [subnet] },
    });
    const policyId = Object.keys(resourcesOf(stack, 'google_network_connectivity_service_connection_policy'))[0];
    const instance = Object.values(resourcesOf(stack, 'google_memorystore_instance'))[0];
    expect(instance.depends_on).toEqual([`google_network_connectivity_service_connection_policy.${policyId}`]);
  });

  test('grants the connection role to the client members', () => {
    const member = 'serviceAccount:app@example-project.iam.gserviceaccount.com';
    expect(Testing.synth(render(ServicePlan.STARTUP, { clientMembers: [member] }).stack)).toHaveResourceWithProperties(ProjectIamMember, {
      project: 'example-project', role: 'roles/memorystore.dbConnectionUser', member,
    });
  });

  test('grants each member once, also when members repeat or read alike in construct IDs', () => {
    const members = ['user:ops.team@example.com', 'user:ops-team@example.com', 'user:ops.team@example.com'];
    const grants = Object.values(synthJson(render(ServicePlan.STARTUP, { clientMembers: members }).stack).resource.google_project_iam_member);
    expect(grants.map((g) => g.member).sort()).toEqual(['user:ops-team@example.com', 'user:ops.team@example.com']);
  });

  test('binds the primary endpoint, port 6379 and the managed CA; no password, and a URI without a credential', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS);
    redis.addOutputs();
    new TerraformOutput(stack, 'ca', { value: redis.caCertificate });
    const json = synthJson(stack) as ReturnType<typeof synthJson> & { data?: Record<string, Record<string, unknown>> };
    const id = Object.keys(json.resource.google_memorystore_instance)[0];
    const connections = `google_memorystore_instance.${id}.endpoints[0].connections[*].psc_auto_connection[0]`;
    const host = `zipmap(${connections}.connection_type, ${connections}.ip_address).CONNECTION_TYPE_PRIMARY`;
    expect(json.output!.Cache_host.value).toBe(`\${${host}}`);
    expect(json.output!.Cache_port.value).toBe(6379);
    expect(redis.password).toBeUndefined();
    expect(json.output!.Cache_password).toBeUndefined();
    expect(json.output!.Cache_uri.value).toBe(`\${format("rediss://%s:%s", ${host}, 6379)}`);
    // The identity that runs Terraform stays in the stack: nothing reads its access token.
    expect(json.data?.google_client_config).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/access_token/);
    expect(json.output!.ca.value).toBe(`\${element(google_memorystore_instance.${id}.managed_server_ca[0].ca_certs[0].certificates, 0)}`);
  });

  test('names the primary endpoint with an A record in the private zone', () => {
    const { stack } = render(ServicePlan.PREMIUM, { privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com.' } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DnsRecordSet, { managed_zone: 'internal', name: 'sessions.internal.example.com.', type: 'A' });
  });
});

describe('Memorystore for Valkey names beyond the stack', () => {
  const subnet = (region: string) => `projects/example-project/regions/${region}/subnetworks/psc`;
  const inStack = (app: App, id: string, props: Partial<MemorystoreValkeyBackendProps> = {}, name = 'sessions') => {
    const stack = new TerraformStack(app, id);
    new GoogleProvider(stack, 'google', {});
    return new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.STARTUP, backend: RedisBackend.memorystoreValkey({ ...PROPS, ...props }), name });
  };

  test('fails for two data stores of an app that would define the connection policy of one network and region', () => {
    const app = Testing.app();
    inStack(app, 'A', { pscSubnetworks: [subnet('us-east4')] });
    expect(() => inStack(app, 'B', { pscSubnetworks: [subnet('us-east4')] }, 'carts')).toThrow(
      '[NameCollision] A/Cache and B/Cache would both define the service connection policy for gcp-memorystore on '
      + 'projects/example-project/global/networks/apps in us-east4, which Google Cloud allows once per network and region. '
      + 'Fix: give pscSubnetworks to one of these data stores only; the others, without pscSubnetworks, use the policy it defines (which its destroy deletes).');
  });

  test('takes a policy per region, and data stores that use another\'s policy', () => {
    const app = Testing.app();
    inStack(app, 'A', { pscSubnetworks: [subnet('us-east4')] });
    expect(() => inStack(app, 'B', { region: 'us-central1', pscSubnetworks: [subnet('us-central1')] })).not.toThrow();
    expect(() => inStack(app, 'C', {}, 'carts')).not.toThrow();
  });

  test('fails for the same name in one project and region in two stacks of an app', () => {
    const app = Testing.app();
    inStack(app, 'A');
    expect(() => inStack(app, 'B')).toThrow(
      '[NameCollision] name "sessions" of B/Cache is already used by A/Cache for Memorystore for Valkey in project example-project, us-east4');
  });

  test('reads the endpoints\' project from a token network, and hashes it into the policy name with Terraform', () => {
    const stack = testStack((s) => new GoogleProvider(s, 'google', {}));
    const network = new TerraformVariable(stack, 'network', { type: 'string' }).stringValue;
    new ChoreoRedis(stack, 'Cache', {
      plan: ServicePlan.STARTUP, name: 'sessions', backend: RedisBackend.memorystoreValkey({ ...PROPS, network, pscSubnetworks: [subnet('us-east4')] }),
    });
    const project = '${element(regex("projects/([^/]+)/global/networks/", var.network), 0)}';
    expect(Object.values(resourcesOf(stack, 'google_memorystore_instance'))[0].desired_auto_created_endpoints)
      .toEqual([{ network: '${var.network}', project_id: project }]);
    expect(Object.values(resourcesOf(stack, 'google_network_connectivity_service_connection_policy'))[0]).toMatchObject({
      project, name: 'memorystore-psc-${substr(sha256(join("/", [var.network, "us-east4"])), 0, 8)}',
    });
  });
});

describe('Memorystore for Valkey props from other languages', () => {
  test('fails at the factory for a private DNS zone member of the wrong type', () => {
    const props: MemorystoreValkeyBackendProps = JSON.parse(JSON.stringify({ ...PROPS, privateDnsZone: { managedZone: ['internal'], dnsName: 'internal.example.com.' } }));
    expect(() => RedisBackend.memorystoreValkey(props)).toThrow(
      '[InvalidType] RedisBackend.memorystoreValkey({ privateDnsZone.managedZone }) is an array, but must be a string.');
  });

  test('fails at the factory for a prop of the wrong type, such as one member where a list belongs', () => {
    const props: MemorystoreValkeyBackendProps = JSON.parse(JSON.stringify({ ...PROPS, clientMembers: 'user:ops@example.com' }));
    expect(() => RedisBackend.memorystoreValkey(props)).toThrow(
      '[InvalidType] RedisBackend.memorystoreValkey({ clientMembers }) is the string "user:ops@example.com", but must be an array of strings.');
  });
});

describe('restore at creation', () => {
  const BACKUP = 'projects/example-project/locations/us-east4/backupCollections/sessions/backups/before-move';

  test('restoreFromBackup creates the instance from the backup, and is read only at creation', () => {
    const [instance] = Object.values(resourcesOf(render(ServicePlan.STARTUP, { restoreFromBackup: BACKUP }).stack, 'google_memorystore_instance'));
    expect(instance.managed_backup_source).toEqual({ backup: BACKUP });
    expect(instance.lifecycle.ignore_changes).toEqual(['managed_backup_source', 'gcs_source']);
  });

  test.each([
    ['sessions-before-move', 'is not the full name of a backup in us-east4'],
    [BACKUP.replace('us-east4', 'europe-west1'), 'is not the full name of a backup in us-east4'],
  ])('fails for restoreFromBackup %s', (backup, message) => {
    expect(() => RedisBackend.memorystoreValkey({ ...PROPS, restoreFromBackup: backup })).toThrow(`[InvalidRestoreSource] restoreFromBackup "${backup}" ${message}`);
  });
});
