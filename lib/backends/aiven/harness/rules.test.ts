/**
 * The Aiven provider rules accept what the backend synthesizes on every cloud, and each rule catches a bad value:
 * a rule that cannot fail would let the property and conformance tests pass whatever the backend defines.
 */
import { Testing } from 'cdktf';
import { AIVEN_PROVIDER_RULES } from './rules';
import { testStack } from '../../../../test/util';
import { AlertTarget, AivenProvider, ChoreoRedis, Cloud, RedisBackend, ServicePlan } from '../../../index';

/** Every resource type the backend defines: Business with an allow-list, Lua off, tags, a maintenance window and alerts. */
function synthesized(cloud: Cloud, region: string): Record<string, Record<string, any>> {
  const stack = testStack((s) => { new AivenProvider(s, 'aiven'); });
  new ChoreoRedis(stack, 'Redis', {
    plan: ServicePlan.BUSINESS,
    allowedCidrs: ['10.0.0.0/8', '203.0.113.7', '2001:db8::/48'],
    luaScripting: false,
    tags: { team: 'payments' },
    alerts: { targets: [AlertTarget.aivenTechEmails(['ops@example.com', 'dba@example.com'])] },
    backend: RedisBackend.aiven({ project: 'choreo-data', cloud, region, maintenanceWindowDow: 'sunday', maintenanceWindowTime: '03:00:00' }),
  });
  return JSON.parse(Testing.synth(stack)).resource;
}

const RESOURCES = synthesized(Cloud.AZURE, 'germanywestcentral');

/** The one resource of a type, as a fresh copy to break. */
function resource(type: string): Record<string, any> {
  const [attrs] = Object.values(RESOURCES[type] ?? {});
  if (attrs === undefined) throw new Error(`the backend defines no ${type}`);
  return structuredClone(attrs);
}

test.each([[Cloud.AWS, 'us-east-1'], [Cloud.AZURE, 'germanywestcentral'], [Cloud.GCP, 'europe-west1'], [Cloud.DIGITALOCEAN, 'nyc3']])(
  'covers every resource type the backend defines on %s, and the backend passes them', (cloud, region) => {
    const resources = synthesized(cloud, region);
    // terraform_data (the replacement guard) has shared rules (test/provider-rules/terraform.ts).
    expect(Object.keys(resources).sort()).toEqual(['aiven_valkey', 'aiven_valkey_user', 'terraform_data']);
    for (const [type, byId] of Object.entries(resources)) {
      if (type === 'terraform_data') continue;
      for (const attrs of Object.values(byId)) expect([type, AIVEN_PROVIDER_RULES[type](attrs)]).toEqual([type, []]);
    }
  });

test('skips attributes Terraform resolves later', () => {
  const service = resource('aiven_valkey');
  service.project = '${var.project}';
  service.service_name = '${var.name}';
  expect(AIVEN_PROVIDER_RULES.aiven_valkey(service)).toEqual([]);
});

type Break = (attrs: Record<string, any>) => void;

