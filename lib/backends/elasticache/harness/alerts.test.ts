import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Testing } from 'cdktf';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, ChoreoRedisAlerts, ElastiCacheBackendProps, RedisBackend, ServicePlan } from '../../../index';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:redis-alerts';
const OTHER_TOPIC = 'arn:aws:sns:eu-west-1:111122223333:on-call';
const network: ElastiCacheBackendProps = { region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] };

/** A data store with `alerts`: SNS alerts by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [AlertTarget.snsTopic(TOPIC)] }, memoryGib?: number) {
  const stack = testStack((s) => {
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    new RandomProvider(s, 'random');
  });
  const redis = new ChoreoRedis(stack, 'Cache', { plan, name: 'orders', backend: RedisBackend.elastiCache(network), alerts: alerts ?? undefined, memoryGib });
  return { stack, redis };
}

const alarmsOf = (stack: ReturnType<typeof render>['stack']) => Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm'));

describe('ElastiCache alerts', () => {
  test.each([
    [ServicePlan.HOBBYIST, 1, 4],
    [ServicePlan.STARTUP, 1, 4],
    [ServicePlan.BUSINESS, 2, 10],
    [ServicePlan.PREMIUM, 3, 15],
  ])('%s: one alarm per node and signal (%d node(s), %d alarms), replication lag only with standbys', (plan, nodes, count) => {
    const { stack } = render(plan);
    const alarms = alarmsOf(stack);
    expect(alarms).toHaveLength(count);
    const nodeIds = Array.from({ length: nodes }, (_, i) => `orders-00${i + 1}`);
    for (const metric of ['DatabaseMemoryUsagePercentage', 'EngineCPUUtilization', 'Evictions', 'CurrConnections']) {
      expect(alarms.filter((a) => a.metric_name === metric).map((a) => a.dimensions.CacheClusterId)).toEqual(nodeIds);
    }
    expect(alarms.filter((a) => a.metric_name === 'ReplicationLag')).toHaveLength(nodes > 1 ? nodes : 0);
  });

  test('Business: each alarm has the metric, threshold, scope and target the plan gives it', () => {
    const { stack } = render(ServicePlan.BUSINESS);
    const synth = Testing.synth(stack);
    const common = { namespace: 'AWS/ElastiCache', comparison_operator: 'GreaterThanThreshold', alarm_actions: [TOPIC], ok_actions: [TOPIC], region: 'eu-west-1' };
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      ...common,
      alarm_name: 'orders-memory-001',
      metric_name: 'DatabaseMemoryUsagePercentage',
      statistic: 'Maximum',
      threshold: 80,
      dimensions: { CacheClusterId: 'orders-001' },
      period: 300,
      evaluation_periods: 2,
    });
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      ...common, alarm_name: 'orders-cpu-002', metric_name: 'EngineCPUUtilization', statistic: 'Average', threshold: 80, dimensions: { CacheClusterId: 'orders-002' },
    });
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      ...common, alarm_name: 'orders-evictions-001', metric_name: 'Evictions', statistic: 'Sum', threshold: 0, evaluation_periods: 1,
    });
    // cache.m7g.large, 6.38 GiB: promised max(10000, 4 x 6533) = 26132, below ElastiCache's 65000; 80% of it.
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      ...common, alarm_name: 'orders-connections-001', metric_name: 'CurrConnections', statistic: 'Maximum', threshold: 20905,
    });
    expect(synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      ...common, alarm_name: 'orders-replicationlag-002', metric_name: 'ReplicationLag', threshold: 30, treat_missing_data: 'notBreaching',
    });
  });

  test('the connection alarm watches ElastiCache\'s 65000 when the promise is higher', () => {
    const { stack } = render(ServicePlan.PREMIUM, { targets: [AlertTarget.snsTopic(TOPIC)] }, 26);
    const connections = alarmsOf(stack).find((a) => a.metric_name === 'CurrConnections')!;
    expect(connections.threshold).toBe(52000);
  });

  test('sends the replication group\'s events (failover, node replacement, failed snapshots) to the first topic', () => {
    const { stack } = render(ServicePlan.BUSINESS, { targets: [AlertTarget.snsTopic(TOPIC), AlertTarget.snsTopic(OTHER_TOPIC)] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ElasticacheReplicationGroup, { notification_topic_arn: TOPIC });
    expect(alarmsOf(stack).every((a) => JSON.stringify(a.alarm_actions) === JSON.stringify([TOPIC, OTHER_TOPIC]))).toBe(true);
  });

  test('takes the user\'s thresholds', () => {
    const { stack } = render(ServicePlan.BUSINESS, {
      targets: [AlertTarget.snsTopic(TOPIC)],
      memoryPercent: 70,
      cpuPercent: 60,
      connections: 5000,
      evictions: 100,
      replicationLagSeconds: 5,
    });
    const byMetric = Object.fromEntries(alarmsOf(stack).map((a) => [a.metric_name, a.threshold]));
    expect(byMetric).toEqual({
      DatabaseMemoryUsagePercentage: 70,
      EngineCPUUtilization: 60,
      CurrConnections: 5000,
      Evictions: 100,
      ReplicationLag: 5,
    });
  });

  test('defines no alarm and no notification topic without alerts, and warns about nothing it cannot watch', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS, null);
    expect(alarmsOf(stack)).toEqual([]);
    expect(Object.values(resourcesOf(stack, 'aws_elasticache_replication_group'))[0].notification_topic_arn).toBeUndefined();
    expect(warningsOf(redis).filter((w) => w.includes('AlertUnavailable'))).toEqual([]);
    expect(warningsOf(render(ServicePlan.PREMIUM).redis).filter((w) => w.includes('AlertUnavailable'))).toEqual([]);
  });

  test('fails on a target of another cloud, naming the prop and the backend', () => {
    const targets = [AlertTarget.snsTopic(TOPIC), AlertTarget.azureActionGroup('/subscriptions/x/actionGroups/ops')];
    expect(() => render(ServicePlan.BUSINESS, { targets }))
      .toThrow('[AlertTargetWrongCloud] alerts.targets[1] is AlertTarget.azureActionGroup() (azure), but RedisBackend.elastiCache() runs on ElastiCache (aws), which cannot notify it; use AlertTarget.snsTopic().');
  });

  test.each([
    [{ targets: [] }, 'InvalidAlertTargets'],
    [{ targets: [AlertTarget.snsTopic(TOPIC)], memoryPercent: 120 }, 'InvalidAlertThreshold'],
    [{ targets: [AlertTarget.snsTopic(TOPIC)], connections: 10.5 }, 'InvalidAlertThreshold'],
    [{ targets: [AlertTarget.snsTopic(TOPIC)], evictions: -1 }, 'InvalidAlertThreshold'],
  ])('fails on %j with %s', (alerts, code) => {
    expect(() => render(ServicePlan.BUSINESS, alerts as ChoreoRedisAlerts)).toThrow(expect.objectContaining({ code }));
  });
});
