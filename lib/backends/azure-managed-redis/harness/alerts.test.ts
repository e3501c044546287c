import { MonitorActivityLogAlert } from '@cdktf/provider-azurerm/lib/monitor-activity-log-alert';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Testing } from 'cdktf';
import { AZURE_PROVIDER_RULES } from './rules';
import { resourcesOf, testStack, warningsOf } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, ChoreoRedisAlerts, RedisBackend, ServicePlan } from '../../../index';

const GROUP = '/subscriptions/0000/resourceGroups/ops/providers/microsoft.insights/actionGroups/redis-alerts';
const CACHE = /^\$\{azurerm_managed_redis\.Cache_[0-9A-F]{8}\.id\}$/;

/** A data store with `alerts`: one action group by default, none for `null`. */
function render(plan: ServicePlan, alerts: ChoreoRedisAlerts | null = { targets: [AlertTarget.azureActionGroup(GROUP)] }) {
  const stack = testStack((s) => new AzurermProvider(s, 'azurerm', { features: [{}] }));
  const redis = new ChoreoRedis(stack, 'Cache', {
    plan, name: 'orders', backend: RedisBackend.azureManagedRedis({ region: 'westeurope' }), alerts: alerts ?? undefined,
  });
  return { stack, redis };
}

const criteria = (metricName: string, aggregation: string, threshold: number) => [{
  metric_namespace: 'Microsoft.Cache/redisEnterprise', metric_name: metricName, aggregation, operator: 'GreaterThan', threshold,
}];

describe('Azure Managed Redis alerts', () => {
  test('Business: metric alerts on the cache with the plan\'s thresholds, sent to the action group', () => {
    const { stack, redis } = render(ServicePlan.BUSINESS);
    const synth = Testing.synth(stack);
    const common = { scopes: [expect.stringMatching(CACHE)], action: [{ action_group_id: GROUP }], severity: 2, frequency: 'PT5M' };
    expect(synth).toHaveResourceWithProperties(MonitorMetricAlert, { ...common, name: 'orders-memory', criteria: criteria('usedmemorypercentage', 'Maximum', 80) });
    expect(synth).toHaveResourceWithProperties(MonitorMetricAlert, { ...common, name: 'orders-cpu', criteria: criteria('percentProcessorTime', 'Maximum', 80) });
    expect(synth).toHaveResourceWithProperties(MonitorMetricAlert, { ...common, name: 'orders-evictions', window_size: 'PT5M', criteria: criteria('evictedkeys', 'Total', 0) });
    // 80% of the promised max(10000, 4 x MB) for the SKU's memory: Azure states no limit of its own.
    const connections = Math.floor(0.8 * Math.max(10000, 4 * Math.round(redis.memoryGib * 1024)));
    expect(synth).toHaveResourceWithProperties(MonitorMetricAlert, { ...common, name: 'orders-connections', criteria: criteria('connectedclients', 'Maximum', connections) });
  });

  test('alerts on the export Logic App\'s failed runs for plans with backup history, and on Resource Health for every plan', () => {
    const { stack } = render(ServicePlan.STARTUP);
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(MonitorMetricAlert, {
      name: 'orders-export',
      scopes: [expect.stringMatching(/^\$\{azurerm_logic_app_workflow\.Cache_ExportWorkflow_[0-9A-F]{8}\.id\}$/)],
      criteria: [{ metric_namespace: 'Microsoft.Logic/workflows', metric_name: 'RunsFailed', aggregation: 'Total', operator: 'GreaterThan', threshold: 0 }],
      severity: 1,
    });
    expect(synth).toHaveResourceWithProperties(MonitorActivityLogAlert, {
      name: 'orders-health', location: 'global', scopes: [expect.stringMatching(CACHE)], criteria: { category: 'ResourceHealth', resource_health: { current: ['Degraded', 'Unavailable'] } },
    });
    const hobbyist = Object.values(resourcesOf(render(ServicePlan.HOBBYIST).stack, 'azurerm_monitor_metric_alert')).map((a) => a.name);
    expect(hobbyist.sort()).toEqual(['orders-connections', 'orders-cpu', 'orders-evictions', 'orders-memory']);
  });

  test('warns that replication cannot be watched, only for plans with a standby', () => {
    const unavailable = (plan: ServicePlan) => warningsOf(render(plan).redis).filter((w) => w.includes('AlertUnavailable'));
    expect(unavailable(ServicePlan.HOBBYIST)).toEqual([]);
    expect(unavailable(ServicePlan.BUSINESS)).toEqual([expect.stringMatching(/^\[ReplicationAlertUnavailable\] Azure Managed Redis \(azure\) cannot watch "replication health/)]);
  });

  test('defines no alert without alerts, and fails on Cloud Monitoring channels', () => {
    const { stack } = render(ServicePlan.BUSINESS, null);
    expect(resourcesOf(stack, 'azurerm_monitor_metric_alert')).toEqual({});
    expect(() => render(ServicePlan.BUSINESS, { targets: [AlertTarget.cloudMonitoringChannels(['projects/p/notificationChannels/1'])] }))
      .toThrow(/\[AlertTargetWrongCloud\] alerts\.targets\[0\] is AlertTarget\.cloudMonitoringChannels\(\) \(gcp\), but RedisBackend\.azureManagedRedis\(\)/);
  });

  test('the provider rules pass what the backend defines, and each catches a bad value', () => {
    const json = JSON.parse(Testing.synth(render(ServicePlan.BUSINESS).stack)).resource;
    for (const type of ['azurerm_monitor_metric_alert', 'azurerm_monitor_activity_log_alert']) {
      for (const attrs of Object.values(json[type] as Record<string, any>)) expect(AZURE_PROVIDER_RULES[type](attrs)).toEqual([]);
    }
    const [metric] = Object.values(json.azurerm_monitor_metric_alert as Record<string, any>);
    const broken: Array<[(a: Record<string, any>) => void, string]> = [
      [(a) => { a.severity = 5; }, 'IntBetween(0, 4)'],
      [(a) => { a.window_size = 'PT10M'; }, 'a window size'],
      [(a) => { a.frequency = 'PT1H'; }, 'at least as long as the frequency'],
      [(a) => { a.criteria[0].metric_name = 'allusedmemorypercentage'; }, 'a metric the resource type publishes'],
      [(a) => { a.criteria[0].operator = 'GreaterThanThreshold'; }, 'an operator'],
      [(a) => { a.action = [{ action_group_id: 'redis-alerts' }]; }, 'action group IDs'],
    ];
    for (const [breakIt, message] of broken) {
      const attrs = structuredClone(metric);
      breakIt(attrs);
      expect(AZURE_PROVIDER_RULES.azurerm_monitor_metric_alert(attrs)).toEqual([expect.stringContaining(message)]);
    }
  });
});
