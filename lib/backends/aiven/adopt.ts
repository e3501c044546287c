import { AivenProps } from './props';
import { DEFAULT_VERSION } from './validation';
import { Adoption, AdoptionConsequence, ImportIdFormat, adoptionRules, parseImportId, sameAsProp, whileOmitted, withAllowList } from '../adoption';

/**
 * The import ID of `aiven_valkey`, terraform-provider-aiven v4.61.0 (docs/resources/valkey.md, "Import": the
 * resource ID `PROJECT/SERVICE_NAME`, as `schemautil.BuildResourceID` writes it). Project names are letters, digits,
 * hyphens and underscores, at most 63; service names follow `AIVEN_SERVICE_NAME_RULE`.
 */
const SERVICE_ID: ImportIdFormat = {
  pattern: /^(?<project>[a-zA-Z0-9_-]{1,63})\/(?<name>[a-z][a-z0-9-]{0,63})$/,
  format: '{project}/{service_name}, such as "my-project/orders-cache"',
  source: 'aiven_valkey import, Aiven provider 4.61.0',
};

/** The ID is well formed and names the backend's project. */
export const AIVEN_ADOPTION_RULE = adoptionRules<AivenProps>((props, isUnresolved) => {
  const { project } = parseImportId(props.adopt?.serviceId, SERVICE_ID, 'adopt.serviceId', isUnresolved);
  sameAsProp('project', props.project, project, 'adopt.serviceId', isUnresolved);
}, ['project']);

/**
 * The service, the construct's `Resource`, by its ID; its name becomes the data store's. The application user is
 * created anew: its name is the construct's own, which an existing service does not have.
 */
export function aivenAdoption(props: AivenProps): Adoption | undefined {
  if (props.adopt === undefined) return undefined;
  const { name } = parseImportId(props.adopt.serviceId, SERVICE_ID, 'adopt.serviceId', () => false);
  return { name, source: 'adopt.serviceId', imports: [{ constructId: 'Resource', importId: props.adopt.serviceId }] };
}

/**
 * What the first apply after adopting a service changes (terraform-provider-aiven v4.61.0: plan, cloud_name and
 * valkey_user_config update in place; Aiven moves a service to another plan or cloud in the background).
 */
export const AIVEN_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<AivenProps>[] = [
  {
    code: 'AdoptedPlanMigrated',
    changes: 'plan becomes the Aiven plan of the data store\'s plan and memory, and cloud_name the props\' cloud and region: '
      + 'Aiven moves a service of another plan to it, and migrates one in another cloud or region, in the background',
    fix: 'choose the plan and memory matching the service\'s Aiven plan, and set cloudName (or region) to its cloud',
  },
  {
    code: 'AdoptedEngineChanged',
    when: whileOmitted('engineVersion'),
    changes: `valkey_version becomes the default, ${DEFAULT_VERSION.version}: an older service is upgraded in place, and the apply fails on a newer one, which Aiven does not downgrade`,
    fix: 'set engineVersion to the service\'s version',
  },
  {
    code: 'AdoptedIpFilterOpened',
    when: withAllowList(false),
    changes: 'ip_filter becomes every IPv4 and IPv6 address: a service restricted to some addresses becomes open to the internet',
    fix: 'list the addresses in allowedCidrs',
  },
  {
    code: 'AdoptedTlsRequired',
    changes: 'valkey_ssl becomes true, and persistence and the eviction policy the plan\'s: clients without TLS are refused',
    fix: 'move every client to TLS before adopting, and set evictionPolicy to the service\'s policy',
  },
];
