/**
 * Memorystore for Valkey's alerts, decided without any provider binding: Cloud Monitoring alert policies on the
 * instance's metrics, among them its own backup status.
 *
 * Metric source: "Memorystore for Valkey supported monitoring metrics"
 * (cloud.google.com/memorystore/docs/valkey/supported-monitoring-metrics): resource type
 * `memorystore.googleapis.com/Instance`, label `instance_id`; the replication offset thresholds follow "Troubleshoot
 * issues" (cloud.google.com/memorystore/docs/valkey/troubleshoot-issues: under 64 MB for most node types, 1 GB for
 * highmem-xlarge and highmem-2xlarge).
 */
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, DataStoreRequest, alertThresholds,
} from '../../plan';
import { GoogleAlertSettings, GooglePolicy, channelsOf, metricFilter } from '../google/monitoring';

/** The metric types the policies use (supported-monitoring-metrics page above), for the provider rules. */
export const VALKEY_ALERT_METRICS = {
  /** The highest node's memory use, 0 to 1. */
  memory: 'memorystore.googleapis.com/instance/memory/maximum_utilization',
  /** The highest node's CPU, 0 to 1. */
  cpu: 'memorystore.googleapis.com/instance/cpu/maximum_utilization',
  evictions: 'memorystore.googleapis.com/instance/stats/maximum_evicted_keys',
  connections: 'memorystore.googleapis.com/instance/clients/maximum_connected_clients',
  /** Bytes a replica is behind, the most of any node. */
  replicationOffset: 'memorystore.googleapis.com/instance/replication/maximum_offset_diff',
  /** 1 when the latest backup succeeded, 0 when it failed. */
  backupStatus: 'memorystore.googleapis.com/instance/backup/last_backup_status',
} as const;

const MIB = 1024 * 1024;

/** How Memorystore for Valkey watches each signal. */
export const VALKEY_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.memory}` },
  [AlertSignal.CPU]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.cpu}` },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.evictions} (sum per 5 minutes)` },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.connections}, against the maxclients the construct sets` },
  [AlertSignal.REPLICATION]: {
    watch: AlertWatch.NATIVE,
    detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.replicationOffset} (bytes behind: 64 MiB, 1 GiB for highmem-xlarge and larger, as Google recommends; Valkey publishes no lag in seconds)`,
  },
  [AlertSignal.FAILOVER]: { watch: AlertWatch.UNAVAILABLE, detail: 'Memorystore for Valkey publishes no failover or node-replacement event or metric' },
  [AlertSignal.BACKUP]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${VALKEY_ALERT_METRICS.backupStatus} below 1 (the latest automated backup failed), for plans with backup history` },
};

/** Memorystore for Valkey's alerts: Cloud Monitoring notification channels, and how each signal is watched. */
export const VALKEY_ALERTS: BackendAlerts = { targets: [AlertTargetKind.CLOUD_MONITORING_CHANNELS], coverage: VALKEY_ALERT_COVERAGE };

/** The replication offset that alerts, by node type (troubleshoot-issues page above). */
function offsetThreshold(nodeType: string): number {
  return /HIGHMEM_(2)?XLARGE/i.test(nodeType) ? 1024 * MIB : 64 * MIB;
}

/** Plans one policy per signal on the instance, the backup policy when the plan keeps backups. */
export function planValkeyAlerts(alerts: AlertRequest, request: DataStoreRequest, project: string, name: string, nodeType: string,
  memoryGib: number, maxClients: number, backups: boolean, labels: Readonly<Record<string, string>>): GoogleAlertSettings {
  const t = alertThresholds(alerts, request.plan, memoryGib, maxClients);
  const m = VALKEY_ALERT_METRICS;
  const filter = (metric: string) => metricFilter('memorystore.googleapis.com/Instance', { instance_id: name }, metric);
  const policy = (id: string, what: string, threshold: GooglePolicy['threshold'], severity: GooglePolicy['severity'] = 'WARNING'): GooglePolicy => ({
    id: `${id}Alert`, displayName: `Valkey ${name}: ${what}`, severity, documentation: `Memorystore for Valkey instance ${name}: ${what}.`, threshold,
  });
  const gauge = { comparison: 'COMPARISON_GT', duration: '300s', alignmentPeriod: '300s', aligner: 'ALIGN_MAX' } as const;
  const policies: GooglePolicy[] = [
    policy('Memory', `memory use above ${t.memoryPercent}%`, { ...gauge, filter: filter(m.memory), value: t.memoryPercent / 100 }),
    policy('Cpu', `CPU above ${t.cpuPercent}%`, { ...gauge, filter: filter(m.cpu), value: t.cpuPercent / 100 }),
    policy('Evictions', `more than ${t.evictions} evictions in 5 minutes`, { ...gauge, filter: filter(m.evictions), value: t.evictions, duration: '0s', aligner: 'ALIGN_SUM' }),
    policy('Connections', `more than ${t.connections} client connections on a node (limit ${t.connectionLimit})`, { ...gauge, filter: filter(m.connections), value: t.connections }),
  ];
  if (request.promises.nodeCount > 1) {
    const bytes = offsetThreshold(nodeType);
    policies.push(policy('Replication', `a replica more than ${bytes / MIB} MiB behind`, { ...gauge, filter: filter(m.replicationOffset), value: bytes }));
  }
  if (backups) {
    policies.push(policy('Backup', 'the latest automated backup failed', {
      ...gauge, filter: filter(m.backupStatus), comparison: 'COMPARISON_LT', value: 1, duration: '0s', alignmentPeriod: '3600s', aligner: 'ALIGN_MIN',
    }, 'ERROR'));
  }
  return { project, channels: channelsOf(alerts), labels, policies };
}
