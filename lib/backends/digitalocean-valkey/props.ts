import type { CurrentProps } from '../../plan/renamed-props';

/**
 * A Valkey version of DigitalOcean Managed Valkey, written as DigitalOcean's version slug (the major version).
 */
export class DigitalOceanValkeyVersion {
  /** Valkey 8. */
  public static readonly V8 = new DigitalOceanValkeyVersion('8');

  /**
   * A version not listed here, as DigitalOcean's slug: the major version, 8 or later (for example `"9"`).
   */
  public static of(version: string): DigitalOceanValkeyVersion {
    return new DigitalOceanValkeyVersion(version);
  }

  /** @param version the major version, such as `8` */
  private constructor(public readonly version: string) {}
}

/**
 * An existing DigitalOcean Managed Valkey cluster to bring under the construct, by the ID Terraform imports it by.
 */
export interface DigitalOceanValkeyAdoption {
  /**
   * The cluster's ID, a UUID. It does not carry the cluster's name: set `name` on the ChoreoRedis construct to the
   * cluster's name exactly.
   */
  readonly clusterId: string;
}

/**
 * Where and how a DigitalOcean Managed Valkey data store runs.
 */
export interface DigitalOceanValkeyBackendProps {
  /**
   * The DigitalOcean region slug, one of the US or EU regions (for example `nyc3` or `fra1`).
   */
  readonly region: string;

  /**
   * The project the cluster belongs to, by its UUID.
   *
   * @default - the account's default project
   */
  readonly project?: string;

  /**
   * The old name of `project`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `project`
   */
  readonly projectId?: string;

  /**
   * The VPC network the cluster joins, by its UUID. Clients in it reach the cluster on its private host.
   *
   * @default - the account's default VPC network of the region
   */
  readonly network?: string;

  /**
   * The old name of `network`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `network`
   */
  readonly privateNetworkUuid?: string;

  /**
   * The Valkey version.
   *
   * @default DigitalOceanValkeyVersion.V8
   */
  readonly engineVersion?: DigitalOceanValkeyVersion;

  /**
   * Adopts an existing cluster instead of creating one: Terraform import blocks bring the cluster, its Valkey
   * configuration and, with `allowedCidrs`, its firewall under the construct, and the first plan changes them in place
   * to meet the plan. `name` must be the cluster's name. While `adopt` is set the cluster has `prevent_destroy`, so a
   * plan that would replace it (another name, VPC network or project than the cluster has) stops instead; remove
   * `adopt` after the first apply. Needs Terraform 1.5 or later. See docs/adoption.md.
   *
   * @default - a new cluster is created
   */
  readonly adopt?: DigitalOceanValkeyAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type DigitalOceanValkeyProps = CurrentProps<DigitalOceanValkeyBackendProps, 'projectId' | 'privateNetworkUuid'>;
