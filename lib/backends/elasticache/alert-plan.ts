/**
 * ElastiCache's alerts, decided without any provider binding: one CloudWatch alarm per node and signal, and the
 * replication group's notification topic for ElastiCache's own events.
 *
 * Metric source: "Metrics for Valkey and Redis OSS" and "Host-level metrics" of the ElastiCache user guide
 * (docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html, CacheMetrics.HostLevel.html): namespace
 * `AWS/ElastiCache`, dimension `CacheClusterId` (one node of the replication group). Events: "Event Notifications and
 * Amazon SNS" (ElastiCache-SNS.html), sent to the replication group's `notification_topic_arn`.
 */
import { ELASTICACHE_MAX_CLIENTS } from './catalog';
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, DataStoreRequest, alertThresholds, targetsOf,
} from '../../plan';

/** The CloudWatch namespace of ElastiCache's metrics. */
export const ELASTICACHE_NAMESPACE = 'AWS/ElastiCache';

/**
 * The ElastiCache metrics the alarms use (CacheMetrics.Redis.html, CacheMetrics.HostLevel.html), for the provider rules.
 */
export const ELASTICACHE_ALARM_METRICS = {
  /** Percentage of the node's memory (maxmemory) in use. */
  memory: 'DatabaseMemoryUsagePercentage',
  /** CPU of the engine's thread, percent. */
  cpu: 'EngineCPUUtilization',
  /** Keys evicted for maxmemory (the default parameter group's policy is volatile-lru, so writes evict rather than fail). */
  evictions: 'Evictions',
  /** Client connections, excluding replicas. */
  connections: 'CurrConnections',
  /** Seconds a replica lags the primary; published only by nodes running as replicas. */
  replicationLag: 'ReplicationLag',
} as const;

/** How ElastiCache watches each signal. */
export const ELASTICACHE_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.NATIVE, detail: 'CloudWatch AWS/ElastiCache DatabaseMemoryUsagePercentage, per node' },
  [AlertSignal.CPU]: { watch: AlertWatch.NATIVE, detail: 'CloudWatch AWS/ElastiCache EngineCPUUtilization, per node' },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.NATIVE, detail: 'CloudWatch AWS/ElastiCache Evictions (sum per 5 minutes), per node' },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.NATIVE, detail: 'CloudWatch AWS/ElastiCache CurrConnections, per node, against min(promised, 65000)' },
  [AlertSignal.REPLICATION]: { watch: AlertWatch.NATIVE, detail: 'CloudWatch AWS/ElastiCache ReplicationLag, per node (replicas publish it); a lost replica is an ElastiCache:CacheNodeReplaceStarted event on the notification topic' },
  [AlertSignal.FAILOVER]: { watch: AlertWatch.NATIVE, detail: 'ElastiCache events (ElastiCache:FailoverComplete, ElastiCache:CacheNodeReplaceStarted/Complete) on the replication group\'s notification topic' },
  [AlertSignal.BACKUP]: { watch: AlertWatch.NATIVE, detail: 'ElastiCache:SnapshotFailed events on the replication group\'s notification topic' },
};

/** ElastiCache's alerts: SNS topics, and how each signal is watched. */
export const ELASTICACHE_ALERTS: BackendAlerts = { targets: [AlertTargetKind.SNS_TOPIC], coverage: ELASTICACHE_ALERT_COVERAGE };

/** One CloudWatch alarm on one node. */
export interface ElastiCacheAlarm {
  /** The construct ID, such as `MemoryAlarm-001`. */
  readonly id: string;
  /** The alarm's name, unique in the account and region: `<name>-<signal>-<node>`. */
  readonly name: string;
  readonly description: string;
  readonly metricName: string;
  readonly statistic: 'Average' | 'Maximum' | 'Sum';
  readonly threshold: number;
  /** Seconds per datapoint. */
  readonly period: number;
  readonly evaluationPeriods: number;
  /** The node: `<replication group ID>-00<n>`, as ElastiCache names the member clusters. */
  readonly cacheClusterId: string;
  /** `notBreaching` where a node publishes the metric only in one role (ReplicationLag). */
  readonly treatMissingData: 'missing' | 'notBreaching';
}

/** The renderer's share of ElastiCache's alerts. */
export interface ElastiCacheAlertSettings {
  /** Every SNS topic alarms notify. */
  readonly topicArns: readonly string[];
  /** The first topic, which receives the replication group's events (ElastiCache takes one). */
  readonly notificationTopicArn: string;
  readonly alarms: readonly ElastiCacheAlarm[];
}

const PERIOD = 300;

/** Plans one alarm per node for each metric signal, and the notification topic for events. */
export function planElastiCacheAlerts(alerts: AlertRequest, request: DataStoreRequest, name: string, nodeCount: number,
  memoryGib: number): ElastiCacheAlertSettings {
  const t = alertThresholds(alerts, request.plan, memoryGib, ELASTICACHE_MAX_CLIENTS);
  const topicArns = targetsOf(alerts, AlertTargetKind.SNS_TOPIC).flatMap((target) => target.addresses);
  const m = ELASTICACHE_ALARM_METRICS;
  const signals: Array<Omit<ElastiCacheAlarm, 'id' | 'name' | 'cacheClusterId' | 'description'> & { key: string; what: string; replicasOnly?: boolean }> = [
    { key: 'Memory', what: `memory use above ${t.memoryPercent}%`, metricName: m.memory, statistic: 'Maximum', threshold: t.memoryPercent, period: PERIOD, evaluationPeriods: 2, treatMissingData: 'missing' },
    { key: 'Cpu', what: `engine CPU above ${t.cpuPercent}%`, metricName: m.cpu, statistic: 'Average', threshold: t.cpuPercent, period: PERIOD, evaluationPeriods: 2, treatMissingData: 'missing' },
    { key: 'Evictions', what: `more than ${t.evictions} evictions in 5 minutes`, metricName: m.evictions, statistic: 'Sum', threshold: t.evictions, period: PERIOD, evaluationPeriods: 1, treatMissingData: 'missing' },
    { key: 'Connections', what: `more than ${t.connections} client connections (limit ${t.connectionLimit})`, metricName: m.connections, statistic: 'Maximum', threshold: t.connections, period: PERIOD, evaluationPeriods: 2, treatMissingData: 'missing' },
    { key: 'ReplicationLag', what: `a replica more than ${t.replicationLagSeconds} s behind the primary`, metricName: m.replicationLag, statistic: 'Maximum', threshold: t.replicationLagSeconds, period: 60, evaluationPeriods: 5, treatMissingData: 'notBreaching', replicasOnly: true },
  ];
  const nodes = Array.from({ length: nodeCount }, (_, i) => String(i + 1).padStart(3, '0'));
  const alarms = signals
    .filter((s) => !s.replicasOnly || nodeCount > 1)
    .flatMap(({ key, what, replicasOnly: _, ...alarm }) => nodes.map((node): ElastiCacheAlarm => ({
      ...alarm,
      id: `${key}Alarm-${node}`,
      name: `${name}-${key.toLowerCase()}-${node}`,
      description: `Redis data store ${name}, node ${node}: ${what}`,
      cacheClusterId: `${name}-${node}`,
    })));
  return { topicArns, notificationTopicArn: topicArns[0], alarms };
}
