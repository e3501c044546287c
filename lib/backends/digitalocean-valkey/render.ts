import { DatabaseCluster } from '@cdktf/provider-digitalocean/lib/database-cluster';
import { DatabaseFirewall } from '@cdktf/provider-digitalocean/lib/database-firewall';
import { DatabaseValkeyConfig } from '@cdktf/provider-digitalocean/lib/database-valkey-config';
import { IResolvable, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { defineDigitalOceanAlerts } from './alerts';
import { DigitalOceanValkeySettings } from './plan';
import { Planned, RedisBinding } from '../definition';

/**
 * Defines a Managed Valkey data store: the database cluster, its Valkey configuration, for an allow-list its firewall, and
 * with alerts on its memory and CPU alert policies.
 */
export function renderDigitalOceanValkey(scope: Construct, plan: Planned<DigitalOceanValkeySettings>): RedisBinding {
  const { settings } = plan;

  const cluster = new DatabaseCluster(scope, 'Resource', {
    name: plan.name,
    engine: plan.engine,
    version: plan.engineVersion,
    size: settings.sizeSlug,
    region: settings.region,
    nodeCount: plan.nodeCount,
    projectId: settings.projectId,
    privateNetworkUuid: settings.privateNetworkUuid,
    tags: settings.tags,
    evictionPolicy: settings.evictionPolicy,
  });
  // Each attribute read creates a new token (with a captured stack trace): read each once.
  const clusterId = cluster.id;
  new DatabaseValkeyConfig(scope, 'Config', {
    clusterId,
    ssl: true,
    persistence: settings.persistence.mode,
    frequentSnapshots: settings.persistence.frequentSnapshots,
  });
  if (settings.alerts !== undefined) defineDigitalOceanAlerts(scope, settings.alerts, clusterId);
  if (settings.trustedSources !== undefined) {
    new DatabaseFirewall(scope, 'Firewall', {
      clusterId,
      rule: settings.trustedSourceList === undefined ? settings.trustedSources.map((value) => ({ type: 'ip_addr', value }))
        : firewallRules(settings.trustedSourceList),
      lifecycle: settings.firewallPreconditions === undefined ? undefined : { precondition: settings.firewallPreconditions },
    });
  }

  return {
    resource: cluster,
    statefulResources: [cluster],
    host: cluster.host,
    port: plan.port,
    user: cluster.user,
    password: cluster.password,
    privateHost: cluster.privateHost,
  };
}

/** One `rule` block per trusted source of a list known only to Terraform. */
function firewallRules(list: string[]): IResolvable {
  const sources = TerraformIterator.fromList(list);
  return sources.dynamic({ type: 'ip_addr', value: sources.value });
}
