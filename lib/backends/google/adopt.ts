import type { PropRule } from '../../plan';
import { Adoption, ImportIdFormat, adoptionRules, parseImportId, sameAsProp } from '../adoption';

/** The props of a Google backend that an adopted instance's ID must agree with. */
export interface GoogleAdoptableProps {
  readonly project: string;
  readonly region: string;
  readonly adopt?: { readonly instanceId: string };
}

/**
 * An instance's import ID in the long form both Memorystore resources accept (google provider v6.50.0: each resource's
 * `importer` takes `projects/{{project}}/locations/{{region or location}}/instances/{{name or instance_id}}`, beside short
 * forms that fall back on the provider's project and region, which the construct does not take: the long form fixes
 * all three). Project IDs are 6-30 characters, regions lower-case words and digits joined by hyphens.
 */
export function googleInstanceIdFormat(resource: string): ImportIdFormat {
  return {
    pattern: /^projects\/(?<project>[a-z][-a-z0-9.:]{4,61}[a-z0-9])\/locations\/(?<region>[a-z]+-[a-z]+\d+)\/instances\/(?<name>[a-z][-a-z0-9]{0,62})$/,
    format: 'projects/{project}/locations/{region}/instances/{name}',
    source: `${resource} import, google provider 6.50.0`,
  };
}

/** The ID is well formed, and names the project and region the props name. */
export function googleAdoptionRule<P extends GoogleAdoptableProps>(format: ImportIdFormat): PropRule<P> {
  return adoptionRules<P>((props, isUnresolved) => {
    const { project, region } = parseImportId(props.adopt?.instanceId, format, 'adopt.instanceId', isUnresolved);
    sameAsProp('project', props.project, project, 'adopt.instanceId', isUnresolved);
    sameAsProp('region', props.region, region, 'adopt.instanceId', isUnresolved);
  }, ['project', 'region']);
}

/** The instance, the construct's `Resource`, by its ID; its name becomes the data store's. */
export function googleInstanceAdoption(props: GoogleAdoptableProps, format: ImportIdFormat): Adoption | undefined {
  if (props.adopt === undefined) return undefined;
  const { name } = parseImportId(props.adopt.instanceId, format, 'adopt.instanceId', () => false);
  return { name, source: 'adopt.instanceId', imports: [{ constructId: 'Resource', importId: props.adopt.instanceId }] };
}
