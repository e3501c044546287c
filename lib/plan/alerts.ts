/**
 * Alerts: what a data store is watched for, where notifications go, the thresholds, and how each backend can
 * watch each signal. Pure data and logic; each backend turns the resolved request into its cloud's alert
 * resources.
 */
import { Cloud } from './cloud';
import { Severity } from './conformance';
import { ChoreoRedisError } from './errors';
import { Failures } from './prop-rules';
import { PropShape, checkPropTypes, required } from './prop-types';
import type { IsUnresolved } from './request';
import { ServicePlan, maxConnectionsFor } from './service-plan';
import { memoryMb } from './sizing';

/** What a data store's alerts watch. */
export enum AlertSignal {
  /** Memory in use, as a percentage of the node's memory. */
  MEMORY = 'memory',
  /** The engine's CPU. */
  CPU = 'cpu',
  /** Keys evicted for memory (or writes refused for memory under `noeviction`). */
  EVICTIONS = 'evictions',
  /** Client connections, against the lower of the promised limit and the service's own. */
  CONNECTIONS = 'connections',
  /** Replication to the standbys: lag, or a standby missing (plans with standbys). */
  REPLICATION = 'replication',
  /** Failover and node-replacement events. */
  FAILOVER = 'failover',
  /** Backup failures, and the failure of any resource the construct defines to emulate a promise (export jobs). */
  BACKUP = 'backup',
}

/** A short title for each signal, for messages and docs/alerts.md. */
export const ALERT_SIGNAL_TITLES: Readonly<Record<AlertSignal, string>> = {
  [AlertSignal.MEMORY]: 'memory use (% of the node)',
  [AlertSignal.CPU]: 'engine CPU',
  [AlertSignal.EVICTIONS]: 'evictions',
  [AlertSignal.CONNECTIONS]: 'client connections',
  [AlertSignal.REPLICATION]: 'replication health (plans with standbys)',
  [AlertSignal.FAILOVER]: 'failover and node replacement',
  [AlertSignal.BACKUP]: 'backup or export-job failure',
};

/** Signals that only plans with standbys have. */
const STANDBY_SIGNALS: readonly AlertSignal[] = [AlertSignal.REPLICATION, AlertSignal.FAILOVER];

/** How a backend watches a signal. */
export enum AlertWatch {
  /** With a metric or event the service itself publishes. */
  NATIVE = 'native',
  /** With something the construct derives, such as a log-based condition. */
  EMULATED = 'emulated',
  /** The service publishes nothing to watch it with. */
  UNAVAILABLE = 'unavailable',
}

/** How a backend watches one signal, and with what (or why it cannot). */
export interface AlertCoverage {
  readonly watch: AlertWatch;
  /** The metric, event or log it watches, or the reason it cannot. */
  readonly detail: string;
}

/** How a backend watches every signal; keyed by signal, so that a missing one does not compile. */
export type AlertCoverageTable = { readonly [S in AlertSignal]: AlertCoverage };

/** The kinds of notification target. */
export enum AlertTargetKind {
  SNS_TOPIC = 'snsTopic',
  AZURE_ACTION_GROUP = 'azureActionGroup',
  CLOUD_MONITORING_CHANNELS = 'cloudMonitoringChannels',
  DIGITALOCEAN_EMAILS = 'digitalOceanEmails',
  DIGITALOCEAN_SLACK = 'digitalOceanSlack',
  AIVEN_TECH_EMAILS = 'aivenTechEmails',
}

/** The cloud (or, for Aiven, the platform on any cloud) whose notifications each kind of target belongs to. */
const TARGET_CLOUDS: Readonly<Record<AlertTargetKind, string>> = {
  [AlertTargetKind.SNS_TOPIC]: Cloud.AWS,
  [AlertTargetKind.AZURE_ACTION_GROUP]: Cloud.AZURE,
  [AlertTargetKind.CLOUD_MONITORING_CHANNELS]: Cloud.GCP,
  [AlertTargetKind.DIGITALOCEAN_EMAILS]: Cloud.DIGITALOCEAN,
  [AlertTargetKind.DIGITALOCEAN_SLACK]: Cloud.DIGITALOCEAN,
  [AlertTargetKind.AIVEN_TECH_EMAILS]: 'aiven',
};

