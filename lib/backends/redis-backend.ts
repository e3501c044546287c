import type { AzureManagedRedisBackendProps } from './azure-managed-redis/props';
import { IRedisBackend } from './backend';
import { ChoreoRedisError } from '../plan';
import type { DigitalOceanValkeyBackendProps } from './digitalocean-valkey/props';
import type { ElastiCacheBackendProps } from './elasticache/props';
import type { MemorystoreBackendProps } from './memorystore/props';
import type { MemorystoreValkeyBackendProps } from './memorystore-valkey/props';

/** The npm packages (name to version) each backend folder's renderer imports. */
const PROVIDER_PACKAGES = {
  'elasticache': { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' },
  'azure-managed-redis': { '@cdktf/provider-azurerm': '14.23.1' },
  'memorystore': { '@cdktf/provider-google': '16.12.1' },
  'memorystore-valkey': { '@cdktf/provider-google': '16.12.1' },
  'digitalocean-valkey': { '@cdktf/provider-digitalocean': '13.14.1' },
} as const;

/**
 * Loads `./<folder>/backend`, and with it that cloud's provider bindings, on first use.
 *
 * @internal
 */
function requireBackend<T>(folder: keyof typeof PROVIDER_PACKAGES, factory: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, so other clouds' bindings never load
  return loadBackend(() => require(`./${folder}/backend`) as T, PROVIDER_PACKAGES[folder], factory);
}

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
    return requireBackend<typeof import('./elasticache/backend')>('elasticache', 'elastiCache').elastiCacheBackend(props);
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
    return requireBackend<typeof import('./digitalocean-valkey/backend')>('digitalocean-valkey', 'digitalOceanValkey').digitalOceanValkeyBackend(props);
  }

  /**
   * Google Cloud Memorystore for Redis: the default on GCP, the one Google Cloud service in google provider
   * 6.50 with a static password and TLS.
   *
   * Defines a Redis instance (BASIC for one node, STANDARD_HA with replicas for more; AUTH on,
   * SERVER_AUTHENTICATION TLS on port 6378, RDB persistence) on the authorized network. For plans with
   * backup history it also defines a versioned Cloud Storage bucket whose lifecycle keeps the history, a
   * daily Cloud Scheduler job that exports the instance into it, and a service account allowed only to
   * export. With `privateDnsZone`, an A record names the instance.
   *
   * @example
   * RedisBackend.memorystore({ project: 'my-project', region: 'europe-west1', authorizedNetwork: 'projects/my-project/global/networks/default' })
   */
  public static memorystore(props: MemorystoreBackendProps): IRedisBackend {
    return requireBackend<typeof import('./memorystore/backend')>('memorystore', 'memorystore').memorystoreBackend(props);
  }

  /**
   * Google Cloud Memorystore for Valkey, cluster mode disabled, with IAM authentication (google provider
   * 6.50 offers no static password for it: see the README).
   *
   * Defines a Valkey instance with one shard, the plan's replicas (across zones for Business and Premium),
   * native automated backups for the plan's history, `maxclients` set within the node type's cap, and
   * Private Service Connect endpoints on the given network; optionally the network's service connection
   * policy and an A record in a private DNS zone. A service account for clients gets the connection role.
   *
   * @example
   * RedisBackend.memorystoreValkey({ project: 'my-project', region: 'europe-west1', network: 'projects/my-project/global/networks/default' })
   */
  public static memorystoreValkey(props: MemorystoreValkeyBackendProps): IRedisBackend {
    return requireBackend<typeof import('./memorystore-valkey/backend')>('memorystore-valkey', 'memorystoreValkey').memorystoreValkeyBackend(props);
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
    return requireBackend<typeof import('./azure-managed-redis/backend')>('azure-managed-redis', 'azureManagedRedis').azureManagedRedisBackend(props);
  }

  private constructor() {}
}
