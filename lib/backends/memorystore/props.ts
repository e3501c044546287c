import type { MaintenanceWindow } from '../../plan/maintenance';
import type { CurrentProps } from '../../plan/renamed-props';
import type { MemorystoreMaintenanceDay, MemorystorePrivateDnsZone } from '../google/props';

// Memorystore for Valkey takes these too: they are declared in ../google and exported with these props.
export { MemorystoreMaintenanceDay, MemorystorePrivateDnsZone } from '../google/props';

/**
 * A Memorystore for Redis version. Only versions that support AUTH with TLS
 * (`transit_encryption_mode = "SERVER_AUTHENTICATION"`) and read replicas are offered.
 */
export class MemorystoreRedisVersion {
  /** Redis 7.2. */
  public static readonly REDIS_7_2 = new MemorystoreRedisVersion('REDIS_7_2');
  /** Redis 7.0. */
  public static readonly REDIS_7_0 = new MemorystoreRedisVersion('REDIS_7_0');
  /** Redis 6.x. */
  public static readonly REDIS_6_X = new MemorystoreRedisVersion('REDIS_6_X');

  /**
   * A version not listed here, as the API names it (`REDIS_<major>_<minor>` or `REDIS_<major>_X`, 6 or later).
   */
  public static of(version: string): MemorystoreRedisVersion {
    return new MemorystoreRedisVersion(version);
  }

  /** @param version the API's name, such as `REDIS_7_2` */
  private constructor(public readonly version: string) {}
}

/** How a Memorystore for Redis instance joins the authorized network. */
export enum MemorystoreConnectMode {
  /** VPC peering between the network and Google's service network (Memorystore's default). */
  DIRECT_PEERING = 'DIRECT_PEERING',
  /** Private services access: needs an allocated range and a `google_service_networking_connection` on the network. */
  PRIVATE_SERVICE_ACCESS = 'PRIVATE_SERVICE_ACCESS',
}

/** How often Memorystore for Redis writes its RDB snapshot. */
export enum MemorystoreSnapshotPeriod {
  /** Every hour. */
  ONE_HOUR = 'ONE_HOUR',
  /** Every 6 hours. */
  SIX_HOURS = 'SIX_HOURS',
  /** Every 12 hours. */
  TWELVE_HOURS = 'TWELVE_HOURS',
  /** Every 24 hours. */
  TWENTY_FOUR_HOURS = 'TWENTY_FOUR_HOURS',
}

/**
 * An existing Memorystore for Redis instance to bring under the construct, by the ID Terraform imports it by.
 */
export interface MemorystoreAdoption {
  /**
   * The instance's ID, `projects/{project}/locations/{region}/instances/{name}`; its project and region must be the
   * backend's, and its name becomes the data store's name.
   */
  readonly instanceId: string;
}

/**
 * Where and how a Memorystore for Redis data store runs.
 */
export interface MemorystoreBackendProps {
  /** The Google Cloud project ID, set on every resource. */
  readonly project: string;

  /**
   * The region, one of the US or EU regions (for example `us-central1` or `europe-west1`).
   */
  readonly region: string;

  /**
   * The VPC network the instance joins and clients connect from (Memorystore's authorized network): its full name,
   * such as `projects/my-project/global/networks/default`, or a network's `id`. Required: the type leaves it optional
   * only while its old name `authorizedNetwork` is accepted.
   *
   * @default - none: give network (or, until release 0.2.0, authorizedNetwork)
   */
  readonly network?: string;

  /**
   * The old name of `network`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `network`
   */
  readonly authorizedNetwork?: string;

  /**
   * How the instance joins `network`.
   *
   * @default MemorystoreConnectMode.DIRECT_PEERING
   */
  readonly connectMode?: MemorystoreConnectMode;

  /**
   * The internal range for the instance: a CIDR block (/29, or /28 with read replicas) for direct peering,
   * or the name of an allocated range for private services access.
   *
   * @default - Memorystore picks an unused range
   */
  readonly reservedIpRange?: string;

  /**
   * The zone of the primary, a zone of `region` such as `us-central1-a`.
   *
   * @default - Memorystore picks a zone
   */
  readonly zone?: string;

  /**
   * The zone of the standby for Business and Premium; it must differ from `zone`.
   *
   * @default - Memorystore picks another zone
   */
  readonly alternativeZone?: string;

  /**
   * The Redis version.
   *
   * @default MemorystoreRedisVersion.REDIS_7_2
   */
  readonly engineVersion?: MemorystoreRedisVersion;

  /**
   * The old name of `engineVersion`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `engineVersion`
   */
  readonly redisVersion?: MemorystoreRedisVersion;

  /**
   * A Cloud KMS key in `region` for encryption at rest (`projects/.../locations/<region>/keyRings/.../cryptoKeys/...`), used by the instance and the
   * backup bucket.
   *
   * @default - Google-managed encryption keys
   */
  readonly kmsKey?: string;

  /**
   * How often the RDB snapshot that recovers the instance is written: the most writes a single-node plan can lose
   * when its node fails (see docs/plans.md, recovery point).
   *
   * @default MemorystoreSnapshotPeriod.ONE_HOUR (the shortest, closest to the plan's recovery point)
   */
  readonly snapshotPeriod?: MemorystoreSnapshotPeriod;

  /**
   * The hour (UTC, 0-23) of the daily backup export for plans with backup history.
   *
   * @default 3
   */
  readonly backupHour?: number;

  /**
   * The weekly maintenance window: the day and time (UTC) its hour starts.
   *
   * @default - Sunday at 05:00 UTC, `{ day: Weekday.SUNDAY, hour: 5 }`
   */
  readonly maintenanceWindow?: MaintenanceWindow;

  /**
   * The old form of `maintenanceWindow.day`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `maintenanceWindow: { day, hour }`
   */
  readonly maintenanceDay?: MemorystoreMaintenanceDay;

  /**
   * The old form of `maintenanceWindow.hour`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `maintenanceWindow: { day, hour }`
   */
  readonly maintenanceHour?: number;

  /**
   * A private Cloud DNS zone, visible to `network`, for a record that names the instance.
   *
   * @default - no record: the service URI holds the instance's IP address, which stays the same across failover
   */
  readonly privateDnsZone?: MemorystorePrivateDnsZone;

  /**
   * Adopts an existing instance instead of creating one: a Terraform import block brings it under the construct, and
   * the first plan changes it in place to meet the plan; what the construct defines beside it is created anew. While
   * `adopt` is set the instance has `prevent_destroy`, so a plan that would replace it (another tier, or a `reservedIpRange`, `connectMode`, `kmsKey` or zone than the instance has)
   * stops instead; remove `adopt` after the first apply. Needs Terraform 1.5 or later. See docs/adoption.md.
   *
   * @default - a new instance is created
   */
  readonly adopt?: MemorystoreAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type MemorystoreProps = CurrentProps<MemorystoreBackendProps, 'authorizedNetwork' | 'redisVersion' | 'maintenanceDay' | 'maintenanceHour', 'network'>;
