import { monitoringRules } from '../../google/harness/monitoring-rules';
import { MEMORYSTORE_ALERT_METRICS } from '../alert-plan';

/** The rules of this backend's alert policies: Cloud Monitoring's, with the metrics it watches on `redis_instance`. */
export const MEMORYSTORE_MONITORING_RULES = monitoringRules(Object.values(MEMORYSTORE_ALERT_METRICS), 'redis_instance');
