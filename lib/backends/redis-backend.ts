import type { AzureManagedRedisBackendProps } from './azure-managed-redis/props';
import type { ElastiCacheBackendProps } from './elasticache/props';
import { IRedisBackend } from './backend';
import { ChoreoRedisError } from '../plan';

/**
 * Loads a backend module, whose provider bindings load with it, and tells the user which package to install
 * when a binding is missing.
 */
function loadBackend<T>(load: () => T, packages: Readonly<Record<string, string>>, factory: string): T {
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
    const module = loadBackend(() => require('./elasticache/backend') as typeof import('./elasticache/backend'),
      { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' }, 'elastiCache');
    return module.elastiCacheBackend(props);
  }

  /**
   * Azure Managed Redis (`azurerm_managed_redis`), with TLS, access-key authentication, a single
   * endpoint for non-cluster clients on port 10000, and RDB persistence every hour.
   *
   * Defines the cache, a resource group unless one is given, and, for plans with backup history, a daily
   * export job: a Logic App with a managed identity, a custom role allowing it only to list a SAS and start
   * an export, and a versioned storage account whose lifecycle rule deletes exports after the history.
   *
   * @example
   * RedisBackend.azureManagedRedis({ location: 'westeurope' })
   */
  public static azureManagedRedis(props: AzureManagedRedisBackendProps): IRedisBackend {
    const module = loadBackend(() => require('./azure-managed-redis/backend') as typeof import('./azure-managed-redis/backend'),
      { '@cdktf/provider-azurerm': '14.23.1' }, 'azureManagedRedis');
    return module.azureManagedRedisBackend(props);
  }

  private constructor() {}
}
