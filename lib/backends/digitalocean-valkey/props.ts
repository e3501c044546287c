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
 * Where and how a DigitalOcean Managed Valkey data store runs.
 */
export interface DigitalOceanValkeyBackendProps {
  /**
   * The DigitalOcean region slug, one of the US or EU regions (for example `nyc3` or `fra1`).
   */
  readonly region: string;

  /**
   * The project the cluster belongs to (a UUID).
   *
   * @default - the account's default project
   */
  readonly projectId?: string;

  /**
   * The VPC network the cluster joins (a UUID). Clients in it reach the cluster on its private host.
   *
   * @default - the account's default VPC network of the region
   */
  readonly privateNetworkUuid?: string;

  /**
   * The Valkey version.
   *
   * @default DigitalOceanValkeyVersion.V8
   */
  readonly engineVersion?: DigitalOceanValkeyVersion;
}