const STRING = required('string');
const STRING_LIST = required('string-list');

/**
 * Checks an `AlertTarget` factory's arguments at run time, for callers outside TypeScript: a string where a list
 * belongs would otherwise be taken apart into its characters.
 */
function checkArguments(factory: string, values: Record<string, unknown>, types: PropShape): void {
  checkPropTypes(values, types, { owner: `AlertTarget.${factory}(%s)` });
}

/**
 * Where a data store's alerts are sent: an existing topic, action group or channel of the data store's cloud.
 * The construct never creates the target itself.
 */
export class AlertTarget {
  /**
   * An Amazon SNS topic, for ElastiCache: alarms notify it, and it becomes the replication group's notification
   * topic (ElastiCache events such as failovers and failed snapshots).
   *
   * @param topicArn the topic's ARN, such as `arn:aws:sns:eu-west-1:111122223333:redis-alerts`
   */
  public static snsTopic(topicArn: string): AlertTarget {
    checkArguments('snsTopic', { topicArn }, { topicArn: STRING });
    return new AlertTarget(AlertTargetKind.SNS_TOPIC, [topicArn]);
  }

  /**
   * An Azure Monitor action group, for Azure Managed Redis.
   *
   * @param actionGroupId the action group's resource ID
   */
  public static azureActionGroup(actionGroupId: string): AlertTarget {
    checkArguments('azureActionGroup', { actionGroupId }, { actionGroupId: STRING });
    return new AlertTarget(AlertTargetKind.AZURE_ACTION_GROUP, [actionGroupId]);
  }

  /**
   * Google Cloud Monitoring notification channels, for Memorystore.
   *
   * @param channelNames the channels' names, `projects/<project>/notificationChannels/<id>`
   */
  public static cloudMonitoringChannels(channelNames: string[]): AlertTarget {
    checkArguments('cloudMonitoringChannels', { channelNames }, { channelNames: STRING_LIST });
    return new AlertTarget(AlertTargetKind.CLOUD_MONITORING_CHANNELS, [...channelNames]);
  }

  /**
   * E-mail addresses DigitalOcean Monitoring writes to, for DigitalOcean Managed Valkey.
   *
   * @param emails addresses verified in the DigitalOcean team
   */
  public static digitalOceanEmails(emails: string[]): AlertTarget {
    checkArguments('digitalOceanEmails', { emails }, { emails: STRING_LIST });
    return new AlertTarget(AlertTargetKind.DIGITALOCEAN_EMAILS, [...emails]);
  }

  /**
   * A Slack channel DigitalOcean Monitoring posts to, for DigitalOcean Managed Valkey.
   *
   * @param channel the channel's name, such as `#redis-alerts`
   * @param url the Slack incoming webhook URL
   */
  public static digitalOceanSlack(channel: string, url: string): AlertTarget {
    checkArguments('digitalOceanSlack', { channel, url }, { channel: STRING, url: STRING });
    return new AlertTarget(AlertTargetKind.DIGITALOCEAN_SLACK, [url], channel);
  }

  /**
   * E-mail addresses Aiven writes to about the service, for Aiven for Valkey: they become the service's contacts
   * (`tech_emails`), who receive Aiven's notifications about the service's outages, performance, plan and
   * scheduled maintenance instead of the project's contacts. Aiven has no threshold alerts; the signals it cannot
   * watch are warnings (see docs/alerts.md).
   *
   * @param emails the addresses, such as `redis-alerts@example.com` (a Slack channel's e-mail address works too)
   */
  public static aivenTechEmails(emails: string[]): AlertTarget {
    checkArguments('aivenTechEmails', { emails }, { emails: STRING_LIST });
    return new AlertTarget(AlertTargetKind.AIVEN_TECH_EMAILS, [...emails]);
  }

  /**
   * @param kind which kind of target this is
   * @param addresses the ARN, resource ID, channel names, e-mail addresses or webhook URL
   * @param channel the Slack channel, for `digitalOceanSlack`
   */
  private constructor(public readonly kind: AlertTargetKind, public readonly addresses: string[], public readonly channel?: string) {}
}

