import { AIVEN, aivenDefinitionFor, aivenPropsWithCloud } from './aiven/definition';
import type { AivenBackendProps } from './aiven/props';
import { AZURE_MANAGED_REDIS } from './azure-managed-redis/definition';
import type { AzureManagedRedisBackendProps } from './azure-managed-redis/props';
import { IRedisBackend } from './backend';
import { BACKEND_DEFINITIONS } from './backend-definitions';
import { DefinedBackend } from './defined-backend';
import type { BackendDefinition, BackendSummary } from './definition';
import { PropTypeFaults, RENAMED_PROPS, RenamedProps, applyRenames, propTypeFaults, throwWithValueFaults } from '../plan';
import { DIGITALOCEAN_VALKEY } from './digitalocean-valkey/definition';
import type { DigitalOceanValkeyBackendProps } from './digitalocean-valkey/props';
import { ELASTICACHE } from './elasticache/definition';
import type { ElastiCacheBackendProps } from './elasticache/props';
import { MEMORYSTORE } from './memorystore/definition';
import type { MemorystoreBackendProps } from './memorystore/props';
import { MEMORYSTORE_VALKEY } from './memorystore-valkey/definition';
import type { MemorystoreValkeyBackendProps } from './memorystore-valkey/props';
import { libraryVersion } from './runtime';
import { CHOREO_REDIS_PROP_TYPES } from '../private/choreo-redis-props';

/**
 * The list of definitions, read from `backend-definitions.ts` (the registry's) and kept here for existing imports.
 *
 * @internal
 */
export { BACKEND_DEFINITIONS } from './backend-definitions';

/** The props interface of a backend's factory, such as `ElastiCacheBackendProps` for `elastiCache`. */
export function propsInterfaceOf(definition: Pick<BackendSummary, 'factory'>): string {
  return `${definition.factory.charAt(0).toUpperCase()}${definition.factory.slice(1)}BackendProps`;
}

/**
 * Where keys this backend does not take belong, for one given here by mistake: ChoreoRedis's own props, and the
 * props of other backends (with this backend's name for the region, when they name it differently).
 */
function propsElsewhere(definition: BackendSummary): Record<string, string> {
  const elsewhere: Record<string, string> = {};
  for (const other of BACKEND_DEFINITIONS.filter((d) => d.id !== definition.id)) {
    for (const key of Object.keys(other.propTypes).filter((k) => !(k in definition.propTypes))) {
      elsewhere[key] = key === other.regionProp
        ? `RedisBackend.${definition.factory}() names the region ${definition.regionProp}: write ${definition.regionProp}`
        : `it is a prop of RedisBackend.${other.factory}(), not of RedisBackend.${definition.factory}()`;
    }
  }
  // An old name of one of this backend's props, from another backend's renames: the new name is this backend's too.
  const oldNames = RENAMED_PROPS.filter((r) => r.interfaceName !== undefined && r.now in definition.propTypes && !(r.before in definition.propTypes));
  for (const rename of oldNames) {
    const factory = BACKEND_DEFINITIONS.find((d) => propsInterfaceOf(d) === rename.interfaceName)?.factory;
    elsewhere[rename.before] = `${rename.before} is the old name of ${rename.now}${factory === undefined ? '' : ` (RedisBackend.${factory}())`}: write ${rename.now}`;
  }
  for (const key of Object.keys(CHOREO_REDIS_PROP_TYPES).filter((k) => !(k in definition.propTypes))) {
    elsewhere[key] = `it is a prop of the data store, not of its backend: new ChoreoRedis(scope, id, { ${key}, backend })`;
  }
  return elsewhere;
}

/**
 * Checks a backend's props against its declarations (unknown keys, missing required props, wrong types, nested
 * objects included) before anything reads them.
 */
export function checkBackendProps(definition: BackendSummary, props: unknown): void {
  backendPropFaults(definition, props).failures.throwAny();
}

/** The faults `checkBackendProps` finds, and the props they name. */
function backendPropFaults(definition: BackendSummary, props: unknown): PropTypeFaults {
  return propTypeFaults(props, definition.propTypes, {
    owner: `RedisBackend.${definition.factory}({ %s })`,
    interfaceName: propsInterfaceOf(definition),
    elsewhere: propsElsewhere(definition),
    // A near miss is matched against the data store's props (allowedCidr for allowedCidrs), not against another
    // backend's, which would lead away from this backend's own name for the same thing.
    nearElsewhere: Object.keys(CHOREO_REDIS_PROP_TYPES),
  });
}

/**
 * A backend of `definition`, its props checked first: old prop names (the Changelog's `RENAMED_PROPS`) are mapped to
 * their new ones, each with a warning the data stores on the backend show at synth.
 */