test.each<[string, string, Break, string]>([
  ['aiven_valkey', 'a project name with a space', (a) => { a.project = 'my project'; }, 'project name should be alphanumeric'],
  ['aiven_valkey', 'an upper-case plan', (a) => { a.plan = 'Business-4'; }, 'plan name should be lowercase'],
  ['aiven_valkey', 'a plan ending in a hyphen', (a) => { a.plan = 'business-'; }, 'plan name should be lowercase'],
  ['aiven_valkey', 'a plan of 129 characters', (a) => { a.plan = `b${'x'.repeat(128)}`; }, 'plan name should be lowercase'],
  ['aiven_valkey', 'a service name with an underscore', (a) => { a.service_name = 'orders_cache'; }, 'service_name'],
  ['aiven_valkey', 'a service name starting with a digit', (a) => { a.service_name = '1orders'; }, 'service_name'],
  ['aiven_valkey', 'a service name of 65 characters', (a) => { a.service_name = `o${'x'.repeat(64)}`; }, 'service_name'],
  ['aiven_valkey', 'a cloud name without a provider', (a) => { a.cloud_name = 'westeurope'; }, 'an Aiven cloud'],
  ['aiven_valkey', 'termination protection as a string', (a) => { a.termination_protection = 'true'; }, 'a boolean'],
  ['aiven_valkey', 'an abbreviated maintenance day', (a) => { a.maintenance_window_dow = 'sun'; }, 'monday to sunday'],
  ['aiven_valkey', 'a maintenance time without seconds', (a) => { a.maintenance_window_time = '03:00'; }, 'HH:mm:ss'],
  ['aiven_valkey', 'a maintenance day without a time', (a) => { delete a.maintenance_window_time; }, 'GetMaintenanceWindow'],
  ['aiven_valkey', 'two tags with one key', (a) => { a.tag = [...a.tag, { key: 'team', value: 'x' }]; }, 'tag keys should be unique'],
  ['aiven_valkey', 'a tag key starting with a digit', (a) => { a.tag = [{ key: '1team', value: 'x' }]; }, 'tag keys'],
  ['aiven_valkey', 'a tag value of 65 characters', (a) => { a.tag = [{ key: 'team', value: 'v'.repeat(65) }]; }, 'tag values'],
  ['aiven_valkey', 'two user-config blocks', (a) => { a.valkey_user_config = [a.valkey_user_config, a.valkey_user_config]; }, 'MaxItems: 1'],
  ['aiven_valkey', 'ip_filter_string and ip_filter_object', (a) => { a.valkey_user_config.ip_filter_object = [{ network: '10.0.0.0/8' }]; }, 'only one of'],
  ['aiven_valkey', 'ip_filter_string and the deprecated ip_filter', (a) => { a.valkey_user_config.ip_filter = ['10.0.0.0/8']; }, 'checkForMultipleValues'],
  ['aiven_valkey', '8001 filter entries', (a) => { a.valkey_user_config.ip_filter_string = Array.from({ length: 8001 }, (_, i) => `10.0.${i % 256}.0/24`); },
    'MaxItems: 8000'],
  ['aiven_valkey', 'an empty filter', (a) => { a.valkey_user_config.ip_filter_string = []; }, 'AIVEN_ALLOW_IP_FILTER_PURGE'],
  ['aiven_valkey', 'a filter entry with host bits', (a) => { a.valkey_user_config.ip_filter_string = ['10.0.0.1/8']; }, 'CIDR blocks'],
  ['aiven_valkey', 'persistence "aof"', (a) => { a.valkey_user_config.valkey_persistence = 'aof'; }, 'off or rdb'],
  ['aiven_valkey', 'frequent snapshots as a string', (a) => { a.valkey_user_config.frequent_snapshots = 'yes'; }, 'frequent_snapshots: a boolean'],
  ['aiven_valkey', 'valkey_ssl as a string', (a) => { a.valkey_user_config.valkey_ssl = 'yes'; }, 'valkey_ssl'],
  ['aiven_valkey', 'channels default "all"', (a) => { a.valkey_user_config.valkey_acl_channels_default = 'all'; }, 'valkey_acl_channels_default enum'],
  ['aiven_valkey', 'backup hour 24', (a) => { a.valkey_user_config.backup_hour = 24; }, 'backup_hour 0-23'],
  ['aiven_valkey', 'version "9"', (a) => { a.valkey_user_config.valkey_version = '9'; }, 'valkey_version'],
  ['aiven_valkey', 'a service contact without an email', (a) => { a.tech_emails = [{ email: 'ops@example.com' }, {}]; }, 'each block needs an email'],
  ['aiven_valkey', 'a service contact with an empty email', (a) => { a.tech_emails = [{ email: '' }]; }, 'each block needs an email'],
  ['aiven_valkey', 'a service contact that is not an address', (a) => { a.tech_emails = [{ email: 'ops at example.com' }]; }, 'e-mail addresses'],
  ['aiven_valkey_user', 'no project', (a) => { delete a.project; }, 'project: required'],
  ['aiven_valkey_user', 'no service', (a) => { a.service_name = ''; }, 'service_name: required'],
  ['aiven_valkey_user', 'a user name starting with a hyphen', (a) => { a.username = '-app'; }, 'must match pattern'],
  ['aiven_valkey_user', 'a user name of 65 characters', (a) => { a.username = 'u'.repeat(65); }, 'must match pattern'],
  ['aiven_valkey_user', 'a password of 7 characters', (a) => { a.password = 'secret7'; }, 'LengthBetween(8, 256)'],
  ['aiven_valkey_user', 'a password and a write-only one', (a) => { a.password = 'long-enough'; a.password_wo = 'long-enough'; a.password_wo_version = 1; },
    'conflicts with password_wo'],
  ['aiven_valkey_user', 'a write-only password without a version', (a) => { a.password_wo = 'long-enough'; }, 'password_wo and password_wo_version go together'],
  ['aiven_valkey_user', 'password version 0', (a) => { a.password_wo = 'long-enough'; a.password_wo_version = 0; }, 'AtLeast(1)'],
  ['aiven_valkey_user', 'categories without keys', (a) => { delete a.valkey_acl_keys; }, 'AlsoRequires'],
  ['aiven_valkey_user', 'a category without @', (a) => { a.valkey_acl_categories = ['+all']; }, 'categories start with +@ or -@'],
  ['aiven_valkey_user', 'a command without a sign', (a) => { a.valkey_acl_commands = ['role']; }, 'commands start with + or -'],
  ['aiven_valkey_user', 'a command with a space', (a) => { a.valkey_acl_commands = ['-role', '-config get']; }, 'commands start with + or -'],
  ['aiven_valkey_user', 'an empty key pattern', (a) => { a.valkey_acl_keys = ['']; }, 'key patterns'],
  ['aiven_valkey_user', 'an empty channel pattern', (a) => { a.valkey_acl_channels = ['']; }, 'channel patterns'],
])('%s: %s breaks a rule', (type, _what, breakIt, rule) => {
  const attrs = resource(type);
  breakIt(attrs);
  expect(AIVEN_PROVIDER_RULES[type](attrs)).toEqual(expect.arrayContaining([expect.stringContaining(rule)]));
});
