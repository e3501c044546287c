/**
 * Memorystore for Redis's alerts, decided without any provider binding: Cloud Monitoring alert policies on the
 * instance's metrics, and a log-based policy on the Cloud Scheduler export job that emulates backup history.
 *
 * Metric source: "Memorystore for Redis monitoring metrics" (cloud.google.com/memorystore/docs/redis/monitoring-metrics
 * and the Cloud Monitoring metrics list for `redis.googleapis.com`): resource type `redis_instance`, label `instance_id`
 * (`projects/<project>/locations/<region>/instances/<name>`). The export job: Cloud Scheduler's logs
 * (cloud.google.com/scheduler/docs/view-logs), resource type `cloud_scheduler_job`, a failed attempt logged at ERROR.
 */
import { MEMORYSTORE_REDIS_MAX_CLIENTS } from './catalog';
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, DataStoreRequest, alertThresholds,
} from '../../plan';
import { GoogleAlertSettings, GooglePolicy, channelsOf, metricFilter } from '../google/monitoring';

/** The metric types the policies use (monitoring-metrics page above), for the provider rules. */
export const MEMORYSTORE_ALERT_METRICS = {
  /** Memory used over maxmemory, 0 to 1. */
  memory: 'redis.googleapis.com/stats/memory/usage_ratio',
  /** CPU-seconds of the main thread, by space (user, system): as a rate, the share of one core. */
  cpu: 'redis.googleapis.com/stats/cpu_utilization_main_thread',
  evictions: 'redis.googleapis.com/stats/evicted_keys',
  connections: 'redis.googleapis.com/clients/connected',
  /** Seconds the replica lags the primary. */
  replicationLag: 'redis.googleapis.com/replication/master/slaves/lag',
} as const;

/** How Memorystore for Redis watches each signal. */
export const MEMORYSTORE_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${MEMORYSTORE_ALERT_METRICS.memory}` },
  [AlertSignal.CPU]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${MEMORYSTORE_ALERT_METRICS.cpu} (rate, summed per node)` },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${MEMORYSTORE_ALERT_METRICS.evictions} (sum per 5 minutes)` },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${MEMORYSTORE_ALERT_METRICS.connections}, against min(promised, 65000)` },
  [AlertSignal.REPLICATION]: { watch: AlertWatch.NATIVE, detail: `Cloud Monitoring ${MEMORYSTORE_ALERT_METRICS.replicationLag} (seconds)` },
  [AlertSignal.FAILOVER]: {
    watch: AlertWatch.UNAVAILABLE,
    detail: 'Memorystore for Redis publishes no failover or node-replacement event (replication/role gives only the current role, and its audit logs record only a failover someone asks for)',
  },
  [AlertSignal.BACKUP]: {
    watch: AlertWatch.EMULATED,
    detail: 'a log-based condition on the export job\'s Cloud Scheduler logs (resource cloud_scheduler_job, severity ERROR), for plans with backup history; the RDB snapshots of other plans publish nothing',
  },
};

/** Memorystore for Redis's alerts: Cloud Monitoring notification channels, and how each signal is watched. */
export const MEMORYSTORE_ALERTS: BackendAlerts = { targets: [AlertTargetKind.CLOUD_MONITORING_CHANNELS], coverage: MEMORYSTORE_ALERT_COVERAGE };

/** The export job the log-based policy watches. */
export interface ExportJobRef {
  readonly jobName: string;
  readonly region: string;
}

/** Plans one policy per signal on the instance, and the export job's log-based policy when there is one. */
export function planMemorystoreAlerts(alerts: AlertRequest, request: DataStoreRequest, project: string, region: string, name: string,
  memoryGib: number, exportJob: ExportJobRef | undefined, labels: Readonly<Record<string, string>>): GoogleAlertSettings {
  const t = alertThresholds(alerts, request.plan, memoryGib, MEMORYSTORE_REDIS_MAX_CLIENTS);
  const instance = { instance_id: `projects/${project}/locations/${region}/instances/${name}` };
  const m = MEMORYSTORE_ALERT_METRICS;
  const filter = (metric: string) => metricFilter('redis_instance', instance, metric);
  const policy = (id: string, what: string, threshold: GooglePolicy['threshold']): GooglePolicy => ({
    id: `${id}Alert`, displayName: `Redis ${name}: ${what}`, severity: 'WARNING', documentation: `Memorystore for Redis instance ${name}: ${what}.`, threshold,
  });
  const gauge = { comparison: 'COMPARISON_GT', duration: '300s', alignmentPeriod: '300s', aligner: 'ALIGN_MAX' } as const;
  const policies: GooglePolicy[] = [
    policy('Memory', `memory use above ${t.memoryPercent}%`, { ...gauge, filter: filter(m.memory), value: t.memoryPercent / 100 }),
    policy('Cpu', `main-thread CPU above ${t.cpuPercent}%`, {
      ...gauge,
      filter: filter(m.cpu),
      value: t.cpuPercent / 100,
      aligner: 'ALIGN_RATE',
      reducer: 'REDUCE_SUM',
      groupBy: ['resource.label.instance_id', 'resource.label.node_id'],
    }),
    policy('Evictions', `more than ${t.evictions} evictions in 5 minutes`, { ...gauge, filter: filter(m.evictions), value: t.evictions, duration: '0s', aligner: 'ALIGN_SUM' }),
    policy('Connections', `more than ${t.connections} client connections (limit ${t.connectionLimit})`, { ...gauge, filter: filter(m.connections), value: t.connections }),
  ];
  if (request.promises.nodeCount > 1) {
    policies.push(policy('ReplicationLag', `a replica more than ${t.replicationLagSeconds} s behind`, {
      ...gauge, filter: filter(m.replicationLag), value: t.replicationLagSeconds, alignmentPeriod: '60s',
    }));
  }
  if (exportJob !== undefined) {
    policies.push({
      id: 'ExportJobAlert',
      displayName: `Redis ${name}: the daily export job failed`,
      severity: 'ERROR',
      documentation: `The Cloud Scheduler job ${exportJob.jobName}, which exports Memorystore for Redis instance ${name} to keep its backup history, failed.`,
      logFilter: `resource.type = "cloud_scheduler_job" AND resource.labels.job_id = "${exportJob.jobName}" AND resource.labels.location = "${exportJob.region}" AND severity >= ERROR`,
    });
  }
  return { project, channels: channelsOf(alerts), labels, policies };
}
