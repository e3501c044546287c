/// <reference types="cdktf/lib/testing/adapters/jest" />
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AIVEN_PROVIDER_RULES } from './rules';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, AivenProvider, ChoreoRedis, ChoreoRedisAlerts, Cloud, RedisBackend, ServicePlan } from '../../../index';
import { AlertWatch } from '../../../plan';
import { AIVEN_ALERT_COVERAGE } from '../alert-plan';
import { AivenValkey } from '../binding/valkey';

const CONTACTS = AlertTarget.aivenTechEmails(['ops@example.com', 'dba@example.com']);

/** A data store on Aiven with `alerts`: two service contacts by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [CONTACTS] }, strict?: boolean, stack: TerraformStack = testStack((s) => { new AivenProvider(s, 'aiven'); })) {
  const redis = new ChoreoRedis(stack, 'Cache', {
    plan, name: 'orders', strict, backend: RedisBackend.aiven({ project: 'choreo-data', cloud: Cloud.AWS, region: 'eu-west-1' }), alerts: alerts ?? undefined,
  });
  const [service] = Object.values(resourcesOf(stack, 'aiven_valkey'));
  return { stack, redis, service };
}

const codes = (redis: ChoreoRedis) => warningsOf(redis).filter((w) => w.includes('AlertUnavailable')).map((w) => /^\[(\w+)\]/.exec(w)![1]);

describe('Aiven for Valkey alerts', () => {
  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM])(
    '%s: the service contacts are the alert targets, on the service itself', (plan) => {
      const { stack } = render(plan);
      expect(Testing.synth(stack)).toHaveResourceWithProperties(AivenValkey, {
        service_name: 'orders',
        tech_emails: [{ email: 'ops@example.com' }, { email: 'dba@example.com' }],
      });
      // Aiven has nothing else to define: no alert resource, no integration (terraform_data is the replacement guard).
      expect(Object.keys(JSON.parse(Testing.synth(stack)).resource).sort()).toEqual(['aiven_valkey', 'aiven_valkey_user', 'terraform_data']);
    });

  test('gathers every target\'s addresses, each once', () => {
    const { service } = render(ServicePlan.BUSINESS, { targets: [CONTACTS, AlertTarget.aivenTechEmails(['ops@example.com', 'oncall@example.com'])] });
    expect(service.tech_emails).toEqual([{ email: 'ops@example.com' }, { email: 'dba@example.com' }, { email: 'oncall@example.com' }]);
  });

  test('sets no service contacts without alerts, so Aiven keeps writing to the project\'s contacts', () => {
    expect(render(ServicePlan.BUSINESS, null).service.tech_emails).toBeUndefined();
  });

  test('passes a token address through', () => {
    const stack = testStack((s) => { new AivenProvider(s, 'aiven'); });
    const email = new TerraformVariable(stack, 'contact', { type: 'string' }).stringValue;
    const { service } = render(ServicePlan.BUSINESS, { targets: [AlertTarget.aivenTechEmails([email])] }, undefined, stack);
    expect(service.tech_emails).toEqual([{ email: '${var.contact}' }]);
  });

  test('failover is watched natively through the service contacts; the metric signals and backups are not, each with its fix', () => {
    expect(AIVEN_ALERT_COVERAGE.failover.watch).toBe(AlertWatch.NATIVE);
    expect(AIVEN_ALERT_COVERAGE.failover.detail).toContain('tech_emails');
    for (const signal of ['memory', 'cpu', 'evictions', 'connections', 'replication'] as const) {
      expect(AIVEN_ALERT_COVERAGE[signal]).toEqual({ watch: AlertWatch.UNAVAILABLE, detail: expect.stringContaining('fix: a metrics integration (aiven_service_integration') });
    }
    expect(AIVEN_ALERT_COVERAGE.backup).toEqual({ watch: AlertWatch.UNAVAILABLE, detail: expect.stringContaining('avn service backup-list') });
  });

  test('warns about each signal Aiven cannot watch, replication only with a standby', () => {
    expect(codes(render(ServicePlan.STARTUP).redis)).toEqual(['MemoryAlertUnavailable', 'CpuAlertUnavailable', 'EvictionsAlertUnavailable', 'ConnectionsAlertUnavailable', 'BackupAlertUnavailable']);
    expect(codes(render(ServicePlan.BUSINESS).redis)).toEqual([
      'MemoryAlertUnavailable', 'CpuAlertUnavailable', 'EvictionsAlertUnavailable', 'ConnectionsAlertUnavailable', 'ReplicationAlertUnavailable', 'BackupAlertUnavailable',
    ]);
    const [memory] = warningsOf(render(ServicePlan.BUSINESS).redis).filter((w) => w.startsWith('[MemoryAlertUnavailable]'));
    expect(memory).toMatch(/^\[MemoryAlertUnavailable\] Aiven for Valkey \(aws\) cannot watch "memory use \(% of the node\)": Aiven has no threshold alerts .*fix: a metrics integration/);
  });

  test('is an error under strict for the first signal Aiven cannot watch', () => {
    expect(() => render(ServicePlan.BUSINESS, { targets: [CONTACTS] }, true)).toThrow(/MemoryAlertUnavailable.*an error because strict is true/);
  });

  test.each([
    [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:x'), 'snsTopic', 'aws'],
    [AlertTarget.digitalOceanEmails(['ops@example.com']), 'digitalOceanEmails', 'digitalocean'],
  ])('fails on a target of another cloud, naming the prop and the backend: %#', (target, factory, cloud) => {
    expect(() => render(ServicePlan.BUSINESS, { targets: [CONTACTS, target] })).toThrow(
      `[AlertTargetWrongCloud] alerts.targets[1] is AlertTarget.${factory}() (${cloud}), but RedisBackend.aiven() runs on Aiven for Valkey (aws), which cannot notify it; use AlertTarget.aivenTechEmails().`);
  });

  test('other backends refuse the Aiven target', () => {
    const stack = testStack();
    expect(() => new ChoreoRedis(stack, 'Cache', {
      plan: ServicePlan.BUSINESS, backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-11111111', 'subnet-22222222'] }), alerts: { targets: [CONTACTS] },
    })).toThrow(/\[AlertTargetWrongCloud\] alerts\.targets\[0\] is AlertTarget\.aivenTechEmails\(\) \(aiven\), but RedisBackend\.elastiCache\(\)/);
  });

  test.each([
    [[], 'no address'],
    [['ops'], 'address "ops" is not an e-mail address'],
    [['ops@example.com', 'ops @example.com'], 'address "ops @example.com" is not an e-mail address'],
  ])('refuses service contacts %j: %s', (emails, message) => {
    expect(() => render(ServicePlan.BUSINESS, { targets: [AlertTarget.aivenTechEmails(emails)] })).toThrow(message);
    expect(() => render(ServicePlan.BUSINESS, { targets: [AlertTarget.aivenTechEmails(emails)] })).toThrow(/^\[InvalidAlertTargets\] alerts\.targets/);
  });

  test('the provider rules pass what the backend defines, and each tech_emails rule catches a bad value', () => {
    const { service } = render(ServicePlan.BUSINESS);
    expect(AIVEN_PROVIDER_RULES.aiven_valkey(service)).toEqual([]);
    const broken: Array<[(a: Record<string, any>) => void, string]> = [
      [(a) => { a.tech_emails = [{}]; }, 'each block needs an email'],
      [(a) => { a.tech_emails = [{ email: 'ops@localhost' }]; }, 'e-mail addresses'],
    ];
    for (const [breakIt, message] of broken) {
      const attrs = structuredClone(service);
      breakIt(attrs);
      expect(AIVEN_PROVIDER_RULES.aiven_valkey(attrs)).toEqual([expect.stringContaining(message)]);
    }
  });
});
