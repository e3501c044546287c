/**
 * Aiven for Valkey's alerts, decided without any provider binding: the service's contacts.
 *
 * What Aiven offers, and its sources:
 * - Service contacts, `tech_emails` on `aiven_valkey` (terraform-provider-aiven v4.61.0, `docs/resources/valkey.md`
 *   and `internal/schemautil/service.go`, a set of `{ email }` blocks, `email` required): "who will receive
 *   important alerts and updates about this service". Aiven's e-mail notifications "include information about
 *   plan sizes, performance, outages, and scheduled maintenance"; a service's contacts receive them instead of the
 *   project's (aiven-docs `docs/platform/howto/technical-emails.md`). Aiven sets no threshold on them, and the
 *   stack cannot choose which are sent.
 * - Metrics integrations, `aiven_service_integration` with `integration_type` `metrics`, `datadog`, `prometheus`
 *   or `external_aws_cloudwatch_metrics` (`docs/resources/service_integration.md`): they ship the service's
 *   metrics to a monitoring system, which the user alerts in. The provider has no threshold-alert resource
 *   (`docs/resources/` holds none), and the Aiven Console's metrics (CPU, disk, load, memory, network; aiven-docs
 *   `docs/platform/howto/list-monitoring.md`) have no alert of their own: "Alerts: Receive emails and in-app
 *   notifications", the service contacts' e-mails.
 */
import {
  AlertCoverageTable, AlertRequest, AlertSignal, AlertTargetKind, AlertWatch, BackendAlerts, ChoreoRedisError, IsUnresolved, targetsOf,
} from '../../plan';

/** Where the signals Aiven cannot watch come from instead, for the messages. */
const FIX = 'a metrics integration (aiven_service_integration with integration_type "datadog", "prometheus", "metrics" or "external_aws_cloudwatch_metrics") ships the service\'s metrics to your monitoring, where you alert on them';
const NO_THRESHOLDS = 'Aiven has no threshold alerts (terraform-provider-aiven v4.61.0 has no alert resource; its service-contact e-mails take no threshold)';

/** How Aiven for Valkey watches each signal. */
export const AIVEN_ALERT_COVERAGE: AlertCoverageTable = {
  [AlertSignal.MEMORY]: { watch: AlertWatch.UNAVAILABLE, detail: `${NO_THRESHOLDS}; fix: ${FIX} (Valkey's used_memory against maxmemory)` },
  [AlertSignal.CPU]: { watch: AlertWatch.UNAVAILABLE, detail: `${NO_THRESHOLDS}; fix: ${FIX} (the nodes' CPU)` },
  [AlertSignal.EVICTIONS]: { watch: AlertWatch.UNAVAILABLE, detail: `${NO_THRESHOLDS}; fix: ${FIX} (Valkey's evicted_keys, or rejected writes under Aiven's default noeviction)` },
  [AlertSignal.CONNECTIONS]: { watch: AlertWatch.UNAVAILABLE, detail: `${NO_THRESHOLDS}; fix: ${FIX} (Valkey's connected_clients against maxclients)` },
  [AlertSignal.REPLICATION]: { watch: AlertWatch.UNAVAILABLE, detail: `${NO_THRESHOLDS}; fix: ${FIX} (the standbys' replication offset and link status)` },
  [AlertSignal.FAILOVER]: {
    watch: AlertWatch.NATIVE,
    detail: 'Aiven\'s e-mails to the service contacts (tech_emails), about outages and scheduled maintenance, which replaces nodes (aiven-docs technical-emails.md, maintenance-window.md); Aiven chooses which events it writes about',
  },
  [AlertSignal.BACKUP]: {
    watch: AlertWatch.UNAVAILABLE,
    detail: 'Aiven takes the backups itself and publishes no backup-failure event or metric, and its service-contact e-mails do not promise one; the construct emulates nothing here; fix: list the backups with "avn service backup-list" in your own checks',
  },
};

/** Aiven for Valkey's alerts: the service contacts, and how each signal is watched. */
export const AIVEN_ALERTS: BackendAlerts = { targets: [AlertTargetKind.AIVEN_TECH_EMAILS], coverage: AIVEN_ALERT_COVERAGE };

/** The renderer's share of Aiven for Valkey's alerts. */
export interface AivenAlertSettings {
  /** `tech_emails`: the service contacts, each address once, in the order given. */
  readonly techEmails: readonly string[];
}

/** A plain e-mail address: something before one `@`, a domain with a dot after it, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The service contacts from every `AlertTarget.aivenTechEmails()` target.
 *
 * @throws ChoreoRedisError `InvalidAlertTargets` when the targets give no address, or one that is not an e-mail address
 */
export function planAivenAlerts(alerts: AlertRequest, isUnresolved: IsUnresolved): AivenAlertSettings {
  const emails = targetsOf(alerts, AlertTargetKind.AIVEN_TECH_EMAILS).flatMap((target) => target.addresses);
  if (emails.length === 0) {
    throw new ChoreoRedisError('InvalidAlertTargets',
      'alerts.targets gives AlertTarget.aivenTechEmails() no address; give at least one, such as AlertTarget.aivenTechEmails(["redis-alerts@example.com"]). Without service contacts Aiven writes to the project\'s contacts.');
  }
  const wrong = emails.find((email) => !isUnresolved(email) && (typeof email !== 'string' || !EMAIL.test(email)));
  if (wrong !== undefined) {
    throw new ChoreoRedisError('InvalidAlertTargets',
      `alerts.targets: AlertTarget.aivenTechEmails() address "${String(wrong)}" is not an e-mail address; give addresses such as "redis-alerts@example.com".`);
  }
  return { techEmails: [...new Set(emails)] };
}
