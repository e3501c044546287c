import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { definedAttributes, hclAttributes } from './hcl';

/**
 * The Terraform provider this binding is written against: its source address and the versions it accepts.
 * Everything the binding emits exists in terraform-provider-aiven v4.61.0; `~> 4.61` allows later 4.x releases.
 */
export const AIVEN_PROVIDER_SOURCE = 'aiven/aiven';
export const AIVEN_PROVIDER_VERSION_CONSTRAINT = '~> 4.61';

/** What every Aiven resource and data source of this binding declares, so that cdktf checks the stack has the provider. */
export const AIVEN_GENERATOR_METADATA = { providerName: 'aiven', providerVersionConstraint: AIVEN_PROVIDER_VERSION_CONSTRAINT };

/**
 * Configuration of the Aiven Terraform provider.
 */
export interface AivenProviderConfig {
  /**
   * An Aiven API token (sensitive: pass a Terraform variable marked sensitive, never a literal).
   *
   * @default - the provider reads the token from the `AIVEN_TOKEN` environment variable
   */
  readonly apiToken?: string;

  /**
   * An alias, to configure more than one Aiven provider in a stack.
   *
   * @default - the default provider configuration
   */
  readonly alias?: string;
}

/**
 * The Aiven Terraform provider (`aiven/aiven`, version `~> 4.61`), for stacks with a `RedisBackend.aiven()`
 * data store: a `ChoreoRedis` never creates providers, so add one to the stack.
 *
 * Only `api_token` is configurable (terraform-provider-aiven v4.61.0, `internal/plugin/provider.go`: the
 * provider's schema has that one optional, sensitive attribute); without it the provider reads `AIVEN_TOKEN`
 * (`docs/index.md`). This is a hand-written binding of the parts of the provider this library uses, not a
 * generated one: HCL output (`App({ hclOutput: true })`) is supported for what it covers.
 *
 * @example
 * new AivenProvider(stack, 'aiven');
 */
export class AivenProvider extends TerraformProvider {
  /** The API token, when one is configured rather than read from `AIVEN_TOKEN`. */
  public readonly apiToken?: string;
  private providerAlias?: string;

  constructor(scope: Construct, id: string, config: AivenProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'aiven',
      terraformGeneratorMetadata: AIVEN_GENERATOR_METADATA,
      terraformProviderSource: AIVEN_PROVIDER_SOURCE,
    });
    this.apiToken = config.apiToken;
    this.providerAlias = config.alias;
  }

  /** The provider configuration's alias, if any. */
  public get alias(): string | undefined {
    return this.providerAlias;
  }

  public set alias(value: string | undefined) {
    this.providerAlias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return definedAttributes({ api_token: this.apiToken, alias: this.providerAlias });
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes(this.synthesizeAttributes());
  }
}
