import {
  AlertSignal, AlertTarget, AlertTargetKind, AlertWatch, BackendAlerts, Cloud, ServicePlan, Severity, alertThresholds, judgeAlerts, resolveAlerts,
} from '../../lib/plan';

const targets = [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:redis-alerts')];
const noTokens = () => false;
const watchAll: BackendAlerts['coverage'] = Object.fromEntries(Object.values(AlertSignal)
  .map((s) => [s, { watch: AlertWatch.NATIVE, detail: `a metric for ${s}` }])) as BackendAlerts['coverage'];
const backend = (unavailable: AlertSignal[]): BackendAlerts => ({
  targets: [AlertTargetKind.SNS_TOPIC],
  coverage: { ...watchAll, ...Object.fromEntries(unavailable.map((s) => [s, { watch: AlertWatch.UNAVAILABLE, detail: 'the service publishes nothing' }])) },
});
const context = (plan: ServicePlan, nodeCount: number, strict = false) => ({ service: 'TestService', cloud: Cloud.AWS, factory: 'test', plan, nodeCount, strict });

describe('alert thresholds', () => {
  test.each([
    [ServicePlan.HOBBYIST, 1, 85, 90, 10000, 8000],
    [ServicePlan.STARTUP, 2, 85, 90, 10000, 8000],
    [ServicePlan.BUSINESS, 4, 80, 80, 16384, 13107],
    [ServicePlan.PREMIUM, 8, 80, 80, 32768, 26214],
  ])('%s with %d GiB: memory %d%%, CPU %d%%, connections 80%% of %d', (plan, gib, memory, cpu, limit, connections) => {
    expect(alertThresholds(resolveAlerts({ targets }, noTokens)!, plan, gib)).toEqual({
      memoryPercent: memory, cpuPercent: cpu, connectionLimit: limit, connections, evictions: 0, replicationLagSeconds: 30,
    });
  });

  test('watches the service\'s own connection limit when it is below the promise', () => {
    expect(alertThresholds({ targets }, ServicePlan.PREMIUM, 26, 65000)).toMatchObject({ connectionLimit: 65000, connections: 52000 });
  });

  test('fails on a threshold out of range, naming the prop', () => {
    expect(() => resolveAlerts({ targets, cpuPercent: 0 }, noTokens)).toThrow('[InvalidAlertThreshold] alerts.cpuPercent 0 is not allowed');
  });
});

describe('the alert policy', () => {
  test('warns about each signal the backend cannot watch, and skips standby signals on one node', () => {
    const findings = judgeAlerts({ targets }, backend([AlertSignal.EVICTIONS, AlertSignal.REPLICATION]), context(ServicePlan.HOBBYIST, 1));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['EvictionsAlertUnavailable', Severity.WARNING]]);
    expect(findings[0].message).toBe('TestService (aws) cannot watch "evictions": the service publishes nothing.');
    const business = judgeAlerts({ targets }, backend([AlertSignal.REPLICATION]), context(ServicePlan.BUSINESS, 2));
    expect(business.map((f) => f.signal)).toEqual([AlertSignal.REPLICATION]);
  });

  test('makes them errors under strict, and says so', () => {
    const [finding] = judgeAlerts({ targets }, backend([AlertSignal.FAILOVER]), context(ServicePlan.PREMIUM, 3, true));
    expect(finding.severity).toBe(Severity.ERROR);
    expect(finding.message).toContain('(an error because strict is true)');
  });

  test('fails for a backend that defines no alerts, and for a target of another cloud', () => {
    expect(() => judgeAlerts({ targets }, undefined, context(ServicePlan.BUSINESS, 2))).toThrow(expect.objectContaining({ code: 'AlertsUnsupported' }));
    expect(() => judgeAlerts({ targets: [AlertTarget.digitalOceanEmails(['ops@example.com'])] }, backend([]), context(ServicePlan.BUSINESS, 2)))
      .toThrow('alerts.targets[0] is AlertTarget.digitalOceanEmails() (digitalocean), but RedisBackend.test() runs on TestService (aws)');
  });
});
