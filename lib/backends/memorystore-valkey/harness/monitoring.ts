import { monitoringRules } from '../../google/harness/monitoring-rules';
import { VALKEY_ALERT_METRICS } from '../alert-plan';

/** The rules of this backend's alert policies: Cloud Monitoring's, with the metrics it watches on `memorystore.googleapis.com/Instance`. */
export const MEMORYSTORE_VALKEY_MONITORING_RULES = monitoringRules(Object.values(VALKEY_ALERT_METRICS), 'memorystore.googleapis.com/Instance');
