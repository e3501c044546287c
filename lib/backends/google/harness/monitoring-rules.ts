import { ResourceCheck, isReference, matches, oneOf, rules } from '../../../../test/provider-rules/rule-kit';

/**
 * google_monitoring_alert_policy, google provider 6.50.0 `services/monitoring/resource_monitoring_alert_policy.go`:
 * `combiner`, `severity`, `comparison`, `per_series_aligner` and `cross_series_reducer` enums, 1 to 6 conditions;
 * the API: durations and alignment periods in seconds (`<n>s`, alignment at least 60 s), a log-match condition only
 * with `alert_strategy.notification_rate_limit`, and metric types the resource publishes: each backend passes its own
 * (the Memorystore metric pages cited next to its `*_ALERT_METRICS`), so that this shared folder names no backend.
 */
const COMPARISONS = ['COMPARISON_GT', 'COMPARISON_GE', 'COMPARISON_LT', 'COMPARISON_LE', 'COMPARISON_EQ', 'COMPARISON_NE'];
const ALIGNERS = ['ALIGN_NONE', 'ALIGN_DELTA', 'ALIGN_RATE', 'ALIGN_INTERPOLATE', 'ALIGN_NEXT_OLDER', 'ALIGN_MIN', 'ALIGN_MAX', 'ALIGN_MEAN', 'ALIGN_COUNT',
  'ALIGN_SUM', 'ALIGN_STDDEV', 'ALIGN_COUNT_TRUE', 'ALIGN_COUNT_FALSE', 'ALIGN_FRACTION_TRUE', 'ALIGN_PERCENTILE_99', 'ALIGN_PERCENTILE_95',
  'ALIGN_PERCENTILE_50', 'ALIGN_PERCENTILE_05', 'ALIGN_PERCENT_CHANGE'];
const REDUCERS = ['REDUCE_NONE', 'REDUCE_MEAN', 'REDUCE_MIN', 'REDUCE_MAX', 'REDUCE_SUM', 'REDUCE_STDDEV', 'REDUCE_COUNT', 'REDUCE_COUNT_TRUE',
  'REDUCE_COUNT_FALSE', 'REDUCE_FRACTION_TRUE', 'REDUCE_PERCENTILE_99', 'REDUCE_PERCENTILE_95', 'REDUCE_PERCENTILE_50', 'REDUCE_PERCENTILE_05'];
const SECONDS = /^\d+s$/;
const CHANNEL = /^projects\/[^/]+\/notificationChannels\/[^/]+$/;

/** The metric and resource types a threshold filter names. */
function filterTypes(filter: string): { metric?: string; resource?: string } {
  return { metric: /metric\.type = "([^"]+)"/.exec(filter)?.[1], resource: /resource\.type = "([^"]+)"/.exec(filter)?.[1] };
}

const thresholds = (a: Record<string, any>): any[] => (a.conditions ?? []).map((c: any) => c.condition_threshold).filter((t: any) => t !== undefined);

/**
 * The rules of the alert policies of a backend whose threshold conditions watch `metricTypes` on `resourceType`
 * (such as `redis_instance`).
 */
export function monitoringRules(metricTypes: readonly string[], resourceType: string): Record<string, ResourceCheck> {
  return {
    google_monitoring_alert_policy: (a) => rules(a, [
      [['display_name'], () => typeof a.display_name === 'string' && a.display_name.length > 0, 'required'],
      [['combiner'], () => oneOf(a.combiner, ['AND', 'OR', 'AND_WITH_MATCHING_RESOURCE']), 'AND, OR or AND_WITH_MATCHING_RESOURCE'],
      [['severity'], () => a.severity === undefined || oneOf(a.severity, ['CRITICAL', 'ERROR', 'WARNING']), 'CRITICAL, ERROR or WARNING'],
      [['conditions'], () => Array.isArray(a.conditions) && a.conditions.length >= 1 && a.conditions.length <= 6, '1 to 6 conditions'],
      [['conditions'], () => thresholds(a).every((t) => isReference(t.filter)
        || (oneOf(filterTypes(t.filter).metric, metricTypes) && filterTypes(t.filter).resource === resourceType)), `a metric type of ${resourceType}`],
      [['conditions'], () => thresholds(a).every((t) => oneOf(t.comparison, COMPARISONS)), 'a comparison'],
      [['conditions'], () => thresholds(a).every((t) => typeof t.threshold_value === 'number'), 'a numeric threshold'],
      [['conditions'], () => thresholds(a).every((t) => matches(t.duration, SECONDS)), 'a duration in seconds'],
      [['conditions'], () => thresholds(a).every((t) => (t.aggregations ?? []).every((g: any) => matches(g.alignment_period, SECONDS)
        && Number(g.alignment_period.slice(0, -1)) >= 60 && oneOf(g.per_series_aligner, ALIGNERS)
        && (g.cross_series_reducer === undefined || oneOf(g.cross_series_reducer, REDUCERS)))), 'aggregations: an aligner, a reducer, alignment of 60 s or more'],
      [['alert_strategy'], () => !(a.conditions ?? []).some((c: any) => c.condition_matched_log !== undefined)
        || a.alert_strategy?.notification_rate_limit?.period !== undefined, 'a log-match condition needs notification_rate_limit (API)'],
      [['notification_channels'], () => Array.isArray(a.notification_channels) && a.notification_channels.length > 0
        && a.notification_channels.every((c: unknown) => isReference(c) || matches(c, CHANNEL)), 'notification channel names'],
    ]),
  };
}
