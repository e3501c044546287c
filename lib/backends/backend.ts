import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ChangeTable, Cloud, DataStoreRequest, IsUnresolved, PromiseConformance } from '../plan';

/**
 * A managed Redis service that a `ChoreoRedis` data store runs on.
 *
 * Get one from a `RedisBackend` factory, such as `RedisBackend.elastiCache({...})`.
 */
export interface IRedisBackend {
  /** The cloud the service runs in. */
  readonly cloud: Cloud;
  /** The managed service's name, such as `ElastiCache`. */
  readonly service: string;
  /** The cloud's region ID where the data store runs. */
  readonly region: string;

  /**
   * Where the service's names must be unique, such as the region or the whole account.
   *
   * @internal
   */
  readonly _nameScope: string;

  /**
   * Which prop changes the service applies in place and which replace the data store.
   *
   * @internal
   */
  readonly _changes?: ChangeTable;

  /**
   * Decides, without defining anything, how the service keeps the request's promises.
   *
   * @internal
   */
  _plan(request: DataStoreRequest, names: BackendNames): BackendPlan;

  /**
   * Defines the service's resources under `scope`.
   *
   * @internal
   */
  _render(scope: Construct, plan: BackendPlan): RedisBinding;
}

/** The names a data store uses on its cloud. @internal */
export interface BackendNames {
  /** The construct path, from which backends derive the names they need. */
  readonly path: string;
  /** The name the user gave, if any. */
  readonly name?: string;
}

/** What a backend decided for one data store, before defining any resource. @internal */
export interface BackendPlan {
  readonly request: DataStoreRequest;
  /** The data store's name on the cloud. */
  readonly name: string;
  /** The size chosen: the service's identifier and memory per node in GiB. */
  readonly size: { readonly id: string; readonly memoryGib: number };
  /** Nodes the service runs: primary plus standbys. */
  readonly nodeCount: number;
  /** Days of backup history kept (0: none beyond the latest backup). */
  readonly backupRetentionDays: number;
  readonly engine: string;
  readonly engineVersion: string;
  readonly port: number;
  /** The connection limit the service applies per node. */
  readonly serviceMaxConnections: number;
  readonly conformance: readonly PromiseConformance[];
  /** Anything else the backend decided and its renderer needs. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** What every backend's renderer returns: the same shape for every cloud. @internal */
export interface RedisBinding {
  /** The primary resource: the Redis instance, cluster or replication group. */
  readonly resource: TerraformResource;
  /** Resources that hold data, protected from deletion when the data store is. */
  readonly statefulResources: readonly TerraformResource[];
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** The password, a sensitive token. */
  readonly password: string;
  /**
   * The PEM certificate of the CA that signs the server's certificate, when clients must be given it.
   */
  readonly caCertificate?: string;
}

/**
 * The pure half of a backend: which service it is, how it validates its props, and how it plans a data
 * store. Each backend folder's `plan.ts` exports one; its renderer adds the resources.
 *
 * @internal
 */
export interface BackendDefinition<P> {
  readonly cloud: Cloud;
  /** The managed service's name, such as `ElastiCache`. */
  readonly service: string;
  readonly changes: ChangeTable;
  /** The cloud region the props name. */
  regionOf(props: P): string;
  /**
   * Where names must be unique.
   *
   * @default - the region
   */
  nameScopeOf?(props: P): string;
  /** Checks the backend's own props, throwing `ChoreoRedisError` for bad input. */
  validate(props: P, isUnresolved: IsUnresolved): void;
  /** Decides everything about one data store without defining a resource. */
  plan(props: P, request: DataStoreRequest, names: BackendNames, isUnresolved: IsUnresolved): BackendPlan;
}
