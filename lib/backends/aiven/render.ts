import { Fn, IResolvable, Op, TerraformIterator, Token, ref } from 'cdktf';
import { Construct } from 'constructs';
import { DataAivenServicePlanList } from './binding/service-plan-list';
import { AivenValkey } from './binding/valkey';
import { AivenValkeyUser } from './binding/valkey-user';
import { AivenPlanCheck, AivenSettings } from './plan';
import { PASSWORD_NOT_READY, rotationSlots } from '../../plan';
import { Planned, RedisBinding } from '../definition';
import { lazyPackageModule } from '../lazy';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, so that data stores without rotation never load it */
/** The random provider's password, loaded only for data stores that rotate. */
const passwordModule = lazyPackageModule('@cdktf/provider-random@12.0.1', 'access.rotation on Aiven for Valkey',
  () => require('@cdktf/provider-random/lib/password') as typeof import('@cdktf/provider-random/lib/password'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** Suffix of the second application user, which takes turns with the first when credentials rotate. */
const NEXT_USER_SUFFIX = '-next';

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
      serviceToForkFrom: settings.forkFrom,
    },
    lifecycle: {
      // A fork needs its source running: the new service is created before the old one is deleted.
      createBeforeDestroy: settings.forkFrom === undefined ? undefined : true,
      precondition: [
        { condition: planOffered(planList, settings.planCheck), errorMessage: settings.planCheck.errorMessage },
        ...settings.ipFilterChecks.map((check) => ({ ...check })),
      ],
    },
  });
  // Without rotation Aiven generates the password. With rotation two users take turns (rotationSlots): a
  // generation gives the user that holds the older password a new random one, and the other keeps its own. The
  // first user keeps Aiven's password until its first renewal, so turning rotation on changes nothing.
  const access = plan.request.access;
  const slots = rotationSlots(access?.rotation ?? 0);
  const newPassword = (id: string, generation: number): string | undefined => (generation < 1 ? undefined
    : new (passwordModule().Password)(scope, id, {
      length: 32,
      special: false,
      minLower: 1,
      minUpper: 1,
      minNumeric: 1,
      keepers: { rotation: String(generation) },
    }).result);
  const defineUser = (id: string, username: string, password: string | undefined): AivenValkeyUser => new AivenValkeyUser(scope, id, {
    project: settings.project,
    serviceName: service.serviceName,
    username,
    password,
    valkeyAclCategories: settings.acl.categories,
    valkeyAclCommands: settings.acl.commands,
    valkeyAclKeys: settings.acl.keys,
    valkeyAclChannels: settings.acl.channels,
    // A freshly created user can be read back before Aiven has generated its password (aiven PR#3019, after v4.61.0).
    lifecycle: password === undefined ? { postcondition: [{ condition: Op.gte(Fn.lengthOf(ref('self.password')), 1), errorMessage: PASSWORD_NOT_READY }] } : undefined,
  });
  const users = [{ username: settings.username, resource: defineUser('User', settings.username, newPassword('Password', slots.generations[0])) }];
  if (access?.rotates === true && slots.generations[1] >= 1) {
    const username = `${settings.username}${NEXT_USER_SUFFIX}`;
    users.push({ username, resource: defineUser('NextUser', username, newPassword('NextPassword', slots.generations[1])) });
  }
  const current = users[slots.current] ?? users[0];

  return {
    resource: service,
    statefulResources: [service],
    host: service.serviceHost,
    port: service.servicePort,
    user: current.username,
    password: current.resource.password,
  };
}
