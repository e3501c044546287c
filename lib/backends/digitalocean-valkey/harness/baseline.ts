/**
 * DigitalOcean Managed Valkey written by hand: the resources `RedisBackend.digitalOceanValkey` defines for the
 * `digitalocean` matrix cloud.
 */
import { DatabaseCluster } from '@cdktf/provider-digitalocean/lib/database-cluster';
import { DatabaseFirewall } from '@cdktf/provider-digitalocean/lib/database-firewall';
import { DatabaseValkeyConfig } from '@cdktf/provider-digitalocean/lib/database-valkey-config';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { Baseline, MatrixVariant, evictionPolicyOf, verifyOf } from '../../../../bench/baselines/baseline';
import { guardReplacement } from '../../replacement-guard';
import { DIGITALOCEAN_VALKEY_CHANGES } from '../changes';

type Variant = { readonly plan: string; readonly size: string; readonly nodes: number; readonly sources?: string[] };

const VARIANTS: Partial<Record<MatrixVariant, Variant>> = {
  hobbyist: { plan: 'hobbyist', size: 'db-s-1vcpu-1gb', nodes: 1 },
  startup: { plan: 'startup', size: 'db-s-1vcpu-2gb', nodes: 1 },
  business: { plan: 'business', size: 'db-s-2vcpu-4gb', nodes: 2 },
  restricted: { plan: 'business', size: 'db-s-2vcpu-4gb', nodes: 2, sources: ['198.51.100.7', '203.0.113.0/24'] },
};

export const baseline: Baseline = {
  cloud: 'digitalocean',
  variants: ['hobbyist', 'startup', 'business', 'restricted'],
  configure(stack) {
    new DigitaloceanProvider(stack, 'digitalocean', {});
  },
  define(scope, variant, name) {
    const v = VARIANTS[variant]!;
    const cluster = new DatabaseCluster(scope, 'Resource', {
      name,
      engine: 'valkey',
      version: '8',
      size: v.size,
      region: 'fra1',
      nodeCount: v.nodes,
      tags: [`choreo-plan:${v.plan}`, 'managed-by:cdktf-choreo-redis'],
      evictionPolicy: evictionPolicyOf(variant).replace('-', '_'),
      lifecycle: v.nodes > 1 ? { preventDestroy: true } : undefined,
    });
    guardReplacement(scope, cluster, DIGITALOCEAN_VALKEY_CHANGES, { service: 'Managed Valkey' });
    new DatabaseValkeyConfig(scope, 'Config', { clusterId: cluster.id, ssl: true, persistence: 'rdb', frequentSnapshots: true });
    if (v.sources !== undefined) {
      new DatabaseFirewall(scope, 'Firewall', { clusterId: cluster.id, rule: v.sources.map((value) => ({ type: 'ip_addr', value })) });
    }
    const connections: Partial<Record<MatrixVariant, number>> = { hobbyist: 10000, startup: 10000, business: 16384, restricted: 16384 };
    return {
      host: cluster.host,
      port: 25061,
      user: cluster.user,
      password: cluster.password,
      privateHost: cluster.privateHost,
      verify: verifyOf('digitalocean-valkey', variant, connections[variant]!, v.nodes),
    };
  },
};
