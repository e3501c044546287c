import { Construct } from 'constructs';
import { AzureAlertSettings } from './alert-plan';
import { lazyModule } from '../lazy';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only for data stores with alerts */
const alertBindings = lazyModule(() => ({
  ...require('@cdktf/provider-azurerm/lib/monitor-metric-alert') as typeof import('@cdktf/provider-azurerm/lib/monitor-metric-alert'),
  ...require('@cdktf/provider-azurerm/lib/monitor-activity-log-alert') as typeof import('@cdktf/provider-azurerm/lib/monitor-activity-log-alert'),
}));
/* eslint-enable @typescript-eslint/no-require-imports */

/** Where the alerts go and what they watch. */
export interface AzureAlertScopes {
  readonly resourceGroupName: string;
  readonly cacheId: string;
  /** The export Logic App's ID, when the plan has an export job. */
  readonly exportWorkflowId?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** Defines the cache's metric alerts and Resource Health alert, and the export job's alert, each notifying every action group. */
export function defineAzureAlerts(scope: Construct, settings: AzureAlertSettings, scopes: AzureAlertScopes): void {
  const { MonitorActivityLogAlert, MonitorMetricAlert } = alertBindings();
  const action = settings.actionGroupIds.map((actionGroupId) => ({ actionGroupId }));
  const { resourceGroupName, tags } = scopes;
  const targets: Array<[AzureAlertSettings['cacheAlerts'][number], string]> = settings.cacheAlerts.map((a) => [a, scopes.cacheId]);
  if (settings.exportAlert !== undefined && scopes.exportWorkflowId !== undefined) targets.push([settings.exportAlert, scopes.exportWorkflowId]);
  for (const [alert, target] of targets) {
    new MonitorMetricAlert(scope, alert.id, {
      name: alert.name,
      resourceGroupName,
      scopes: [target],
      description: alert.description,
      severity: alert.severity,
      frequency: alert.frequency,
      windowSize: alert.windowSize,
      autoMitigate: true,
      criteria: [{
        metricNamespace: alert.namespace,
        metricName: alert.metricName,
        aggregation: alert.aggregation,
        operator: 'GreaterThan',
        threshold: alert.threshold,
      }],
      action,
      tags,
    });
  }
  new MonitorActivityLogAlert(scope, settings.health.id, {
    name: settings.health.name,
    resourceGroupName,
    location: 'global',
    scopes: [scopes.cacheId],
    description: settings.health.description,
    criteria: { category: 'ResourceHealth', resourceHealth: { current: [...settings.health.statuses] } },
    action,
    tags,
  });
}
