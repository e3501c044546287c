/// <reference types="cdktf/lib/testing/adapters/jest" />
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { matrix } from './matrix';
import { matrixProps } from '../../../../examples/matrix';
import { codeOf, resourcesOf, synthJson, testStack, warningsOf } from '../../../../test/util';
import { AivenBackendProps, AivenProvider, ChoreoRedis, ChoreoRedisProps, Cloud, RedisBackend, ServicePlan } from '../../../index';
import { AivenValkey } from '../binding/valkey';
import { AivenValkeyUser } from '../binding/valkey-user';

const REGION: Readonly<Record<Cloud, string>> = {
  [Cloud.AWS]: 'eu-west-1', [Cloud.AZURE]: 'germanywestcentral', [Cloud.GCP]: 'europe-west1', [Cloud.DIGITALOCEAN]: 'ams3',
};

function aivenStack(): TerraformStack {
  return testStack((s) => { new AivenProvider(s, 'aiven'); });
}

function redis(props: Partial<ChoreoRedisProps> & { plan: ServicePlan }, backend: Partial<AivenBackendProps> = {}) {
  const stack = aivenStack();
  const cloud = backend.cloud ?? Cloud.AWS;
  const store = new ChoreoRedis(stack, 'Redis', {
    backend: RedisBackend.aiven({ project: 'choreo-data', cloud, region: REGION[cloud], ...backend }), ...props,
  });
  return { stack, store, synth: Testing.synth(stack) };
}

describe('service', () => {
  test.each(Object.values(Cloud).flatMap((cloud) => [
    [cloud, ServicePlan.HOBBYIST, [Cloud.GCP, Cloud.DIGITALOCEAN].includes(cloud) ? 'hobbyist' : 'startup-4', false],
    [cloud, ServicePlan.STARTUP, 'startup-4', false],
    [cloud, ServicePlan.BUSINESS, 'business-4', true],
    [cloud, ServicePlan.PREMIUM, 'premium-8', true],
  ] as const))('%s %s is an aiven_valkey on plan %s, termination protection %s', (cloud, plan, aivenPlan, protection) => {
    const { synth, stack } = redis({ plan }, { cloud });
    const cloudName = { aws: 'aws-eu-west-1', azure: 'azure-germany-westcentral', gcp: 'google-europe-west1', digitalocean: 'do-ams' }[cloud];
    expect(synth).toHaveResourceWithProperties(AivenValkey, {
      project: 'choreo-data',
      plan: aivenPlan,
      cloud_name: cloudName,
      termination_protection: protection,
      valkey_user_config: {
        ip_filter_string: ['0.0.0.0/0', '::/0'], valkey_ssl: true, valkey_persistence: 'rdb', frequent_snapshots: true, valkey_maxmemory_policy: 'noeviction', valkey_version: '8.1',
      },
      tag: [{ key: 'choreo-plan', value: plan }, { key: 'managed-by', value: 'cdktf-choreo-redis' }],
    });
    const [service] = Object.values(resourcesOf(stack, 'aiven_valkey'));
    expect(service.service_name).toMatch(/^test-redis-[0-9a-f]{8}$/);
    expect(service.lifecycle.prevent_destroy).toBe(protection ? true : undefined);
  });

  test('checks at plan time that the project offers the plan, with its nodes, in the cloud', () => {
    const { stack } = redis({ plan: ServicePlan.PREMIUM });
    const json = synthJson(stack) as { data: Record<string, Record<string, any>>; resource: Record<string, Record<string, any>> };
    const [listId] = Object.keys(json.data.aiven_service_plan_list);
    expect(json.data.aiven_service_plan_list[listId]).toEqual({ project: 'choreo-data', service_type: 'valkey' });
    const [service] = Object.values(json.resource.aiven_valkey);
    expect(service.lifecycle.precondition[0]).toEqual({
      condition: `\${anytrue([ for key, val in toset(data.aiven_service_plan_list.${listId}.service_plans): try(val.service_plan == "premium-8" && val.node_count == 3 && contains(keys(val.regions), "aws-eu-west-1"), false)])}`,
      error_message: 'The Aiven project offers no premium-8 Valkey plan with 3 node(s) in aws-eu-west-1. Choose another region or memoryGib, and list what the project offers with "avn service plans --service-type valkey --cloud aws-eu-west-1".',
    });
  });

  test('writes the allow-list into ip_filter_string, and a token entry in canonical CIDR form', () => {
    const stack = aivenStack();
    const office = new TerraformVariable(stack, 'office', { type: 'string' }).stringValue;
    new ChoreoRedis(stack, 'Redis', {
      plan: ServicePlan.BUSINESS,
      backend: RedisBackend.aiven({ project: 'choreo-data', cloud: Cloud.GCP, region: 'europe-west1' }),
      allowedCidrs: ['2001:db8::/48', '203.0.113.0/24', office],
    });
    const [service] = Object.values(resourcesOf(stack, 'aiven_valkey'));
    expect(service.valkey_user_config.ip_filter_string).toEqual([
      '203.0.113.0/24', '2001:db8::/48', expect.stringMatching(/^\$\{cidrsubnet\(.*var\.office.*, 0, 0\)\}$/),
    ]);
  });

  test('sets the maintenance window and a given name', () => {
    const { synth } = redis({ plan: ServicePlan.STARTUP, name: 'orders' }, { maintenanceWindowDow: 'sunday', maintenanceWindowTime: '03:00:00' });
    expect(synth).toHaveResourceWithProperties(AivenValkey, { service_name: 'orders', maintenance_window_dow: 'sunday', maintenance_window_time: '03:00:00' });
  });

  test('warns on AWS that Hobbyist runs on a startup plan, and on Google Cloud that the hobbyist plan carries no SLA', () => {
    const recoveryPoint = expect.stringMatching(/^\[RecoveryPointNotKept\] .* up to 10 minutes of writes/);
    expect(warningsOf(redis({ plan: ServicePlan.HOBBYIST }).store)).toEqual([
      recoveryPoint, expect.stringMatching(/^\[PlanFamilyNotOffered\] Aiven offers no hobbyist plan on aws/),
    ]);
    expect(warningsOf(redis({ plan: ServicePlan.HOBBYIST }, { cloud: Cloud.GCP }).store)).toEqual([
      recoveryPoint, expect.stringMatching(/^\[AvailabilitySlaNotKept\] .*no published SLA covers hobbyist services/),
    ]);
  });

  test('fails for two data stores with one name in one project, whatever their clouds', () => {
    const stack = aivenStack();
    new ChoreoRedis(stack, 'A', { plan: ServicePlan.STARTUP, name: 'orders', backend: RedisBackend.aiven({ project: 'p', cloud: Cloud.AWS, region: 'eu-west-1' }) });
    expect(codeOf(() => new ChoreoRedis(stack, 'B', {
      plan: ServicePlan.STARTUP, name: 'orders', backend: RedisBackend.aiven({ project: 'p', cloud: Cloud.AWS, region: 'us-east-1' }),
    }))).toBe('NameCollision');
  });
});

