import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { definedAttributes, hclAttributes } from './hcl';
import { AIVEN_GENERATOR_METADATA } from './provider';

/**
 * One service tag (`tag` block). Aiven's rules: a key of letters, digits, `_` and `-` that starts with a letter,
 * at most 64 characters; a value of at most 64 characters (aiven-docs `docs/platform/howto/tag-resources.md`).
 */
export interface AivenValkeyTag {
  readonly key: string;
  readonly value: string;
}

/**
 * The part of `valkey_user_config` this library sets (terraform-provider-aiven v4.61.0,
 * `internal/sdkprovider/userconfig/service/valkey.go`). Aiven cannot remove an option once it is set
 * (`docs/resources/valkey.md`), so every option here is written on every synth.
 */
export interface AivenValkeyUserConfig {
  /**
   * `ip_filter_string`: the CIDR blocks that may connect (a set of at most 8000). Only one of `ip_filter`,
   * `ip_filter_string` and `ip_filter_object` may be set.
   *
   * @default - Aiven's default, 0.0.0.0/0 and ::/0
   */
  readonly ipFilterString?: string[];

  /**
   * `valkey_ssl`: require TLS.
   *
   * @default true
   */
  readonly valkeySsl?: boolean;

  /**
   * `valkey_persistence`: `rdb` (RDB dumps every 10 minutes when keys change, and backups) or `off` (no dumps
   * and no backups; existing backups are deleted).
   *
   * @default - Aiven's default
   */
  readonly valkeyPersistence?: string;

  /**
   * `frequent_snapshots`: local RDB snapshots every 10 minutes when keys change, rather than only at backups
   * (ignored with `valkey_persistence` off).
   *
   * @default true (Aiven's default)
   */
  readonly frequentSnapshots?: boolean;

  /**
   * `valkey_maxmemory_policy`: `allkeys-lfu`, `allkeys-lru`, `allkeys-random`, `noeviction`, `volatile-lfu`,
   * `volatile-lru`, `volatile-random` or `volatile-ttl` (`StringInSlice`, userconfig/service/valkey.go).
   *
   * @default - Aiven's default, noeviction
   */
  readonly valkeyMaxmemoryPolicy?: string;

  /**
   * `valkey_version`: the Valkey major version, such as `8.1` or `9.1`.
   *
   * @default - the latest stable version on Aiven when the service is created
   */
  readonly valkeyVersion?: string;

  /**
   * `service_to_fork_from`: another service of the project to fork from. ForceNew; it "has effect only when a new
   * service is being created".
   *
   * @default - no fork
   */
  readonly serviceToForkFrom?: string;
}

/** `aiven_valkey` arguments this library sets (terraform-provider-aiven v4.61.0, `docs/resources/valkey.md`). */
export interface AivenValkeyConfig extends TerraformMetaArguments {
  /** `project`: the Aiven project; changing it replaces the service. Pattern `^[a-zA-Z0-9_-]*$`. */
  readonly project: string;
  /** `service_name`: changing it replaces the service. */
  readonly serviceName: string;
  /** `plan`, such as `business-4`: 1 to 128 characters, `^[a-z][a-z0-9_-]*[a-z0-9]$`. */
  readonly plan: string;
  /**
   * `cloud_name`, such as `aws-eu-west-1`; changing it migrates the service.
   *
   * @default - the project's default cloud
   */
  readonly cloudName?: string;
  /**
   * `termination_protection`: while true, Aiven refuses to delete the service.
   *
   * @default false
   */
  readonly terminationProtection?: boolean;
  /**
   * `maintenance_window_dow`: `monday` to `sunday`.
   *
   * @default - a window Aiven chooses
   */
  readonly maintenanceWindowDow?: string;
  /**
   * `maintenance_window_time`: `HH:mm:ss` in UTC.
   *
   * @default - a window Aiven chooses
   */
  readonly maintenanceWindowTime?: string;
  /**
   * `tag` blocks.
   *
   * @default - no tags
   */
  readonly tag?: AivenValkeyTag[];
  /**
   * `tech_emails`: the service contacts, a set of `{ email }` blocks (`email` required), who receive Aiven's
   * e-mails about the service (outages, performance, plan sizes, scheduled maintenance) instead of the project's
   * contacts (`internal/schemautil/service.go` `TechEmailsResourceSchema`; aiven-docs
   * `docs/platform/howto/technical-emails.md`). Each address is one block, written `tech_emails { email = ... }`.
   *
   * @default - no service contacts: Aiven writes to the project's contacts
   */
  readonly techEmails?: string[];
  /**
   * The `valkey_user_config` block.
   *
   * @default - Aiven's defaults
   */
  readonly valkeyUserConfig?: AivenValkeyUserConfig;
}

