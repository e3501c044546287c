import { Construct } from 'constructs';
import { GoogleAlertSettings } from './monitoring';
import { lazyModule } from '../lazy';

const policyBinding = lazyModule(() =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for data stores with alerts
  require('@cdktf/provider-google/lib/monitoring-alert-policy') as typeof import('@cdktf/provider-google/lib/monitoring-alert-policy'));

/** How often a log-based policy may notify, and when its incident closes (Cloud Monitoring requires the rate limit for log conditions). */
const LOG_NOTIFICATION_PERIOD = '3600s';
const LOG_AUTO_CLOSE = '86400s';

/** Defines one Cloud Monitoring alert policy per planned policy, each notifying every channel. */
export function defineGooglePolicies(scope: Construct, settings: GoogleAlertSettings): void {
  const { MonitoringAlertPolicy } = policyBinding();
  for (const policy of settings.policies) {
    const t = policy.threshold;
    new MonitoringAlertPolicy(scope, policy.id, {
      project: settings.project,
      displayName: policy.displayName,
      combiner: 'OR',
      severity: policy.severity,
      documentation: { content: policy.documentation, mimeType: 'text/markdown' },
      notificationChannels: [...settings.channels],
      userLabels: { ...settings.labels },
      conditions: [t !== undefined ? {
        displayName: policy.displayName,
        conditionThreshold: {
          filter: t.filter,
          comparison: t.comparison,
          thresholdValue: t.value,
          duration: t.duration,
          aggregations: [{
            alignmentPeriod: t.alignmentPeriod,
            perSeriesAligner: t.aligner,
            crossSeriesReducer: t.reducer,
            groupByFields: t.groupBy === undefined ? undefined : [...t.groupBy],
          }],
          trigger: { count: 1 },
        },
      } : {
        displayName: policy.displayName,
        conditionMatchedLog: { filter: policy.logFilter! },
      }],
      alertStrategy: policy.logFilter === undefined ? undefined : {
        notificationRateLimit: { period: LOG_NOTIFICATION_PERIOD },
        autoClose: LOG_AUTO_CLOSE,
      },
    });
  }
}
