import type { MaintenanceWindow } from '../../plan/maintenance';
import type { CurrentProps } from '../../plan/renamed-props';
import type { ServicePlan } from '../../plan/service-plan';
import type { MemorystoreMaintenanceDay, MemorystorePrivateDnsZone } from '../google/props';

/** A Memorystore for Valkey engine version. */
export class MemorystoreValkeyVersion {
  /** Valkey 8.0. */
  public static readonly VALKEY_8_0 = new MemorystoreValkeyVersion('VALKEY_8_0');
  /** Valkey 7.2. */
  public static readonly VALKEY_7_2 = new MemorystoreValkeyVersion('VALKEY_7_2');

  /** A version not listed here, as the API names it (`VALKEY_<major>_<minor>`). */
  public static of(version: string): MemorystoreValkeyVersion {
    return new MemorystoreValkeyVersion(version);
  }

  /** @param version the API's name, such as `VALKEY_8_0` */
  private constructor(public readonly version: string) {}
}

/**
 * An existing Memorystore for Valkey instance to bring under the construct, by the ID Terraform imports it by.
 */
export interface MemorystoreValkeyAdoption {
  /**
   * The instance's ID, `projects/{project}/locations/{region}/instances/{name}`; its project and region must be the
   * backend's, and its name becomes the data store's name.
   */
  readonly instanceId: string;
}

/**
 * A move between plans that Memorystore for Valkey takes only one field at a time (Hobbyist and Startup, Business and
 * Premium), applied one update per deploy: step 1, deploy, step 2, deploy, and so on to the last step that the
 * plan-time stop names; then remove it.
 */
export interface MemorystoreValkeyPlanChange {
  /** The plan the instance was on before the move. */
  readonly from: ServicePlan;
  /**
   * The step this deploy applies, from 1 to the number of steps the plan-time stop names. Each step changes one field
   * of the instance (node type with its maxclients, replicas, backup schedule, labels, in that order) and records it.
   */
  readonly step: number;
}

/**
 * Where and how a Memorystore for Valkey data store runs.
 */
export interface MemorystoreValkeyBackendProps {
  /** The Google Cloud project ID, set on every resource. */
  readonly project: string;

  /**
   * The region, one of the US or EU regions (for example `us-central1` or `europe-west1`).
   */
  readonly region: string;

  /**
   * The VPC network that gets the Private Service Connect endpoints, as
   * `projects/<project>/global/networks/<name>`.
   */
  readonly network: string;

  /**
   * Subnetworks of `network` (full names) for a service connection policy of class `gcp-memorystore`,
   * which Private Service Connect needs once per network and region. Google Cloud allows one such policy per
   * network and region: give this to one data store of the app only (the others on that network and region use
   * its policy), and leave it out where the network already has one.
   *
   * @default - no policy is defined: the network must already have one for this region
   */
  readonly pscSubnetworks?: string[];

  /**
   * IAM members allowed to connect, such as `serviceAccount:app@my-project.iam.gserviceaccount.com`: each
   * gets `roles/memorystore.dbConnectionUser` on the project, so that it can authenticate with its own
   * access token.
   *
   * @default - none: only identities that already hold the role (or Owner) can connect
   */
  readonly clientMembers?: string[];

  /**
   * The engine version.
   *
   * @default MemorystoreValkeyVersion.VALKEY_8_0
   */
  readonly engineVersion?: MemorystoreValkeyVersion;

  /**
   * A Cloud KMS key in `region` for encryption at rest (`projects/.../locations/<region>/keyRings/.../cryptoKeys/...`).
   *
   * @default - Google-managed encryption keys
   */
  readonly kmsKey?: string;

  /**
   * A Memorystore for Valkey backup to create the instance from (`managed_backup_source`), by its full name:
   * `projects/<project>/locations/<region>/backupCollections/<collection>/backups/<backup>`.
   *
   * It takes effect only when the instance is created, so it carries the data through a change that replaces the
   * data store (see docs/changes.md): back up the current instance, name the
   * backup here and accept the replacement (`acceptReplacement`). Changing or removing it later changes nothing.
   *
   * @default - the instance starts empty
   */
  readonly restoreFromBackup?: string;

  /**
   * Memorystore's own deletion protection: while on, the API refuses to delete the instance, and the library
   * also makes Terraform refuse a destroy (`prevent_destroy`); set it to false and apply before destroying.
   *
   * @default - the data store's deletionProtection: on for Business and Premium, off for Hobbyist and Startup, whose
   * `terraform destroy` then deletes the instance
   */
  readonly serviceDeletionProtection?: boolean;

  /**
   * The hour (UTC, 0-23) of the daily automated backup for plans with backup history.
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
   * A private Cloud DNS zone, visible to `network`, for a record that names the primary endpoint.
   *
   * @default - no record: the service URI holds the primary endpoint's IP address, which stays the same across failover
   */
  readonly privateDnsZone?: MemorystorePrivateDnsZone;

  /**
   * Applies a move from another plan one update per deploy. Memorystore takes one field per update, so a move
   * between Hobbyist and Startup, or between Business and Premium, which changes node type, replicas, backups and
   * labels, is stopped at plan time with its steps; set this to `{ from: <the previous plan>, step: 1 }` with the new
   * `plan`, deploy, raise `step` by one and deploy again up to the last step, then remove it. See docs/changes.md,
   * "Memorystore for Valkey".
   *
   * @default - no move in progress: a move the API refuses as one update is stopped at plan time
   */
  readonly planChange?: MemorystoreValkeyPlanChange;

  /**
   * Adopts an existing instance instead of creating one: a Terraform import block brings it under the construct, and
   * the first plan changes it in place to meet the plan; what the construct defines beside it is created anew. While
   * `adopt` is set the instance has `prevent_destroy`, so a plan that would replace it (another network, `kmsKey` or replica mode than the instance has)
   * stops instead; remove `adopt` after the first apply. Needs Terraform 1.5 or later. See docs/adoption.md.
   *
   * @default - a new instance is created
   */
  readonly adopt?: MemorystoreValkeyAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type MemorystoreValkeyProps = CurrentProps<MemorystoreValkeyBackendProps, 'maintenanceDay' | 'maintenanceHour'>;
