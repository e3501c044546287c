import { TerraformStack } from 'cdktf';
import { ChoreoRedisAccess, ChoreoRedisAlerts, EvictionPolicy, IRedisBackend, ServicePlan } from '../../lib';

/** The matrix app's plans, plus `restricted`: Business with an allow-list and Lua off. */
export const MATRIX_VARIANTS = ['hobbyist', 'startup', 'business', 'premium', 'restricted'] as const;
export type MatrixVariant = typeof MATRIX_VARIANTS[number];

/** The eviction policy every `<cloud>-restricted` stack chooses instead of the product's default. */
export const RESTRICTED_EVICTION_POLICY = EvictionPolicy.ALL_KEYS_LRU;

/** The allow-list every `<cloud>-restricted` stack uses. */
export const RESTRICTED_CIDRS = ['203.0.113.0/24', '198.51.100.7/32'];

/** What the `<cloud>-access` stack turns on. */
export interface MatrixAccess {
  /** The secret store of the cloud (a Kubernetes Secret for DigitalOcean and Aiven), rotation and identity auth where offered. */
  readonly access: ChoreoRedisAccess;
  /**
   * An identity the stack admits with `grantConnect()`, where the backend authenticates identities.
   *
   * @default - none
   */
  readonly grantee?: string;
}

/** The backend and name of a `<cloud>-adopt` stack's data store. */
export interface MatrixAdoption {
  readonly backend: IRedisBackend;
  /** The existing data store's name, where the backend's import IDs do not carry it. */
  readonly name?: string;
}

/** One backend's part of the matrix app, in its folder's `harness/matrix.ts`. */
export interface MatrixCloud {
  /** The stack-name prefix: `aws`, `azure`, `gcp` or `digitalocean`. */
  readonly cloud: string;
  /** Where the cloud stands in the matrix (stacks, README columns): AWS, Azure, GCP, then DigitalOcean. */
  readonly rank: number;
  /** Variants the construct refuses by design, with the reason shown in the README. */
  readonly leftOut: Partial<Record<MatrixVariant, string>>;
  /** Adds the providers the backend needs (the construct never creates providers). */
  configure(stack: TerraformStack): void;
  /** The backend, with example network settings. */
  backend(plan: ServicePlan): IRedisBackend;
  /**
   * The backend adopting an existing data store by example IDs, for the `<cloud>-adopt` stack (a Business data store),
   * with the name the construct must be given where the IDs do not carry it.
   */
  adopt(): MatrixAdoption;
  /**
   * Alerts with example targets of the cloud, which the `<cloud>-business` stack turns on.
   *
   * @default - the business stack defines no alerts
   */
  alerts?(): ChoreoRedisAlerts | undefined;
  /**
   * The access features of the `<cloud>-access` stack (a Business data store), after adding the providers the
   * secret store and rotation need besides `configure`'s.
   */
  access(stack: TerraformStack): MatrixAccess;
}
