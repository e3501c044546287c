import { IRedisBackend } from './backend';
import { ChoreoRedisError } from '../plan';
import type { DigitalOceanValkeyBackendProps } from './digitalocean-valkey/props';
import type { ElastiCacheBackendProps } from './elasticache/props';

/**
 * Loads a backend module, whose provider bindings load with it, and tells the user which package to install
 * when a binding is missing.
 *
 * @internal
 */
export function loadBackend<T>(load: () => T, packages: Readonly<Record<string, string>>, factory: string): T {
  try {
    return load();
  } catch (e) {
    const missing = Object.keys(packages).find((name) => (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND'
      && String((e as Error).message).includes(`'${name}/`));
    if (missing === undefined) throw e;
    const install = Object.entries(packages).map(([name, version]) => `${name}@${version}`).join(' ');
    throw new ChoreoRedisError('ProviderNotInstalled',
      `RedisBackend.${factory}() needs the npm package ${missing}, which is not installed; run "npm install ${install}".`);
  }
}

/**
 * The managed Redis services a `ChoreoRedis` data store can run on. Each factory loads only its own
 * cloud's provider bindings.
 */
export class RedisBackend {
  /**
   * Amazon ElastiCache (Valkey or Redis OSS), cluster mode disabled.
   *
   * Defines a replication group, a subnet group, a security group with one ingress rule per allowed
   * CIDR, and RBAC: a user named `default` with a generated password, in a user group.
   *
   * @example
   * RedisBackend.elastiCache({ region: 'eu-west-1', vpcId: 'vpc-0abc', subnetIds: ['subnet-a', 'subnet-b'] })
   */
  public static elastiCache(props: ElastiCacheBackendProps): IRedisBackend {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: see loadBackend
    const module = loadBackend(() => require('./elasticache/backend') as typeof import('./elasticache/backend'),
      { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' }, 'elastiCache');
    return module.elastiCacheBackend(props);
  }

  /**
   * DigitalOcean Managed Valkey.
   *
   * Defines a database cluster (engine `valkey`; one node, or a primary and one standby for Business), its
   * Valkey configuration (TLS only, RDB persistence), and, when `allowedCidrs` is given, a database firewall
   * with one `ip_addr` trusted source per entry (IPv4 only, at most 100). DigitalOcean generates the password.
   * Premium is refused: a cluster runs at most one standby.
   *
   * @example
   * RedisBackend.digitalOceanValkey({ region: 'fra1' })
   */
  public static digitalOceanValkey(props: DigitalOceanValkeyBackendProps): IRedisBackend {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: see loadBackend
    const module = loadBackend(() => require('./digitalocean-valkey/backend') as typeof import('./digitalocean-valkey/backend'),
      { '@cdktf/provider-digitalocean': '13.14.1' }, 'digitalOceanValkey');
    return module.digitalOceanValkeyBackend(props);
  }

  private constructor() {}
}
