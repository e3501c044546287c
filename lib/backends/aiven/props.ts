import { Cloud } from '../../plan/cloud';
import type { MaintenanceWindow } from '../../plan/maintenance';
import type { CurrentProps } from '../../plan/renamed-props';

/**
 * A Valkey version of Aiven for Valkey (`valkey_version`), written as Aiven names it: `<major>.<minor>`.
 *
 * Aiven creates services with 8.1 and 9.1, and with 9.0 until 2026-08-31 (aiven-docs
 * `docs/products/valkey/reference/version-lifecycle.md`). A service upgrades in place; Aiven refuses downgrades.
 */
export class AivenValkeyVersion {
  /** Valkey 8.1. */
  public static readonly VALKEY_8_1 = new AivenValkeyVersion('8.1');
  /** Valkey 9.1. */
  public static readonly VALKEY_9_1 = new AivenValkeyVersion('9.1');

  /**
   * A version not listed here, as `<major>.<minor>` (8.1 or later), such as `"9.0"`.
   */
  public static of(version: string): AivenValkeyVersion {
    return new AivenValkeyVersion(version);
  }

  /** @param version `<major>.<minor>` */
  private constructor(public readonly version: string) {}
}

/**
 * An existing Aiven for Valkey service to bring under the construct, by the ID Terraform imports it by.
 */
export interface AivenAdoption {
  /**
   * The service's ID, `{project}/{service_name}`; its project must be `project`, and its service name becomes the data
   * store's name.
   */
  readonly serviceId: string;
}

/**
 * Where and how an Aiven for Valkey data store runs.
 */
export interface AivenBackendProps {
  /**
   * The Aiven project the service belongs to, by name: an existing project with billing set up (or a
   * reference to an `aiven_project` resource's `project`).
   */
  readonly project: string;

  /**
   * The cloud Aiven runs the service on.
   *
   * @default - the cloud `cloudName` starts with (`aws-`, `azure-`, `google-`, `do-`); give `cloud` or `cloudName`
   */
  readonly cloud?: Cloud;

  /**
   * The cloud's own region ID, one of its US or EU regions where Aiven runs (for example `eu-west-1` on AWS,
   * `westeurope` on Azure, `europe-west1` on GCP, `ams3` on DigitalOcean). It becomes Aiven's `cloud_name`,
   * such as `aws-eu-west-1`, `azure-westeurope`, `google-europe-west1` or `do-ams`.
   *
   * @default - the region of `cloudName`; give `region` or `cloudName`
   */
  readonly region?: string;

  /**
   * Aiven's own cloud name, such as `azure-germany-westcentral`, for those who know the region by it. It must be
   * one of Aiven's US or EU clouds of `cloud`, and name the same place as `region` when both are given.
   *
   * @default - derived from `region`
   */
  readonly cloudName?: string;

  /**
   * The Valkey version.
   *
   * @default AivenValkeyVersion.VALKEY_8_1
   */
  readonly engineVersion?: AivenValkeyVersion;

  /**
   * The weekly maintenance window: the day and time (UTC) it starts, such as `{ day: Weekday.SUNDAY, hour: 3 }`.
   *
   * @default - a window Aiven chooses
   */
  readonly maintenanceWindow?: MaintenanceWindow;

  /**
   * The old form of `maintenanceWindow.day` (`monday` to `sunday`), accepted with a warning until release 0.2.0.
   *
   * @deprecated use `maintenanceWindow: { day, hour }`
   */
  readonly maintenanceWindowDow?: string;

  /**
   * The old form of `maintenanceWindow.hour` and `.minute` (`HH:mm:00` in UTC), accepted with a warning until release 0.2.0.
   *
   * @deprecated use `maintenanceWindow: { day, hour }`
   */
  readonly maintenanceWindowTime?: string;

  /**
   * A running Aiven for Valkey service in the same project to create this one as a fork of
   * (`valkey_user_config.service_to_fork_from`): the new service starts with its data.
   *
   * It takes effect only when the service is created, so it carries the data through a change that replaces the data
   * store (another `name` or project; see docs/changes.md): name the current service
   * here and accept the replacement (`acceptReplacement`). Terraform then creates the fork before it deletes the old
   * service (`create_before_destroy`). Changing or removing it later changes nothing.
   *
   * @default - the service starts empty
   */
  readonly forkFrom?: string;

  /**
   * Adopts an existing Valkey service instead of creating one: a Terraform import block brings it under the construct,
   * and the first plan changes it in place to meet the plan (plan, cloud, allow-list and settings all change in place);
   * the application user is created anew. While `adopt` is set the service has `prevent_destroy`; remove `adopt` after
   * the first apply. Needs Terraform 1.5 or later. See docs/adoption.md.
   *
   * @default - a new service is created
   */
  readonly adopt?: AivenAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type AivenProps = CurrentProps<AivenBackendProps, 'maintenanceWindowDow' | 'maintenanceWindowTime'>;
