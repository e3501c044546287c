import { DatabaseCluster } from '@cdktf/provider-digitalocean/lib/database-cluster';
import { DatabaseFirewall } from '@cdktf/provider-digitalocean/lib/database-firewall';
import { DatabaseValkeyConfig } from '@cdktf/provider-digitalocean/lib/database-valkey-config';

import { Construct } from 'constructs';
import { DIGITALOCEAN_VALKEY } from './definition';
import { DefinedBackend } from '../defined-backend';
import { DigitalOceanValkeySettings } from './plan';
import { DigitalOceanValkeyBackendProps } from './props';
import { BackendPlan, IRedisBackend, RedisBinding } from '../backend';

class DigitalOceanValkeyBackend extends DefinedBackend<DigitalOceanValkeyBackendProps> {
  constructor(props: DigitalOceanValkeyBackendProps) {
    super(DIGITALOCEAN_VALKEY, props);
  }

  public _render(scope: Construct, plan: BackendPlan): RedisBinding {
    const settings = plan.settings as unknown as DigitalOceanValkeySettings;

    const cluster = new DatabaseCluster(scope, 'Resource', {
      name: plan.name,
      engine: plan.engine,
      version: plan.engineVersion,
      size: settings.sizeSlug,
      region: this.props.region,
      nodeCount: plan.nodeCount,
      projectId: this.props.projectId,
      privateNetworkUuid: this.props.privateNetworkUuid,
      tags: settings.tags,
    });
    new DatabaseValkeyConfig(scope, 'Config', {
      clusterId: cluster.id,
      ssl: true,
      persistence: 'rdb',
      frequentSnapshots: true,
    });
    if (settings.trustedSources !== undefined) {
      new DatabaseFirewall(scope, 'Firewall', {
        clusterId: cluster.id,
        rule: settings.trustedSources.map((value) => ({ type: 'ip_addr', value })),
      });
    }

    return {
      resource: cluster,
      statefulResources: [cluster],
      host: cluster.host,
      port: plan.port,
      user: cluster.user,
      password: cluster.password,
    };
  }
}

/** @internal */
export function digitalOceanValkeyBackend(props: DigitalOceanValkeyBackendProps): IRedisBackend {
  return new DigitalOceanValkeyBackend(props);
}