describe('application user', () => {
  test('is an aiven_valkey_user of the service whose ACL denies ROLE', () => {
    const { synth, stack } = redis({ plan: ServicePlan.STARTUP });
    expect(synth).toHaveResourceWithProperties(AivenValkeyUser, {
      project: 'choreo-data',
      username: 'app',
      valkey_acl_categories: ['+@all'],
      valkey_acl_commands: ['-role'],
      valkey_acl_keys: ['*'],
      valkey_acl_channels: ['*'],
    });
    const [user] = Object.values(resourcesOf(stack, 'aiven_valkey_user'));
    expect(user.service_name).toMatch(/^\$\{aiven_valkey\.Redis_[0-9A-F]{8}\.service_name\}$/);
    expect(user.password).toBeUndefined();
  });

  test('denies the Lua and function commands when Lua is off', () => {
    const { synth } = redis({ plan: ServicePlan.BUSINESS, luaScripting: false });
    expect(synth).toHaveResourceWithProperties(AivenValkeyUser, {
      valkey_acl_commands: ['-role', '-eval', '-eval_ro', '-evalsha', '-evalsha_ro', '-fcall', '-fcall_ro', '-function', '-script'],
    });
  });
});

describe('binding', () => {
  test('connects to service_host and service_port as the application user, with the sensitive password in the URI', () => {
    const { store, stack } = redis({ plan: ServicePlan.STARTUP });
    store.addOutputs({ prefix: 'cache' });
    const json = synthJson(stack);
    expect(store.resource).toBeInstanceOf(AivenValkey);
    expect(store.user).toBe('app');
    expect(store.caCertificate).toBeUndefined();
    expect(json.output!.cache_host.value).toMatch(/^\$\{aiven_valkey\.Redis_[0-9A-F]{8}\.service_host\}$/);
    expect(json.output!.cache_port.value).toMatch(/^\$\{aiven_valkey\.Redis_[0-9A-F]{8}\.service_port\}$/);
    expect(json.output!.cache_password).toEqual({
      value: expect.stringMatching(/^\$\{aiven_valkey_user\.Redis_User_[0-9A-F]{8}\.password\}$/),
      sensitive: true,
      description: expect.any(String),
      // Never an empty password: Aiven can return a new user before its password exists.
      precondition: [{ condition: expect.stringMatching(/^\$\{\(length\(aiven_valkey_user\.Redis_User_[0-9A-F]{8}\.password\) >= 1\)\}$/), error_message: expect.stringMatching(/password is empty/) }],
    });
    expect(Object.values(json.resource.aiven_valkey_user)[0]).toMatchObject({ lifecycle: { postcondition: [{ condition: '${(length(self.password) >= 1)}' }] } });
    expect(json.output!.cache_uri.value).toMatch(
      /^\$\{format\("rediss:\/\/%s:%s@%s:%s", "app", urlencode\(aiven_valkey_user\.Redis_User_[0-9A-F]{8}\.password\), aiven_valkey\.Redis_[0-9A-F]{8}\.service_host, aiven_valkey\.Redis_[0-9A-F]{8}\.service_port\)\}$/);
    expect(json.output!.cache_uri.sensitive).toBe(true);
  });

  test('the matrix stacks need the Aiven provider: synthesis fails without it', () => {
    const stack = testStack();
    new ChoreoRedis(stack, 'Redis', matrixProps(matrix[0], 'business'));
    expect(() => Testing.synth(stack, true)).toThrow(/provider/i);
  });
});

