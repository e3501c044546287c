/**
 * Managed Valkey's alerts, decided without any provider binding: DigitalOcean Monitoring alert policies on the
 * database cluster.
 *
 * Metric source: `digitalocean_monitor_alert` (provider v2.71.0 docs/resources/monitor_alert.md and
 * digitalocean/monitoring/resource_monitor_alert.go) and the API's alert types (godo monitoring.go:
 * `DbaasCPUUtilizationPercent` = `v1/dbaas/alerts/cpu_alerts`, `DbaasMemoryUtilizationPercent` =
 * `v1/dbaas/alerts/memory_utilization_alerts`, besides disk utilization and 15-minute load), each an average across
 * the cluster, for a database cluster UUID in `entities`. DigitalOcean offers no alert type for anything else a
 * database does.
 */
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, DataStoreRequest, alertThresholds, targetsOf,
} from '../../plan';

/** The alert types this backend uses, as the API names them (godo monitoring.go). */
export const DIGITALOCEAN_ALERT_TYPES = {
  cpu: 'v1/dbaas/alerts/cpu_alerts',
  memory: 'v1/dbaas/alerts/memory_utilization_alerts',
} as const;

const ONLY = 'digitalocean_monitor_alert offers database clusters only CPU, memory, disk and 15-minute load, averaged across the cluster (provider v2.71.0 monitor_alert.md; godo monitoring.go)';

/** How Managed Valkey watches each signal. */
export const DIGITALOCEAN_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.NATIVE, detail: `DigitalOcean Monitoring ${DIGITALOCEAN_ALERT_TYPES.memory}, averaged across the cluster` },
  [AlertSignal.CPU]: { watch: AlertWatch.NATIVE, detail: `DigitalOcean Monitoring ${DIGITALOCEAN_ALERT_TYPES.cpu}, averaged across the cluster (host CPU, not the engine's thread)` },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.UNAVAILABLE, detail: `${ONLY}; no eviction metric` },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.UNAVAILABLE, detail: `${ONLY}; no connection metric` },
  [AlertSignal.REPLICATION]: { watch: AlertWatch.UNAVAILABLE, detail: `${ONLY}; no replication metric for the standby` },
  [AlertSignal.FAILOVER]: { watch: AlertWatch.UNAVAILABLE, detail: 'DigitalOcean publishes no failover or node-replacement event to alert on' },
  [AlertSignal.BACKUP]: { watch: AlertWatch.UNAVAILABLE, detail: 'DigitalOcean publishes no backup event or metric; the construct emulates nothing here' },
};

/** Managed Valkey's alerts: DigitalOcean e-mail addresses and Slack channels, and how each signal is watched. */
export const DIGITALOCEAN_ALERTS: BackendAlerts = {
  targets: [AlertTargetKind.DIGITALOCEAN_EMAILS, AlertTargetKind.DIGITALOCEAN_SLACK],
  coverage: DIGITALOCEAN_ALERT_COVERAGE,
};

/** One alert policy on the cluster. */
export interface DigitalOceanAlertPolicy {
  /** The construct ID, such as `MemoryAlert`. */
  readonly id: string;
  readonly type: string;
  readonly value: number;
  /** `5m`, `10m`, `30m` or `1h`. */
  readonly window: string;
  readonly description: string;
}

/** The renderer's share of Managed Valkey's alerts. */
export interface DigitalOceanAlertSettings {
  readonly emails: readonly string[];
  readonly slack: ReadonlyArray<{ readonly channel: string; readonly url: string }>;
  readonly policies: readonly DigitalOceanAlertPolicy[];
}

/** Plans the memory and CPU policies, both over ten minutes, sent to every e-mail address and Slack channel given. */
export function planDigitalOceanAlerts(alerts: AlertRequest, request: DataStoreRequest, name: string, memoryGib: number,
  serviceMaxConnections: number): DigitalOceanAlertSettings {
  const t = alertThresholds(alerts, request.plan, memoryGib, serviceMaxConnections);
  return {
    emails: targetsOf(alerts, AlertTargetKind.DIGITALOCEAN_EMAILS).flatMap((target) => target.addresses),
    slack: targetsOf(alerts, AlertTargetKind.DIGITALOCEAN_SLACK).map((target) => ({ channel: target.channel!, url: target.addresses[0] })),
    policies: [
      { id: 'MemoryAlert', type: DIGITALOCEAN_ALERT_TYPES.memory, value: t.memoryPercent, window: '10m', description: `Redis data store ${name}: memory use above ${t.memoryPercent}%` },
      { id: 'CpuAlert', type: DIGITALOCEAN_ALERT_TYPES.cpu, value: t.cpuPercent, window: '10m', description: `Redis data store ${name}: CPU above ${t.cpuPercent}%` },
    ],
  };
}
