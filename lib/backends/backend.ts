import type { BackendNames, DataStoreDesign } from './definition';
import type { BackendAccess, BackendAlerts, ChangeTable, Cloud, DataStoreRequest } from '../plan';

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
  /** The backend's identifier, such as `elasticache`, as `choreo-redis verify --backend` takes it. */
  readonly backendId: string;
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
  readonly _changes: ChangeTable;

  /**
   * The `RedisBackend` factory and the backend's alerts: the targets it notifies and how it watches each signal.
   *
   * @internal
   */
  readonly _alerting: { readonly factory: string; readonly alerts?: BackendAlerts };

  /**
   * Where the password lives, what a rotation does, and whether identities can authenticate.
   *
   * @internal
   */
  readonly _access: BackendAccess;

  /**
   * Decides, without defining anything, how the service keeps the request's promises.
   *
   * @internal
   */
  _design(request: DataStoreRequest, names: BackendNames): DataStoreDesign;
}