/** Alerts for a data store: where they go, and thresholds that differ from the plan's defaults. */
export interface ChoreoRedisAlerts {
  /** Where notifications go: targets of the data store's cloud (see `AlertTarget`). */
  readonly targets: AlertTarget[];

  /**
   * Alert when a node's memory use exceeds this percentage.
   *
   * @default - derived from the plan: 85 for Hobbyist and Startup, 80 for Business and Premium (headroom for replica sync)
   */
  readonly memoryPercent?: number;

  /**
   * Alert when a node's engine CPU exceeds this percentage.
   *
   * @default - derived from the plan: 90 for Hobbyist and Startup, 80 for Business and Premium
   */
  readonly cpuPercent?: number;

  /**
   * Alert when a node's client connections exceed this number.
   *
   * @default - 80% of the lower of the promised limit, max(10000, 4 x MB), and the service's own limit
   */
  readonly connections?: number;

  /**
   * Alert when more keys than this are evicted in five minutes.
   *
   * @default 0 - any eviction alerts
   */
  readonly evictions?: number;

  /**
   * Alert when a standby lags the primary by more than this many seconds, where the service measures lag in time.
   *
   * @default 30
   */
  readonly replicationLagSeconds?: number;
}

/** The alert request, checked, as backends read it. */
export interface AlertRequest {
  readonly targets: readonly AlertTarget[];
  readonly memoryPercent?: number;
  readonly cpuPercent?: number;
  readonly connections?: number;
  readonly evictions?: number;
  readonly replicationLagSeconds?: number;
}

/** The thresholds a backend's alerts use, defaults filled in. */
export interface AlertThresholds {
  readonly memoryPercent: number;
  readonly cpuPercent: number;
  /** The connection limit the alert watches: min(promised, service limit). */
  readonly connectionLimit: number;
  readonly connections: number;
  readonly evictions: number;
  readonly replicationLagSeconds: number;
}

/** The plan-derived defaults: plans with standbys keep more memory and CPU free for replica sync and failover. */
const PLAN_DEFAULTS: Readonly<Record<ServicePlan, { memoryPercent: number; cpuPercent: number }>> = {
  [ServicePlan.HOBBYIST]: { memoryPercent: 85, cpuPercent: 90 },
  [ServicePlan.STARTUP]: { memoryPercent: 85, cpuPercent: 90 },
  [ServicePlan.BUSINESS]: { memoryPercent: 80, cpuPercent: 80 },
  [ServicePlan.PREMIUM]: { memoryPercent: 80, cpuPercent: 80 },
};

const CONNECTION_SHARE = 0.8;
const DEFAULT_REPLICATION_LAG_SECONDS = 30;

/** Checks the `alerts` prop's own values; the targets' cloud is checked against the backend later. */
export function resolveAlerts(alerts: ChoreoRedisAlerts | undefined, isUnresolved: IsUnresolved): AlertRequest | undefined {
  if (alerts === undefined) return undefined;
  if (!Array.isArray(alerts.targets) || alerts.targets.length === 0 || !alerts.targets.every((t) => t instanceof AlertTarget)) {
    throw new ChoreoRedisError('InvalidAlertTargets',
      'alerts.targets must list at least one AlertTarget, such as AlertTarget.snsTopic(topicArn); omit alerts to define none.');
  }
  const checks: Array<[keyof ChoreoRedisAlerts, (v: number) => boolean, string]> = [
    ['memoryPercent', (v) => v > 0 && v <= 100, 'a percentage above 0 and at most 100'],
    ['cpuPercent', (v) => v > 0 && v <= 100, 'a percentage above 0 and at most 100'],
    ['connections', (v) => Number.isInteger(v) && v > 0, 'a whole number above 0'],
    ['evictions', (v) => Number.isInteger(v) && v >= 0, 'a whole number, 0 or more'],
    ['replicationLagSeconds', (v) => Number.isInteger(v) && v > 0, 'a whole number of seconds above 0'],
  ];
  const failures = new Failures();
  for (const [prop, ok, allowed] of checks) {
    const value = alerts[prop];
    if (value === undefined || isUnresolved(value)) continue;
    if (typeof value !== 'number' || !ok(value)) {
      failures.attempt(() => {
        throw new ChoreoRedisError('InvalidAlertThreshold', `alerts.${prop} ${String(value)} is not allowed; give ${allowed}, or omit it for the plan's default.`);
      });
    }
  }
  failures.throwAny();
  return { ...alerts, targets: [...alerts.targets] };
}

