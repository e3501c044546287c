import { AIVEN_ACCESS } from './access';
import { AIVEN_ADOPTION_CONSEQUENCES, AIVEN_ADOPTION_RULE, aivenAdoption } from './adopt';
import { AIVEN_ALERTS } from './alert-plan';
import { AIVEN_CHANGES } from './changes';
import { AivenSettings, planAiven } from './plan';
import { AivenProps, AivenValkeyVersion, AivenAdoption } from './props';
import { AIVEN_REGIONS, aivenRegionOf, aivenRegionsOf } from './regions';
import { AIVEN_PROP_RULES } from './validation';
import { ChoreoRedisError, Cloud, MAINTENANCE_WINDOW_TYPE, ProductPromise, PropTypes, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, plannedExpectations } from '../definition';

const PROP_TYPES: PropTypes<AivenProps> = {
  project: required('string', { fix: 'the Aiven project\'s name, such as "my-project"' }),
  cloud: 'string',
  region: 'string',
  cloudName: 'string',
  engineVersion: { isInstance: (v) => v instanceof AivenValkeyVersion, name: 'AivenValkeyVersion', example: 'AivenValkeyVersion.VALKEY_8_1' },
  maintenanceWindow: MAINTENANCE_WINDOW_TYPE,
  forkFrom: 'string',
  adopt: shapeOf<AivenAdoption>({ serviceId: required('string') }, 'AivenAdoption'),
};

/**
 * Aiven for Valkey on one cloud: its identity, validation and planning, without any provider binding. Aiven runs
 * on all four clouds; the four definitions differ only in the cloud and its regions, and `aivenDefinitionFor`
 * picks one by the props' `cloud`.
 */
function aivenDefinition(cloud: Cloud): BackendDefinition<AivenProps, AivenSettings> {
  return {
    id: 'aiven',
    factory: 'aiven',
    cloud,
    service: 'Aiven for Valkey',
    changes: AIVEN_CHANGES,
    regions: AIVEN_REGIONS[cloud].table,
    regionProp: 'region',
    // The binding is hand-typed in ./binding and ships with the library: no provider package to install.
    packages: {},
    // Every promise but the recovery point, which single-node plans miss (RDB dumps are 10 minutes apart), standbys in other
    // zones, which DigitalOcean's datacenters lack, and the SLA, which Aiven does not give hobbyist services.
    enforcesWhenAsked: ['allow-list', 'allow-list-ipv6', 'lua-off', 'lua-on'],
    keeps: Object.values(ProductPromise)
      .filter((promise) => ![ProductPromise.RECOVERY_POINT, ProductPromise.ZONE_REDUNDANCY, ProductPromise.AVAILABILITY_SLA].includes(promise)),
    // terraform-provider-aiven v4.61.0: `resourceServiceDelete` (internal/schemautil/service.go) deletes the service,
    // refused while `termination_protection` is true; the user goes with it. aiven-docs
    // `docs/platform/concepts/service_backups.md`: backups are deleted a number of days after the service is.
    lifecycle: {
      destroyDeletes: [
        'the application user',
        'the Valkey service with its data (Aiven refuses while termination_protection is true, which deletion protection sets)',
      ],
      destroyLeaves: [
        'the Aiven project, which the stack names but does not define',
        'the service\'s backups, which Aiven deletes some days after the service and can restore through its support until then',
      ],
      uniqueNames: [{
        name: 'service name',
        scope: 'the Aiven project',
        how: 'the given name, or one derived from the construct path with a hash of it; two Aiven data stores of one app with the same name in one project are refused at synth, whatever their stacks and clouds',
      }],
      removal: 'With deletion protection (Business and Premium), termination_protection makes Aiven refuse the delete: the apply fails '
        + 'and the data stays. Without it, Terraform deletes the service; Aiven keeps its backups some days, and its support can restore '
        + 'them until then',
      tokenCidrs: 'each token entry becomes its canonical CIDR block (an address gets /32 or /128, host bits are cleared), the form ip_filter_string holds',
    },
    alerts: AIVEN_ALERTS,
    access: AIVEN_ACCESS,
    propTypes: PROP_TYPES,
    regionOf: aivenRegionOf,
    nameScopeOf: (props) => `project ${props.project}`,
    validate: (props, isUnresolved, skipped) =>
      checkRules([...AIVEN_PROP_RULES, AIVEN_ADOPTION_RULE], props, isUnresolved, skipped),
    adoptionOf: aivenAdoption,
    adoptionConsequences: AIVEN_ADOPTION_CONSEQUENCES,
    plan: planAiven,
    verifierExpectations: plannedExpectations(planAiven, { project: 'verify', cloud, region: Object.keys(AIVEN_REGIONS[cloud].table.regions)[0] }),
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so the binding loads only then
    loadRenderer: () => (require('./render') as typeof import('./render')).renderAiven,
  };
}

