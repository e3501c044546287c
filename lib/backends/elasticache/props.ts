import type { MaintenanceWindow } from '../../plan/maintenance';
import type { CurrentProps } from '../../plan/renamed-props';

/**
 * An ElastiCache engine and version.
 *
 * Only engines that support `transit_encryption_mode = "required"` and RBAC user groups are offered:
 * Valkey 7.2 and later, Redis OSS 7.0 and later.
 */
export class ElastiCacheEngineVersion {
  /** Valkey 8.1. */
  public static readonly VALKEY_8_1 = new ElastiCacheEngineVersion('valkey', '8.1');
  /** Valkey 8.0. */
  public static readonly VALKEY_8_0 = new ElastiCacheEngineVersion('valkey', '8.0');
  /** Valkey 7.2. */
  public static readonly VALKEY_7_2 = new ElastiCacheEngineVersion('valkey', '7.2');
  /** Redis OSS 7.1. */
  public static readonly REDIS_7_1 = new ElastiCacheEngineVersion('redis', '7.1');
  /** Redis OSS 7.0. */
  public static readonly REDIS_7_0 = new ElastiCacheEngineVersion('redis', '7.0');

  /**
   * Any engine and version, as ElastiCache names them.
   *
   * @param engine `valkey` or `redis`
   * @param version `<major>.<minor>`, such as `8.0`
   */
  public static of(engine: string, version: string): ElastiCacheEngineVersion {
    return new ElastiCacheEngineVersion(engine, version);
  }

  /**
   * A Valkey version not listed here, as `<major>.<minor>` (7.2 or later).
   */
  public static valkey(version: string): ElastiCacheEngineVersion {
    return new ElastiCacheEngineVersion('valkey', version);
  }

  /**
   * A Redis OSS version not listed here, as `<major>.<minor>` (7.0 or later).
   */
  public static redis(version: string): ElastiCacheEngineVersion {
    return new ElastiCacheEngineVersion('redis', version);
  }

  /**
   * @param engine `valkey` or `redis`
   * @param version `<major>.<minor>`
   */
  private constructor(public readonly engine: string, public readonly version: string) {}
}

/**
 * An existing ElastiCache data store to bring under the construct, by the IDs Terraform imports it by.
 */
export interface ElastiCacheAdoption {
  /**
   * The existing replication group's ID, which becomes the data store's name (cluster mode disabled).
   */
  readonly replicationGroupId: string;

  /**
   * The name of the subnet group the replication group uses. ElastiCache cannot move a replication group to another
   * subnet group, so the construct imports this one and keeps its name; its subnets become `subnetIds`.
   */
  readonly subnetGroupName: string;
}

/**
 * Where and how an ElastiCache data store runs.
 */
export interface ElastiCacheBackendProps {
  /**
   * The AWS region, one of the US or EU regions (for example `us-east-1` or `eu-west-1`).
   *
   * It is set on every resource, so the data store lands there whatever the provider's default region.
   */
  readonly region: string;

  /**
   * The VPC the data store runs in, by its ID (`vpc-...`): its security group belongs to it. Required: the type
   * leaves it optional only while its old name `vpcId` is accepted.
   *
   * @default - none: give network (or, until release 0.2.0, vpcId)
   */
  readonly network?: string;

  /**
   * The old name of `network`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `network`
   */
  readonly vpcId?: string;

  /**
   * Subnets of `network` for the subnet group, one per availability zone the nodes may use.
   *
   * Business needs at least 2 (its two nodes in different zones), Premium at least 3.
   */
  readonly subnetIds: string[];

  /**
   * Availability zones for the nodes, primary first, one per node.
   *
   * @default - ElastiCache places the nodes in the subnets' zones
   */
  readonly availabilityZones?: string[];

  /**
   * Engine and version.
   *
   * @default ElastiCacheEngineVersion.VALKEY_8_0
   */
  readonly engineVersion?: ElastiCacheEngineVersion;

  /**
   * A customer-managed KMS key ARN for encryption at rest (of data and snapshots).
   *
   * @default - the AWS-managed ElastiCache key
   */
  readonly kmsKey?: string;

  /**
   * The old name of `kmsKey`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `kmsKey`
   */
  readonly kmsKeyArn?: string;

  /**
   * The hour (UTC, 0 to 23) the daily snapshot starts: the snapshot window runs from it for an hour (ElastiCache's
   * shortest window). It must not overlap the maintenance window.
   *
   * @default 3
   */
  readonly backupHour?: number;

  /**
   * The daily snapshot window as ElastiCache writes it, `hh24:mi-hh24:mi` in UTC, at least 60 minutes long: the old
   * form of `backupHour`, accepted (and written as given) with a warning until release 0.2.0.
   *
   * @deprecated use `backupHour`
   */
  readonly snapshotWindow?: string;

  /**
   * The weekly maintenance window: the day and time (UTC) its hour starts, such as `{ day: Weekday.SUNDAY, hour: 5 }`.
   * It must not overlap the snapshot window. The old form, a string `ddd:hh24:mi-ddd:hh24:mi` at least 60 minutes
   * long, is accepted with a warning until release 0.2.0.
   *
   * @default - Sunday at 05:00 UTC for an hour, `{ day: Weekday.SUNDAY, hour: 5 }`
   */
  readonly maintenanceWindow?: MaintenanceWindow | string;

  /**
   * Whether `terraform apply` makes changes to the nodes (node type, engine version, parameter group) at
   * once, or leaves them to the next maintenance window.
   *
   * When false, ElastiCache defers those changes: the apply completes, and every plan shows the same change
   * again until the window has passed. A change of the replica count is made at once either way.
   *
   * @default true - changes to the nodes are made during `terraform apply`
   */
  readonly applyImmediately?: boolean;

  /**
   * An ElastiCache snapshot (its name, in `region`) to create the replication group from: `snapshot_name`.
   *
   * It takes effect only when the replication group is created, so it carries the data through a change that
   * replaces the data store (see docs/changes.md): take a snapshot of the current
   * replication group, name it here and accept the replacement (`acceptReplacement`). Changing or removing it later
   * changes nothing.
   *
   * @default - the replication group starts empty
   */
  readonly restoreFromSnapshot?: string;

  /**
   * Adopts an existing replication group instead of creating one: Terraform import blocks bring it and its subnet
   * group under the construct, and the first plan changes them in place to meet the plan. The construct's other
   * resources (user, user group, security group, parameter group) are created and swapped in, in place. While
   * `adopt` is set the replication group has `prevent_destroy`, so a plan that would replace it (another port,
   * KMS key or engine downgrade than the existing data store has) stops instead; remove `adopt` after the first
   * apply. Needs Terraform 1.5 or later. See docs/adoption.md.
   *
   * @default - a new replication group is created
   */
  readonly adopt?: ElastiCacheAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type ElastiCacheProps = CurrentProps<ElastiCacheBackendProps, 'vpcId' | 'kmsKeyArn', 'network'>;
