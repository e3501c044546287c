import { Fn, IResolvable, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DataAivenServicePlanList } from './binding/service-plan-list';
import { AivenValkey } from './binding/valkey';
import { AivenValkeyUser } from './binding/valkey-user';
import { AivenPlanCheck, AivenSettings } from './plan';
import { Planned, RedisBinding } from '../definition';

/**
 * True at plan time when the project's plan list has the plan, with its node count, in the cloud. The data
 * source is read during `terraform plan`, so a plan or region Aiven does not offer stops the plan before anything
 * is created. `try` turns a plan without `regions` into false.
 */
function planOffered(planList: DataAivenServicePlanList, check: AivenPlanCheck): IResolvable {
  const plans = TerraformIterator.fromList(planList.servicePlans);
  return Fn.anytrue(Token.asList(plans.forExpressionForList(
    `try(val.service_plan == ${JSON.stringify(check.plan)} && val.node_count == ${check.nodeCount} && contains(keys(val.regions), ${JSON.stringify(check.cloudName)}), false)`,
  )));
}

/**
 * Defines an Aiven for Valkey data store: the service, its application user, and the plan-list check; with alerts,
 * the service's contacts (`tech_emails`).
 */
export function renderAiven(scope: Construct, plan: Planned<AivenSettings>): RedisBinding {
  const { settings } = plan;
  const planList = new DataAivenServicePlanList(scope, 'PlanList', { project: settings.project, serviceType: 'valkey' });
  const service = new AivenValkey(scope, 'Resource', {
    project: settings.project,
    serviceName: plan.name,
    plan: settings.plan,
    cloudName: settings.cloudName,
    terminationProtection: settings.terminationProtection,
    maintenanceWindowDow: settings.maintenanceWindowDow,
    maintenanceWindowTime: settings.maintenanceWindowTime,
    tag: settings.tags,
    techEmails: settings.alerts === undefined ? undefined : [...settings.alerts.techEmails],
    valkeyUserConfig: {
      ipFilterString: settings.ipFilter,
      valkeySsl: true,
      valkeyPersistence: settings.persistence.mode,
      frequentSnapshots: settings.persistence.frequentSnapshots,
      valkeyMaxmemoryPolicy: settings.evictionPolicy,
      valkeyVersion: plan.engineVersion,
    },
    lifecycle: {
      precondition: [
        { condition: planOffered(planList, settings.planCheck), errorMessage: settings.planCheck.errorMessage },
        ...settings.ipFilterChecks.map((check) => ({ ...check })),
      ],
    },
  });
  const user = new AivenValkeyUser(scope, 'User', {
    project: settings.project,
    serviceName: service.serviceName,
    username: settings.username,
    valkeyAclCategories: settings.acl.categories,
    valkeyAclCommands: settings.acl.commands,
    valkeyAclKeys: settings.acl.keys,
    valkeyAclChannels: settings.acl.channels,
  });

  return {
    resource: service,
    statefulResources: [service],
    host: service.serviceHost,
    port: service.servicePort,
    user: settings.username,
    password: user.password,
  };
}