describe('hand-typed binding', () => {
  test('the provider pins aiven/aiven ~> 4.61 and passes a token when given one', () => {
    const stack = new TerraformStack(Testing.app(), 'provider');
    const token = new TerraformVariable(stack, 'aiven_token', { type: 'string', sensitive: true });
    new AivenProvider(stack, 'aiven', { apiToken: token.stringValue, alias: 'eu' });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.terraform.required_providers.aiven).toEqual({ source: 'aiven/aiven', version: '~> 4.61' });
    expect(json.provider.aiven).toEqual([{ api_token: '${var.aiven_token}', alias: 'eu' }]);
  });

  test('the provider reads AIVEN_TOKEN when given no token: no attributes', () => {
    const stack = aivenStack();
    expect(JSON.parse(Testing.synth(stack)).provider.aiven).toEqual([{}]);
  });

  test('renders HCL too', () => {
    const app = new App({ hclOutput: true, outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'hcl');
    new AivenProvider(stack, 'aiven');
    new ChoreoRedis(stack, 'Redis', { plan: ServicePlan.BUSINESS, backend: RedisBackend.aiven({ project: 'p', cloud: Cloud.GCP, region: 'europe-west1' }) });
    const hcl = String(Testing.synthHcl(stack));
    expect(hcl).toMatch(/resource "aiven_valkey" "Redis_[0-9A-F]{8}" \{/);
    expect(hcl).toMatch(/valkey_user_config \{\s*ip_filter_string = \[\s*"0\.0\.0\.0\/0",\s*"::\/0"\s*\]\s*valkey_ssl = true/);
    expect(hcl).toMatch(/tag \{\s*key = "choreo-plan"\s*value = "business"\s*\}/);
    expect(hcl).toMatch(/valkey_acl_commands = \[\s*"-role"\s*\]/);
    expect(hcl).toMatch(/data "aiven_service_plan_list"/);
  });
});

describe('restore at creation', () => {
  test('forkFrom forks the new service from the named one, created before the old one is deleted, and is read only at creation', () => {
    const { stack } = redis({ plan: ServicePlan.STARTUP, name: 'orders-eu' }, { forkFrom: 'orders' });
    const [service] = Object.values(resourcesOf(stack, 'aiven_valkey'));
    expect(service.valkey_user_config.service_to_fork_from).toBe('orders');
    expect(service.lifecycle).toMatchObject({ create_before_destroy: true, ignore_changes: ['valkey_user_config[0].service_to_fork_from'] });
    const [plain] = Object.values(resourcesOf(redis({ plan: ServicePlan.STARTUP, name: 'orders-eu' }).stack, 'aiven_valkey'));
    expect(plain.lifecycle.create_before_destroy).toBeUndefined();
    expect(plain.valkey_user_config.service_to_fork_from).toBeUndefined();
  });

  test.each([
    ['orders', '[InvalidRestoreSource] forkFrom "orders" is this data store\'s own service name'],
    ['Orders!', '[InvalidName] forkFrom "Orders!" is not a valid name here'],
  ])('fails for forkFrom %s', (forkFrom, message) => {
    expect(() => redis({ plan: ServicePlan.STARTUP, name: 'orders' }, { forkFrom })).toThrow(message);
  });
});
