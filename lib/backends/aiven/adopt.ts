import { AivenBackendProps } from './props';
import { Adoption, ImportIdFormat, adoptionRules, parseImportId, sameAsProp } from '../adoption';

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
export const AIVEN_ADOPTION_RULE = adoptionRules<AivenBackendProps>((props, isUnresolved) => {
  const { project } = parseImportId(props.adopt?.serviceId, SERVICE_ID, 'adopt.serviceId', isUnresolved);
  sameAsProp('project', props.project, project, 'adopt.serviceId', isUnresolved);
});

/**
 * The service, the construct's `Resource`, by its ID; its name becomes the data store's. The application user is
 * created anew: its name is the construct's own, which an existing service does not have.
 */
export function aivenAdoption(props: AivenBackendProps): Adoption | undefined {
  if (props.adopt === undefined) return undefined;
  const { name } = parseImportId(props.adopt.serviceId, SERVICE_ID, 'adopt.serviceId', () => false);
  return { name, source: 'adopt.serviceId', imports: [{ constructId: 'Resource', importId: props.adopt.serviceId }] };
}
