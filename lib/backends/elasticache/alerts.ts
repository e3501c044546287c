import { Construct } from 'constructs';
import { ELASTICACHE_NAMESPACE, ElastiCacheAlertSettings } from './alert-plan';
import { lazyModule } from '../lazy';

const alarmBinding = lazyModule(() =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for data stores with alerts
  require('@cdktf/provider-aws/lib/cloudwatch-metric-alarm') as typeof import('@cdktf/provider-aws/lib/cloudwatch-metric-alarm'));

/**
 * Defines ElastiCache's CloudWatch alarms, one per node and signal, each notifying every SNS topic on alarm and on
 * recovery. The replication group's notification topic is set by the renderer.
 */
export function defineElastiCacheAlerts(scope: Construct, settings: ElastiCacheAlertSettings, region: string,
  tags: Readonly<Record<string, string>>): void {
  const { CloudwatchMetricAlarm } = alarmBinding();
  for (const alarm of settings.alarms) {
    new CloudwatchMetricAlarm(scope, alarm.id, {
      region,
      alarmName: alarm.name,
      alarmDescription: alarm.description,
      namespace: ELASTICACHE_NAMESPACE,
      metricName: alarm.metricName,
      dimensions: { CacheClusterId: alarm.cacheClusterId },
      statistic: alarm.statistic,
      period: alarm.period,
      evaluationPeriods: alarm.evaluationPeriods,
      threshold: alarm.threshold,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: alarm.treatMissingData,
      alarmActions: [...settings.topicArns],
      okActions: [...settings.topicArns],
      tags,
    });
  }
}
