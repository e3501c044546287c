import { IResolvable, TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { definedAttributes, hclAttributes } from './hcl';
import { AIVEN_GENERATOR_METADATA } from './provider';

/** `aiven_service_plan_list` arguments (terraform-provider-aiven v4.61.0, `docs/data-sources/service_plan_list.md`). */
export interface DataAivenServicePlanListConfig extends TerraformMetaArguments {
  /** `project`. */
  readonly project: string;
  /** `service_type`, such as `valkey`. */
  readonly serviceType: string;
}

/**
 * The service plans of one service type in a project, with each plan's regions: `data "aiven_service_plan_list"`
 * of terraform-provider-aiven v4.61.0 (`internal/plugin/service/planlist`; not a beta data source). Each element
 * of `service_plans` has `service_plan`, `node_count` and `regions`, a map from cloud name to the plan's
 * `node_memory_mb`, `node_cpu_count`, price and disk in that region. Terraform reads it during plan.
 */
export class DataAivenServicePlanList extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'aiven_service_plan_list';

  private readonly config: DataAivenServicePlanListConfig;

  constructor(scope: Construct, id: string, config: DataAivenServicePlanListConfig) {
    super(scope, id, {
      terraformResourceType: DataAivenServicePlanList.tfResourceType,
      terraformGeneratorMetadata: AIVEN_GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
    this.config = config;
  }

  /** `service_plans`: the list of plans, for Terraform expressions. */
  public get servicePlans(): IResolvable {
    return this.interpolationForAttribute('service_plans');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return definedAttributes({ project: this.config.project, service_type: this.config.serviceType });
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes(this.synthesizeAttributes());
  }
}
