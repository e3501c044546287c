/**
 * Aiven for Valkey written by hand: the resources `RedisBackend.aiven` defines for the `aiven-*` matrix clouds,
 * with the hand-typed binding's classes and no library code.
 */
import { Fn, Op, TerraformIterator, Token, ref } from 'cdktf';
import { Baseline, MatrixVariant, evictionPolicyOf, verifyOf } from '../../../../bench/baselines/baseline';
import { ServicePlan } from '../../../plan';
import { guardReplacement } from '../../replacement-guard';
import { recordStagedChange, stagedStateOf } from '../../staged-change';
import { AivenProvider } from '../binding/provider';
import { DataAivenServicePlanList } from '../binding/service-plan-list';
import { AivenValkey } from '../binding/valkey';
import { AivenValkeyUser } from '../binding/valkey-user';
import { AIVEN_CHANGES } from '../changes';

const PROJECT = 'choreo-data';
const USER = 'app';
const VARIANTS: readonly MatrixVariant[] = ['hobbyist', 'startup', 'business', 'premium', 'restricted'];
const LUA = ['-eval', '-eval_ro', '-evalsha', '-evalsha_ro', '-fcall', '-fcall_ro', '-function', '-script'];

interface Variant {
  readonly tier: string;
  readonly plan: string;
  readonly nodes: number;
  /** max(10000, 4 x MB) of the plan's memory per node. */
  readonly connections: number;
  readonly ipFilter: string[];
  readonly commands: string[];
}

const OPEN = ['0.0.0.0/0', '::/0'];

/** The variants on a cloud, whose Hobbyist runs on `hobbyistPlan`. */
const variants = (hobbyistPlan: string): Record<MatrixVariant, Variant> => ({
  hobbyist: { tier: 'hobbyist', plan: hobbyistPlan, nodes: 1, connections: hobbyistPlan === 'hobbyist' ? 10000 : 16384, ipFilter: OPEN, commands: ['-role'] },
  startup: { tier: 'startup', plan: 'startup-4', nodes: 1, connections: 16384, ipFilter: OPEN, commands: ['-role'] },
  business: { tier: 'business', plan: 'business-4', nodes: 2, connections: 16384, ipFilter: OPEN, commands: ['-role'] },
  premium: { tier: 'premium', plan: 'premium-8', nodes: 3, connections: 32768, ipFilter: OPEN, commands: ['-role'] },
  restricted: {
    tier: 'business', plan: 'business-4', nodes: 2, connections: 16384, ipFilter: ['198.51.100.7/32', '203.0.113.0/24'], commands: ['-role', ...LUA],
  },
});

function aivenBaseline(cloud: string, cloudName: string, hobbyistPlan: string): Baseline {
  const byVariant = variants(hobbyistPlan);
  return {
    cloud: `aiven-${cloud}`,
    variants: VARIANTS,
    configure(stack) {
      new AivenProvider(stack, 'aiven');
    },
    define(scope, variant, name) {
      const v = byVariant[variant];
      const failover = v.nodes > 1;
      const planList = new DataAivenServicePlanList(scope, 'PlanList', { project: PROJECT, serviceType: 'valkey' });
      const offered = Fn.anytrue(Token.asList(TerraformIterator.fromList(planList.servicePlans).forExpressionForList(
        `try(val.service_plan == "${v.plan}" && val.node_count == ${v.nodes} && contains(keys(val.regions), "${cloudName}"), false)`)));
      const service = new AivenValkey(scope, 'Resource', {
        project: PROJECT,
        serviceName: name,
        plan: v.plan,
        cloudName,
        terminationProtection: failover,
        tag: [{ key: 'choreo-plan', value: v.tier }, { key: 'managed-by', value: 'cdktf-choreo-redis' }],
        valkeyUserConfig: {
          ipFilterString: v.ipFilter,
          valkeySsl: true,
          valkeyPersistence: 'rdb',
          frequentSnapshots: true,
          valkeyMaxmemoryPolicy: evictionPolicyOf(variant),
          valkeyVersion: '8.1',
        },
        lifecycle: {
          precondition: [{
            condition: offered,
            errorMessage: `The Aiven project offers no ${v.plan} Valkey plan with ${v.nodes} node(s) in ${cloudName}. Choose another region or memoryGib, and list what the project offers with "avn service plans --service-type valkey --cloud ${cloudName}".`,
          }],
          preventDestroy: failover ? true : undefined,
        },
      });
      const plan = (variant === 'restricted' ? 'business' : variant) as ServicePlan;
      recordStagedChange(scope, service, AIVEN_CHANGES, stagedStateOf(AIVEN_CHANGES, 'Aiven for Valkey', plan)!);
      guardReplacement(scope, service, AIVEN_CHANGES, { service: 'Aiven for Valkey' });
      const user = new AivenValkeyUser(scope, 'User', {
        project: PROJECT,
        serviceName: service.serviceName,
        username: USER,
        valkeyAclCategories: ['+@all'],
        valkeyAclCommands: v.commands,
        valkeyAclKeys: ['*'],
        valkeyAclChannels: ['*'],
        lifecycle: {
          postcondition: [{
            condition: Op.gte(Fn.lengthOf(ref('self.password')), 1),
            errorMessage: 'The data store\'s password is empty: the service has not generated it yet. Run terraform apply again.',
          }],
        },
      });
      return {
        host: service.serviceHost, port: service.servicePort, user: USER, password: user.password, verify: verifyOf('aiven', variant, v.connections, v.nodes),
      };
    },
  };
}

/** One baseline per matrix cloud: Aiven offers hobbyist on Google Cloud and DigitalOcean only. */
export const baseline: readonly Baseline[] = [
  aivenBaseline('aws', 'aws-eu-west-1', 'startup-4'),
  aivenBaseline('azure', 'azure-westeurope', 'startup-4'),
  aivenBaseline('gcp', 'google-europe-west1', 'hobbyist'),
  aivenBaseline('digitalocean', 'do-ams', 'hobbyist'),
];
