/**
 * Azure Managed Redis's alerts, decided without any provider binding: Azure Monitor metric alerts on the cache, a
 * Resource Health activity log alert, and a metric alert on the export job's failed runs.
 *
 * Metric sources: "Supported metrics for Microsoft.Cache/redisEnterprise"
 * (learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-cache-redisenterprise-metrics:
 * `usedmemorypercentage`, `percentProcessorTime`, `evictedkeys`, `connectedclients`, time grains PT5M and PT1H) and
 * "Supported metrics for Microsoft.Logic/workflows" (`RunsFailed`, time grain PT1M); Resource Health events in the
 * activity log ("Resource Health alerts", category `ResourceHealth`, current status Degraded or Unavailable).
 */
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, DataStoreRequest, alertThresholds, targetsOf,
} from '../../plan';

export const REDIS_ENTERPRISE_NAMESPACE = 'Microsoft.Cache/redisEnterprise';
export const LOGIC_APP_NAMESPACE = 'Microsoft.Logic/workflows';

/** The metrics the alerts use, by namespace (the supported-metrics pages above), for the provider rules. */
export const AZURE_ALERT_METRICS: Readonly<Record<string, readonly string[]>> = {
  [REDIS_ENTERPRISE_NAMESPACE]: ['usedmemorypercentage', 'percentProcessorTime', 'evictedkeys', 'connectedclients'],
  [LOGIC_APP_NAMESPACE]: ['RunsFailed'],
};

/** How Azure Managed Redis watches each signal. */
export const AZURE_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.NATIVE, detail: 'Azure Monitor Microsoft.Cache/redisEnterprise usedmemorypercentage (maximum)' },
  [AlertSignal.CPU]: { watch: AlertWatch.NATIVE, detail: 'Azure Monitor Microsoft.Cache/redisEnterprise percentProcessorTime (maximum)' },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.NATIVE, detail: 'Azure Monitor Microsoft.Cache/redisEnterprise evictedkeys (total per 5 minutes)' },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.NATIVE, detail: 'Azure Monitor Microsoft.Cache/redisEnterprise connectedclients (maximum), against the promised limit (Azure publishes none of its own)' },
  [AlertSignal.REPLICATION]: {
    watch: AlertWatch.UNAVAILABLE,
    detail: 'Microsoft.Cache/redisEnterprise publishes no replica lag or replica count for the high-availability copy (its replication metrics cover geo-replication only)',
  },
  [AlertSignal.FAILOVER]: { watch: AlertWatch.NATIVE, detail: 'Resource Health events of the cache (Degraded, Unavailable) through an activity log alert' },
  [AlertSignal.BACKUP]: { watch: AlertWatch.NATIVE, detail: 'Microsoft.Logic/workflows RunsFailed of the export Logic App, for plans with backup history (the AOF persistence publishes no metric)' },
};

/** Azure Managed Redis's alerts: Azure Monitor action groups, and how each signal is watched. */
export const AZURE_ALERTS: BackendAlerts = { targets: [AlertTargetKind.AZURE_ACTION_GROUP], coverage: AZURE_ALERT_COVERAGE };

/** One Azure Monitor metric alert. */
export interface AzureMetricAlert {
  /** The construct ID, such as `MemoryAlert`. */
  readonly id: string;
  /** The alert rule's name, unique in the resource group: `<name>-<signal>`. */
  readonly name: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly aggregation: 'Maximum' | 'Total';
  readonly threshold: number;
  /** 0 (critical) to 4 (verbose). */
  readonly severity: number;
  readonly frequency: string;
  readonly windowSize: string;
}

/** The renderer's share of Azure Managed Redis's alerts. */
export interface AzureAlertSettings {
  readonly actionGroupIds: readonly string[];
  /** Alerts scoped to the cache. */
  readonly cacheAlerts: readonly AzureMetricAlert[];
  /** The alert scoped to the export Logic App, when the plan has an export job. */
  readonly exportAlert?: AzureMetricAlert;
  /** The Resource Health activity log alert on the cache. */
  readonly health: { readonly id: string; readonly name: string; readonly description: string; readonly statuses: readonly string[] };
}

/** Plans the cache's metric alerts, its Resource Health alert, and the export job's alert when it has one. */
export function planAzureAlerts(alerts: AlertRequest, request: DataStoreRequest, name: string, memoryGib: number,
  hasExport: boolean): AzureAlertSettings {
  const t = alertThresholds(alerts, request.plan, memoryGib);
  const gauge = { namespace: REDIS_ENTERPRISE_NAMESPACE, aggregation: 'Maximum', severity: 2, frequency: 'PT5M', windowSize: 'PT15M' } as const;
  const what = (signal: string, text: string) => ({ id: `${signal}Alert`, name: `${name}-${signal.toLowerCase()}`, description: `Redis data store ${name}: ${text}` });
  return {
    actionGroupIds: targetsOf(alerts, AlertTargetKind.AZURE_ACTION_GROUP).flatMap((target) => target.addresses),
    cacheAlerts: [
      { ...gauge, ...what('Memory', `memory use above ${t.memoryPercent}%`), metricName: 'usedmemorypercentage', threshold: t.memoryPercent },
      { ...gauge, ...what('Cpu', `CPU above ${t.cpuPercent}%`), metricName: 'percentProcessorTime', threshold: t.cpuPercent },
      {
        ...gauge,
        ...what('Evictions', `more than ${t.evictions} evictions in 5 minutes`),
        metricName: 'evictedkeys',
        aggregation: 'Total',
        windowSize: 'PT5M',
        threshold: t.evictions,
      },
      { ...gauge, ...what('Connections', `more than ${t.connections} client connections (limit ${t.connectionLimit})`), metricName: 'connectedclients', threshold: t.connections },
    ],
    exportAlert: hasExport ? {
      ...what('Export', 'the daily export job failed'),
      namespace: LOGIC_APP_NAMESPACE,
      metricName: 'RunsFailed',
      aggregation: 'Total',
      threshold: 0,
      severity: 1,
      frequency: 'PT15M',
      windowSize: 'PT1H',
    } : undefined,
    health: { ...what('Health', 'Resource Health reports the cache degraded or unavailable (failover, node replacement)'), statuses: ['Degraded', 'Unavailable'] },
  };
}