/**
 * An Aiven for Valkey service: `aiven_valkey` of terraform-provider-aiven v4.61.0
 * (`internal/sdkprovider/service/valkey/valkey.go`, `internal/schemautil/service.go`), hand-typed for the
 * arguments and attributes this library uses.
 */
export class AivenValkey extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'aiven_valkey';

  private readonly config: AivenValkeyConfig;

  constructor(scope: Construct, id: string, config: AivenValkeyConfig) {
    super(scope, id, {
      terraformResourceType: AivenValkey.tfResourceType,
      terraformGeneratorMetadata: AIVEN_GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
      provisioners: config.provisioners,
      connection: config.connection,
    });
    this.config = config;
  }

  /** `service_name`, as a reference that makes dependants wait for the service. */
  public get serviceName(): string {
    return this.getStringAttribute('service_name');
  }

  /** `service_host`: the host name clients connect to; it stays the same on failover. */
  public get serviceHost(): string {
    return this.getStringAttribute('service_host');
  }

  /** `service_port`: the port Aiven assigned to the service. */
  public get servicePort(): number {
    return this.getNumberAttribute('service_port');
  }

  /** `service_username`: the service's built-in user, `default`. */
  public get serviceUsername(): string {
    return this.getStringAttribute('service_username');
  }

  /** `service_password`: the built-in user's password (sensitive). */
  public get servicePassword(): string {
    return this.getStringAttribute('service_password');
  }

  /** `service_uri`: the built-in user's connection URI, password included (sensitive). */
  public get serviceUri(): string {
    return this.getStringAttribute('service_uri');
  }

  /** `valkey[0].password`: the built-in user's password, from the `valkey` block (sensitive). */
  public get valkeyPassword(): string {
    return this.getStringAttribute('valkey[0].password');
  }

  /** `state`: `RUNNING`, `REBUILDING`, `REBALANCING` or `POWEROFF`. */
  public get state(): string {
    return this.getStringAttribute('state');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    const userConfig = c.valkeyUserConfig;
    return definedAttributes({
      project: c.project,
      service_name: c.serviceName,
      plan: c.plan,
      cloud_name: c.cloudName,
      termination_protection: c.terminationProtection,
      maintenance_window_dow: c.maintenanceWindowDow,
      maintenance_window_time: c.maintenanceWindowTime,
      tag: c.tag?.map((t) => ({ key: t.key, value: t.value })),
      tech_emails: c.techEmails?.map((email) => ({ email })),
      valkey_user_config: userConfig === undefined ? undefined : definedAttributes({
        ip_filter_string: userConfig.ipFilterString,
        valkey_ssl: userConfig.valkeySsl,
        valkey_persistence: userConfig.valkeyPersistence,
        frequent_snapshots: userConfig.frequentSnapshots,
        valkey_maxmemory_policy: userConfig.valkeyMaxmemoryPolicy,
        valkey_version: userConfig.valkeyVersion,
        service_to_fork_from: userConfig.serviceToForkFrom,
      }),
    });
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes(this.synthesizeAttributes());
  }
}
