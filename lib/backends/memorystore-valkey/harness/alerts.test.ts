import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { Testing } from 'cdktf';
import { MEMORYSTORE_VALKEY_MONITORING_RULES } from './monitoring';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, ChoreoRedisAlerts, RedisBackend, ServicePlan } from '../../../index';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';

const CHANNEL = `projects/${PROJECT}/notificationChannels/42`;
const INSTANCE = 'resource.type = "memorystore.googleapis.com/Instance" AND resource.labels.instance_id = "orders"';

/** A data store with `alerts`: one channel by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [AlertTarget.cloudMonitoringChannels([CHANNEL])] }) {
  const stack = testStack(configureGoogle);
  const redis = new ChoreoRedis(stack, 'Cache', {
    plan, name: 'orders', backend: RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK }), alerts: alerts ?? undefined,
  });
  return { stack, redis, policies: Object.values(resourcesOf(stack, 'google_monitoring_alert_policy')) };
}

const policy = (metric: string, comparison: string, value: number) => ({
  project: PROJECT,
  notification_channels: [CHANNEL],
  conditions: [expect.objectContaining({
    condition_threshold: expect.objectContaining({ filter: `${INSTANCE} AND metric.type = "${metric}"`, comparison, threshold_value: value }),
  })],
});

describe('Memorystore for Valkey alerts', () => {
  test('Business: a policy per signal on the instance, among them its own backup status, to the channels', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS);
    const synth = Testing.synth(stack);
    const gt = 'COMPARISON_GT';
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/memory/maximum_utilization', gt, 0.8));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/cpu/maximum_utilization', gt, 0.8));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/stats/maximum_evicted_keys', gt, 0));
    const connections = Math.floor(0.8 * Math.min(redis.maxConnections, redis.serviceMaxConnections ?? redis.maxConnections));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/clients/maximum_connected_clients', gt, connections));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/replication/maximum_offset_diff', gt, 64 * 1024 * 1024));
    expect(synth).toHaveResourceWithProperties(MonitoringAlertPolicy, policy('memorystore.googleapis.com/instance/backup/last_backup_status', 'COMPARISON_LT', 1));
  });

  test('Hobbyist: no replication or backup policy', () => {
    expect(render(ServicePlan.HOBBYIST).policies).toHaveLength(4);
  });

  test('warns that failovers cannot be watched, only for plans with standbys; fails on an SNS topic', () => {
    expect(warningsOf(render(ServicePlan.BUSINESS).redis).filter((w) => w.includes('AlertUnavailable')))
      .toEqual([expect.stringMatching(/^\[FailoverAlertUnavailable\] Memorystore for Valkey \(gcp\)/)]);
    expect(() => render(ServicePlan.BUSINESS, { targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:x')] }))
      .toThrow(/\[AlertTargetWrongCloud\] .*RedisBackend\.memorystoreValkey\(\)/);
  });

  test('the provider rules pass every policy it defines', () => {
    for (const p of render(ServicePlan.PREMIUM).policies) expect(MEMORYSTORE_VALKEY_MONITORING_RULES.google_monitoring_alert_policy(p)).toEqual([]);
  });
});
