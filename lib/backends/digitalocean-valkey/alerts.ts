import { Construct } from 'constructs';
import { DigitalOceanAlertSettings } from './alert-plan';
import { lazyModule } from '../lazy';

const alertBinding = lazyModule(() =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for data stores with alerts
  require('@cdktf/provider-digitalocean/lib/monitor-alert') as typeof import('@cdktf/provider-digitalocean/lib/monitor-alert'));

/** Defines Managed Valkey's alert policies on the cluster, each notifying every e-mail address and Slack channel. */
export function defineDigitalOceanAlerts(scope: Construct, settings: DigitalOceanAlertSettings, clusterId: string): void {
  const { MonitorAlert } = alertBinding();
  for (const policy of settings.policies) {
    new MonitorAlert(scope, policy.id, {
      type: policy.type,
      compare: 'GreaterThan',
      value: policy.value,
      window: policy.window,
      entities: [clusterId],
      enabled: true,
      description: policy.description,
      alerts: {
        email: settings.emails.length === 0 ? undefined : [...settings.emails],
        slack: settings.slack.length === 0 ? undefined : settings.slack.map((s) => ({ channel: s.channel, url: s.url })),
      },
    });
  }
}
