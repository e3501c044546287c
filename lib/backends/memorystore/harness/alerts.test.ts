import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { Testing } from 'cdktf';
import { MEMORYSTORE_MONITORING_RULES } from './monitoring';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, ChoreoRedisAlerts, RedisBackend, ServicePlan } from '../../../index';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';

const CHANNEL = `projects/${PROJECT}/notificationChannels/42`;
const INSTANCE = `resource.type = "redis_instance" AND resource.labels.instance_id = "projects/${PROJECT}/locations/${REGION}/instances/orders"`;

/** A data store with `alerts`: one channel by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [AlertTarget.cloudMonitoringChannels([CHANNEL])] }) {
  const stack = testStack(configureGoogle);
  const redis = new ChoreoRedis(stack, 'Cache', {
    plan,
    name: 'orders',
    backend: RedisBackend.memorystore({ project: PROJECT, region: REGION, network: NETWORK }),
    alerts: alerts ?? undefined,
  });
  return { stack, redis, policies: Object.values(resourcesOf(stack, 'google_monitoring_alert_policy')) };
}

const threshold = (metric: string, value: number, aligner: string) => ({
  project: PROJECT,
  notification_channels: [CHANNEL],
  conditions: [expect.objectContaining({
    condition_threshold: expect.objectContaining({
      filter: `${INSTANCE} AND metric.type = "${metric}"`, comparison: 'COMPARISON_GT', threshold_value: value, aggregations: [expect.objectContaining({ per_series_aligner: aligner })],
    }),
  })],
});

describe('Memorystore for Redis alerts', () => {
  test('Business: a policy per signal on the instance, with the plan\'s thresholds, to the channels', () => {
    const synth = Testing.synth(render(ServicePlan.BUSINESS).stack);
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, threshold('redis.googleapis.com/stats/memory/usage_ratio', 0.8, 'ALIGN_MAX'));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, threshold('redis.googleapis.com/stats/cpu_utilization_main_thread', 0.8, 'ALIGN_RATE'));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, threshold('redis.googleapis.com/stats/evicted_keys', 0, 'ALIGN_SUM'));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, threshold('redis.googleapis.com/clients/connected', 13107, 'ALIGN_MAX'));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, threshold('redis.googleapis.com/replication/master/slaves/lag', 30, 'ALIGN_MAX'));
  });

  test('watches the Cloud Scheduler export job\'s logs for plans with backup history', () => {
    const { policies } = render(ServicePlan.STARTUP);
    const exportPolicy = policies.find((p) => p.conditions[0].condition_matched_log !== undefined);
    expect(exportPolicy.conditions[0].condition_matched_log.filter)
      .toMatch(/^resource\.type = "cloud_scheduler_job" AND resource\.labels\.job_id = "orders-backup" AND resource\.labels\.location = "europe-west1" AND severity >= ERROR$/);
    expect(exportPolicy.alert_strategy.notification_rate_limit.period).toBe('3600s');
    expect(render(ServicePlan.HOBBYIST).policies.some((p) => p.conditions[0].condition_matched_log !== undefined)).toBe(false);
    expect(render(ServicePlan.HOBBYIST).policies).toHaveLength(4);
  });

  test('warns that failovers cannot be watched, only for plans with standbys', () => {
    const unavailable = (plan: ServicePlan) => warningsOf(render(plan).redis).filter((w) => w.includes('AlertUnavailable'));
    expect(unavailable(ServicePlan.STARTUP)).toEqual([]);
    expect(unavailable(ServicePlan.PREMIUM)).toEqual([expect.stringMatching(/^\[FailoverAlertUnavailable\] Memorystore for Redis \(gcp\)/)]);
  });

  test('defines nothing without alerts, and fails on an action group', () => {
    expect(render(ServicePlan.BUSINESS, null).policies).toEqual([]);
    expect(() => render(ServicePlan.BUSINESS, { targets: [AlertTarget.azureActionGroup('/subscriptions/0/ag')] })).toThrow(/\[AlertTargetWrongCloud\] .*RedisBackend\.memorystore\(\)/);
  });

  test('the provider rules pass what the backend defines, and each catches a bad value', () => {
    const { policies } = render(ServicePlan.PREMIUM);
    for (const policy of policies) expect(MEMORYSTORE_MONITORING_RULES.google_monitoring_alert_policy(policy)).toEqual([]);
    const broken: Array<[(a: Record<string, any>) => void, string]> = [
      [(a) => { a.conditions[0].condition_threshold.filter = a.conditions[0].condition_threshold.filter.replace('usage_ratio', 'used_memory_percent'); }, 'a metric type of redis_instance'],
      [(a) => { a.conditions[0].condition_threshold.comparison = 'GREATER'; }, 'a comparison'],
      [(a) => { a.conditions[0].condition_threshold.aggregations[0].alignment_period = '30s'; }, 'alignment of 60 s or more'],
      [(a) => { a.severity = 'INFO'; }, 'CRITICAL, ERROR or WARNING'],
      [(a) => { a.notification_channels = ['ops@example.com']; }, 'notification channel names'],
    ];
    for (const [breakIt, message] of broken) {
      const attrs = structuredClone(policies.find((p) => p.conditions[0].condition_threshold?.filter.includes('usage_ratio')));
      breakIt(attrs);
      expect(MEMORYSTORE_MONITORING_RULES.google_monitoring_alert_policy(attrs)).toEqual([expect.stringContaining(message)]);
    }
  });
});
