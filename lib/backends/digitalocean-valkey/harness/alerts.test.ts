import { MonitorAlert } from '@cdktf/provider-digitalocean/lib/monitor-alert';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { Testing } from 'cdktf';
import { DIGITALOCEAN_PROVIDER_RULES } from './rules';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, ChoreoRedisAlerts, RedisBackend, ServicePlan } from '../../../index';

const EMAILS = AlertTarget.digitalOceanEmails(['ops@example.com']);
const SLACK = AlertTarget.digitalOceanSlack('#redis', 'https://hooks.slack.com/services/T0/B0/X');

/** A data store with `alerts`: e-mail and Slack by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [EMAILS, SLACK] }) {
  const stack = testStack((s) => new DigitaloceanProvider(s, 'digitalocean', {}));
  const redis = new ChoreoRedis(stack, 'Cache', { plan, name: 'orders', backend: RedisBackend.digitalOceanValkey({ region: 'fra1' }), alerts: alerts ?? undefined });
  return { stack, redis, alerts: Object.values(resourcesOf(stack, 'digitalocean_monitor_alert')) };
}

describe('Managed Valkey alerts', () => {
  test.each([
    [ServicePlan.HOBBYIST, 85, 90],
    [ServicePlan.STARTUP, 85, 90],
    [ServicePlan.BUSINESS, 80, 80],
  ])('%s: memory above %d%% and CPU above %d%% of the cluster, to every e-mail address and Slack channel', (plan, memory, cpu) => {
    const { stack } = render(plan);
    const synth = Testing.synth(stack);
    const common = {
      compare: 'GreaterThan',
      window: '10m',
      enabled: true,
      entities: [expect.stringMatching(/^\$\{digitalocean_database_cluster\.Cache_[0-9A-F]{8}\.id\}$/)],
      alerts: { email: ['ops@example.com'], slack: [{ channel: '#redis', url: 'https://hooks.slack.com/services/T0/B0/X' }] },
    };
    expect(synth).toHaveResourceWithProperties(MonitorAlert, { ...common, type: 'v1/dbaas/alerts/memory_utilization_alerts', value: memory });
    expect(synth).toHaveResourceWithProperties(MonitorAlert, { ...common, type: 'v1/dbaas/alerts/cpu_alerts', value: cpu });
  });

  test('warns about each signal DigitalOcean cannot watch, replication and failover only with a standby', () => {
    const codes = (plan: ServicePlan) => warningsOf(render(plan).redis).filter((w) => w.includes('AlertUnavailable')).map((w) => /^\[(\w+)\]/.exec(w)![1]);
    expect(codes(ServicePlan.HOBBYIST)).toEqual(['EvictionsAlertUnavailable', 'ConnectionsAlertUnavailable', 'BackupAlertUnavailable']);
    expect(codes(ServicePlan.BUSINESS)).toEqual([
      'EvictionsAlertUnavailable', 'ConnectionsAlertUnavailable', 'ReplicationAlertUnavailable', 'FailoverAlertUnavailable', 'BackupAlertUnavailable',
    ]);
  });

  test('sends to e-mail only when no Slack channel is given, and defines nothing without alerts', () => {
    expect(render(ServicePlan.HOBBYIST, { targets: [EMAILS] }).alerts[0].alerts).toEqual({ email: ['ops@example.com'] });
    expect(render(ServicePlan.HOBBYIST, null).alerts).toEqual([]);
  });

  test('fails on an SNS topic, naming the prop and the backend', () => {
    expect(() => render(ServicePlan.HOBBYIST, { targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:x')] }))
      .toThrow(/\[AlertTargetWrongCloud\] alerts\.targets\[0\] is AlertTarget\.snsTopic\(\) \(aws\), but RedisBackend\.digitalOceanValkey\(\)/);
  });

  test('the provider rules pass what the backend defines, and each catches a bad value', () => {
    const [policy] = render(ServicePlan.BUSINESS).alerts;
    expect(DIGITALOCEAN_PROVIDER_RULES.digitalocean_monitor_alert(policy)).toEqual([]);
    const broken: Array<[(a: Record<string, any>) => void, string]> = [
      [(a) => { a.type = 'v1/insights/droplet/memory_utilization_percent'; }, 'a database alert type'],
      [(a) => { a.compare = 'GreaterThanThreshold'; }, 'GreaterThan or LessThan'],
      [(a) => { a.window = '15m'; }, '5m, 10m, 30m or 1h'],
      [(a) => { a.value = 120; }, 'a percentage'],
      [(a) => { a.alerts = {}; }, 'an e-mail address or a Slack channel'],
    ];
    for (const [breakIt, message] of broken) {
      const attrs = structuredClone(policy);
      breakIt(attrs);
      expect(DIGITALOCEAN_PROVIDER_RULES.digitalocean_monitor_alert(attrs)).toEqual([expect.stringContaining(message)]);
    }
  });
});
