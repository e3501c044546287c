/**
 * Cloud Monitoring alert policies as the Google backends plan them, without any provider binding: a threshold on a
 * metric the service publishes, or a log-based condition where it publishes none.
 */
import { AlertRequest, AlertTargetKind, targetsOf } from '../../plan';

/** A threshold on one metric type (Cloud Monitoring `conditionThreshold`). */
export interface GoogleThreshold {
  /** The monitoring filter: resource type and labels, and `metric.type`. */
  readonly filter: string;
  readonly comparison: 'COMPARISON_GT' | 'COMPARISON_LT';
  readonly value: number;
  /** How long the condition must hold, such as `300s`. */
  readonly duration: string;
  readonly alignmentPeriod: string;
  readonly aligner: string;
  readonly reducer?: string;
  readonly groupBy?: readonly string[];
}

/** One alert policy with one condition. */
export interface GooglePolicy {
  /** The construct ID, such as `MemoryAlert`. */
  readonly id: string;
  readonly displayName: string;
  readonly severity: 'CRITICAL' | 'ERROR' | 'WARNING';
  readonly documentation: string;
  /** A metric threshold; or */
  readonly threshold?: GoogleThreshold;
  /** a log-based condition (`conditionMatchedLog`): its Logging filter. */
  readonly logFilter?: string;
}

/** The renderer's share of a Google backend's alerts. */
export interface GoogleAlertSettings {
  readonly project: string;
  readonly channels: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly policies: readonly GooglePolicy[];
}

/** The notification channels of the request's Cloud Monitoring targets. */
export function channelsOf(alerts: AlertRequest): string[] {
  return targetsOf(alerts, AlertTargetKind.CLOUD_MONITORING_CHANNELS).flatMap((target) => target.addresses);
}

/** A metric filter for one resource, as Cloud Monitoring writes them. */
export function metricFilter(resourceType: string, labels: Readonly<Record<string, string>>, metricType: string): string {
  const byLabel = Object.entries(labels).map(([key, value]) => ` AND resource.labels.${key} = "${value}"`).join('');
  return `resource.type = "${resourceType}"${byLabel} AND metric.type = "${metricType}"`;
}