/** The Aiven definitions, one per cloud. */
export const AIVEN_DEFINITIONS: Readonly<Record<Cloud, BackendDefinition<AivenProps, AivenSettings>>> = {
  [Cloud.AWS]: aivenDefinition(Cloud.AWS),
  [Cloud.AZURE]: aivenDefinition(Cloud.AZURE),
  [Cloud.GCP]: aivenDefinition(Cloud.GCP),
  [Cloud.DIGITALOCEAN]: aivenDefinition(Cloud.DIGITALOCEAN),
};

/**
 * Aiven among every backend's definition (`BACKEND_DEFINITIONS`), for what treats backends alike: its factory, its
 * prop types and the promises it keeps, which are the same on every cloud. Its `cloud` and `regions` are AWS's;
 * a data store uses the definition of its own cloud.
 */
export const AIVEN: BackendDefinition<AivenProps, AivenSettings> = AIVEN_DEFINITIONS[Cloud.AWS];

/** The cloud each prefix of Aiven's cloud names stands for (`aws-eu-west-1`, `azure-westeurope`, `google-europe-west1`, `do-ams`). */
const CLOUD_NAME_PREFIXES: Readonly<Record<string, Cloud>> = { aws: Cloud.AWS, azure: Cloud.AZURE, google: Cloud.GCP, do: Cloud.DIGITALOCEAN };

/** The cloud an Aiven cloud name's prefix names, if it is one of the four. */
function cloudOfCloudName(cloudName: string | undefined): Cloud | undefined {
  return cloudName === undefined ? undefined : CLOUD_NAME_PREFIXES[cloudName.split('-')[0]];
}

/**
 * The props with their cloud (their declared types checked before, by the factory): `cloud` as given, or the cloud of
 * `cloudName`'s prefix when `cloud` is omitted; both given must agree.
 */
export function aivenPropsWithCloud(props: AivenProps): AivenProps {
  const named = cloudOfCloudName(props.cloudName);
  const clouds = `Cloud.${Object.keys(Cloud).join(', Cloud.')}`;
  if (props.cloud === undefined) {
    if (named !== undefined) return { ...props, cloud: named };
    throw new ChoreoRedisError('MissingCloud', props.cloudName === undefined
      ? `RedisBackend.aiven({ cloud }) is missing; give the cloud Aiven runs the service on, one of ${clouds}, or a cloudName whose prefix names it.`
      : `RedisBackend.aiven({ cloud }) is missing and cloudName "${props.cloudName}" does not start with a prefix of the four clouds (${Object.keys(CLOUD_NAME_PREFIXES).map((p) => `${p}-`).join(', ')}); give cloud, one of ${clouds}.`);
  }
  if (named !== undefined && named !== props.cloud) {
    const cloudKey = Object.keys(Cloud).find((k) => Cloud[k as keyof typeof Cloud] === props.cloud) ?? String(props.cloud);
    throw new ChoreoRedisError('CloudNameMismatch',
      `RedisBackend.aiven({ cloudName }) "${props.cloudName}" is a cloud of ${named}, but cloud is Cloud.${cloudKey}; omit cloud (the cloud name's prefix gives it), or give a cloudName of ${props.cloud}.`);
  }
  return props;
}

/** The definition for the props' cloud (the cloud picks the definition), for props with their cloud. */
export function aivenDefinitionFor(props: AivenProps): BackendDefinition<AivenProps, AivenSettings> {
  return AIVEN_DEFINITIONS[aivenRegionsOf(props).table.cloud];
}