/** The thresholds for one data store: the user's, or the plan's defaults for the size the backend chose. */
export function alertThresholds(alerts: AlertRequest, plan: ServicePlan, memoryGib: number, serviceMaxConnections?: number): AlertThresholds {
  const promised = maxConnectionsFor(memoryMb(memoryGib));
  const connectionLimit = Math.min(promised, serviceMaxConnections ?? promised);
  return {
    memoryPercent: alerts.memoryPercent ?? PLAN_DEFAULTS[plan].memoryPercent,
    cpuPercent: alerts.cpuPercent ?? PLAN_DEFAULTS[plan].cpuPercent,
    connectionLimit,
    connections: alerts.connections ?? Math.floor(connectionLimit * CONNECTION_SHARE),
    evictions: alerts.evictions ?? 0,
    replicationLagSeconds: alerts.replicationLagSeconds ?? DEFAULT_REPLICATION_LAG_SECONDS,
  };
}

/** The targets of the kinds a backend notifies, with their addresses: one list per kind. */
export function targetsOf(alerts: AlertRequest, kind: AlertTargetKind): AlertTarget[] {
  return alerts.targets.filter((t) => t.kind === kind);
}

/** What the construct checks of a backend's alerts: the targets it takes and how it watches each signal. */
export interface BackendAlerts {
  readonly targets: readonly AlertTargetKind[];
  readonly coverage: AlertCoverageTable;
}

/** A signal a backend cannot watch, judged like a promise it cannot keep. */
export interface AlertFinding {
  readonly signal: AlertSignal;
  readonly severity: Severity;
  /** A stable code, such as `ReplicationAlertUnavailable`. */
  readonly code: string;
  readonly message: string;
}

/** Who is asking, for the messages. */
export interface AlertContext {
  readonly service: string;
  readonly cloud: Cloud;
  /** The `RedisBackend` factory, such as `elastiCache`. */
  readonly factory: string;
  readonly plan: ServicePlan;
  readonly nodeCount: number;
  readonly strict: boolean;
}

/**
 * Checks that every target is one the backend notifies, and judges the signals it cannot watch: a warning each,
 * an error under `strict`. Signals of standbys count only for plans with standbys.
 *
 * @throws ChoreoRedisError `AlertsUnsupported` when the backend defines no alerts; `AlertTargetWrongCloud` for a
 *   target of another cloud
 */
export function judgeAlerts(alerts: AlertRequest, backend: BackendAlerts | undefined, context: AlertContext): AlertFinding[] {
  const owner = `RedisBackend.${context.factory}()`;
  if (backend === undefined) {
    throw new ChoreoRedisError('AlertsUnsupported', `alerts is set, but ${owner} (${context.service}) defines no alerts yet; omit alerts, or watch the data store with your own alarms.`);
  }
  alerts.targets.forEach((target, i) => {
    if (backend.targets.includes(target.kind)) return;
    const accepted = backend.targets.map((k) => `AlertTarget.${k}()`).join(' or ');
    throw new ChoreoRedisError('AlertTargetWrongCloud',
      `alerts.targets[${i}] is AlertTarget.${target.kind}() (${TARGET_CLOUDS[target.kind]}), but ${owner} runs on ${context.service} (${context.cloud}), which cannot notify it; use ${accepted}.`);
  });
  return Object.values(AlertSignal)
    .filter((signal) => backend.coverage[signal].watch === AlertWatch.UNAVAILABLE)
    .filter((signal) => context.nodeCount > 1 || !STANDBY_SIGNALS.includes(signal))
    .map((signal) => ({
      signal,
      severity: context.strict ? Severity.ERROR : Severity.WARNING,
      code: `${signal[0].toUpperCase()}${signal.slice(1)}AlertUnavailable`,
      message: `${context.service} (${context.cloud}) cannot watch "${ALERT_SIGNAL_TITLES[signal]}"${context.strict ? ' (an error because strict is true)' : ''}: ${backend.coverage[signal].detail}.`,
    }));
}