function define<P, S>(definition: BackendDefinition<P, S>, props: object, renamed = renameProps<P>(definition, props)): IRedisBackend {
  // Unknown keys and wrong types in one error with the region and rule faults of the other props.
  const faults = backendPropFaults(definition, renamed.props);
  throwWithValueFaults(faults, () => new DefinedBackend(definition, renamed.props, [], faults.props));
  return new DefinedBackend(definition, renamed.props, renamed.warnings);
}

/** The props with old prop names mapped to new ones, and a warning for each. */
function renameProps<P>(definition: BackendSummary, props: object): RenamedProps<P> {
  return applyRenames<P>(props, propsInterfaceOf(definition), `RedisBackend.${definition.factory}({ %s })`, libraryVersion());
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
   * CIDR (more groups past 60 rules of an address family, at most five), and RBAC: a user named `default` with a
   * generated password, in a user group.
   *
   * @example
   * RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-0abc0abc', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'] })
   */
  public static elastiCache(props: ElastiCacheBackendProps): IRedisBackend {
    return define(ELASTICACHE, props);
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
    return define(DIGITALOCEAN_VALKEY, props);
  }

  /**
   * Google Cloud Memorystore for Redis: the default on GCP, the one Google Cloud service in google provider
   * 6.50 with a static password and TLS.
   *
   * Defines a Redis instance (BASIC for one node, STANDARD_HA with replicas for more; AUTH on,
   * SERVER_AUTHENTICATION TLS on port 6378, RDB persistence every hour) on the network. For plans with
   * backup history it also defines a versioned Cloud Storage bucket whose lifecycle keeps the history, a
   * daily Cloud Scheduler job that exports the instance into it, and a service account allowed only to
   * export. With `privateDnsZone`, an A record names the instance.
   *
   * @example
   * RedisBackend.memorystore({ project: 'my-project', region: 'europe-west1', network: 'projects/my-project/global/networks/default' })
   */
  public static memorystore(props: MemorystoreBackendProps): IRedisBackend {
    return define(MEMORYSTORE, props);
  }

  /**
   * Google Cloud Memorystore for Valkey, cluster mode disabled, with IAM authentication (google provider
   * 6.50 offers no static password for it: see docs/backends.md).
   *
   * Defines a Valkey instance with one shard, the plan's replicas (across zones for Business and Premium),
   * AOF persistence with fsync every second, native automated backups for the plan's history, `maxclients` set within the node type's cap, and
   * Private Service Connect endpoints on the given network; optionally the network's service connection
   * policy and an A record in a private DNS zone. A service account for clients gets the connection role.
   *
   * @example
   * RedisBackend.memorystoreValkey({ project: 'my-project', region: 'europe-west1', network: 'projects/my-project/global/networks/default' })
   */
  public static memorystoreValkey(props: MemorystoreValkeyBackendProps): IRedisBackend {
    return define(MEMORYSTORE_VALKEY, props);
  }

  /**
   * Azure Managed Redis (`azurerm_managed_redis`), with TLS, access-key authentication, a single
   * endpoint for non-cluster clients on port 10000, and AOF persistence written every second.
   *
   * Defines the cache, a resource group unless one is given, and, for plans with backup history, a daily
   * export job: a Logic App with a managed identity, a custom role allowing it only to list a SAS and start
   * an export, and a versioned storage account whose lifecycle rule deletes exports after the history.
   *
   * @example
   * RedisBackend.azureManagedRedis({ region: 'westeurope' })
   */
  public static azureManagedRedis(props: AzureManagedRedisBackendProps): IRedisBackend {
    return define(AZURE_MANAGED_REDIS, props);
  }

  /**
   * Aiven for Valkey on AWS, Azure, Google Cloud or DigitalOcean: one backend that keeps every promise of
   * every plan on all four clouds. Needs an `AivenProvider` in the stack and an existing Aiven project.
   *
   * Defines an `aiven_valkey` service (the plan family by tier, sized by `memoryGib`; TLS only, RDB
   * persistence, termination protection with deletion protection, and `ip_filter_string` written out, open or
   * the allow-list), an application user (`aiven_valkey_user`, password generated by Aiven) whose ACL denies
   * ROLE and, with Lua off, the Lua commands, and reads the project's plan list so that a plan the region does
   * not offer fails `terraform plan`. On AWS and Azure, where Aiven offers no hobbyist plan, Hobbyist runs on
   * the smallest startup plan.
   *
   * @example
   * RedisBackend.aiven({ project: 'my-project', cloud: Cloud.AWS, region: 'eu-west-1' })
   */
  public static aiven(props: AivenBackendProps): IRedisBackend {
    const renamed = renameProps<AivenBackendProps>(AIVEN, props);
    checkBackendProps(AIVEN, renamed.props);
    const withCloud = aivenPropsWithCloud(renamed.props);
    return define(aivenDefinitionFor(withCloud), withCloud, { ...renamed, props: withCloud });
  }

  private constructor() {}
}
