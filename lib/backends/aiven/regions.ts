/**
 * Where Aiven for Valkey runs, per cloud: each cloud's own US and EU region IDs, and Aiven's `cloud_name` for
 * each. Aiven's cloud names come from its public list, generated from the API's `GET /v1/clouds`
 * (aiven/aiven-docs `static/includes/clouds-list.md`, 2026-08-18). A region is listed only when Aiven has a
 * cloud there, so these tables are Aiven's own rather than the native backends' (Aiven has no cloud in Azure's
 * francesouth, italynorth, polandcentral or spaincentral, nor in DigitalOcean's atl1). Whether a plan is offered
 * in a cloud is checked at plan time against the project's plan list (see render.ts).
 */
import { AivenProps } from './props';
import { ChoreoRedisError, Cloud, Jurisdiction, RegionTable, closestMatch } from '../../plan';

/** One cloud's regions as Aiven offers them. */
export interface AivenCloudRegions {
  /** The cloud's own region IDs, US and EU, as every backend validates them. */
  readonly table: RegionTable;
  /** Aiven's `cloud_name` for each region ID of `table`. */
  readonly cloudNames: Readonly<Record<string, string>>;
  /** Aiven's cloud names in Europe outside the European Union, named in the error that refuses them. */
  readonly europeOutsideEuCloudNames: readonly string[];
}

type Entry = readonly [region: string, cloudName: string, jurisdiction: Jurisdiction];

function cloudRegions(cloud: Cloud, entries: readonly Entry[], outsideEu: ReadonlyArray<readonly [string, string]>): AivenCloudRegions {
  return {
    table: {
      cloud,
      regions: Object.fromEntries(entries.map(([region, , jurisdiction]) => [region, jurisdiction])),
      europeOutsideEu: outsideEu.map(([region]) => region),
    },
    cloudNames: Object.fromEntries(entries.map(([region, cloudName]) => [region, cloudName])),
    europeOutsideEuCloudNames: outsideEu.map(([, cloudName]) => cloudName),
  };
}

const { US, EU } = Jurisdiction;
/** AWS and Google Cloud: Aiven's cloud name is the region ID with a prefix. */
const prefixed = (prefix: string, ids: readonly string[], jurisdiction: Jurisdiction): Entry[] =>
  ids.map((id) => [id, `${prefix}-${id}`, jurisdiction]);

/** Every cloud's Aiven regions. */
export const AIVEN_REGIONS: Readonly<Record<Cloud, AivenCloudRegions>> = {
  [Cloud.AWS]: cloudRegions(Cloud.AWS, [
    ...prefixed('aws', ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'], US),
    ...prefixed('aws', ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'], EU),
  ], [['eu-west-2', 'aws-eu-west-2'], ['eu-central-2', 'aws-eu-central-2']]),
  // Aiven's Azure names are Azure's with a prefix, and a hyphen inside some of them: francecentral is azure-france-central.
  [Cloud.AZURE]: cloudRegions(Cloud.AZURE, [
    ['eastus', 'azure-eastus', US],
    ['eastus2', 'azure-eastus2', US],
    ['centralus', 'azure-centralus', US],
    ['northcentralus', 'azure-northcentralus', US],
    ['southcentralus', 'azure-southcentralus', US],
    ['westcentralus', 'azure-westcentralus', US],
    ['westus', 'azure-westus', US],
    ['westus2', 'azure-westus2', US],
    ['westus3', 'azure-westus3', US],
    ['westeurope', 'azure-westeurope', EU],
    ['northeurope', 'azure-northeurope', EU],
    ['francecentral', 'azure-france-central', EU],
    ['germanynorth', 'azure-germany-north', EU],
    ['germanywestcentral', 'azure-germany-westcentral', EU],
    ['swedencentral', 'azure-sweden-central', EU],
  ], [
    ['uksouth', 'azure-uksouth'], ['ukwest', 'azure-ukwest'], ['switzerlandnorth', 'azure-switzerland-north'],
    ['norwayeast', 'azure-norway-east'], ['norwaywest', 'azure-norway-west'],
  ]),
  [Cloud.GCP]: cloudRegions(Cloud.GCP, [
    ...prefixed('google', ['us-central1', 'us-east1', 'us-east4', 'us-east5', 'us-south1', 'us-west1', 'us-west2', 'us-west3', 'us-west4'], US),
    ...prefixed('google', ['europe-central2', 'europe-north1', 'europe-north2', 'europe-southwest1', 'europe-west1', 'europe-west3',
      'europe-west4', 'europe-west8', 'europe-west9', 'europe-west10', 'europe-west12'], EU),
  ], [['europe-west2', 'google-europe-west2'], ['europe-west6', 'google-europe-west6']]),
  // Aiven has one cloud per DigitalOcean city: both New York and both San Francisco regions map to it. The
  // first region of a city is the one a cloud name maps back to.
  [Cloud.DIGITALOCEAN]: cloudRegions(Cloud.DIGITALOCEAN, [
    ['nyc3', 'do-nyc', US],
    ['nyc1', 'do-nyc', US],
    ['sfo3', 'do-sfo', US],
    ['sfo2', 'do-sfo', US],
    ['ams3', 'do-ams', EU],
    ['fra1', 'do-fra', EU],
  ], [['lon1', 'do-lon']]),
};

/**
 * The cloud's region for an Aiven cloud name, checked like a region: one of the cloud's US and EU Aiven clouds.
 *
 * @param prop the prop path used in errors
 */
export function regionForCloudName(regions: AivenCloudRegions, cloudName: string, prop: string): string {
  const region = Object.keys(regions.cloudNames).find((r) => regions.cloudNames[r] === cloudName);
  if (region !== undefined) return region;
  const allowed = [...new Set(Object.values(regions.cloudNames))];
  const suggestion = closestMatch(cloudName, allowed);
  const why = regions.europeOutsideEuCloudNames.includes(cloudName)
    ? 'is in Europe but outside the European Union, and the product offers US and EU regions only'
    : `is not one of Aiven's US or EU clouds on ${regions.table.cloud}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`;
  throw new ChoreoRedisError('UnsupportedRegion', `${prop} "${cloudName}" ${why}; use one of: ${allowed.join(', ')}.`);
}

/** The Aiven regions of the props' cloud. */
export function aivenRegionsOf(props: Pick<AivenProps, 'cloud'>): AivenCloudRegions {
  const regions = props.cloud === undefined ? undefined : AIVEN_REGIONS[props.cloud];
  if (regions === undefined) {
    throw new ChoreoRedisError('InvalidCloud',
      `RedisBackend.aiven({ cloud }) "${String(props.cloud)}" is not a cloud; use one of Cloud.${Object.keys(Cloud).join(', Cloud.')}.`);
  }
  return regions;
}

/** The cloud's region ID the props name: `region`, or the region of `cloudName`. */
export function aivenRegionOf(props: AivenProps): string {
  const regions = aivenRegionsOf(props);
  if (props.region !== undefined) return props.region;
  if (props.cloudName === undefined) {
    throw new ChoreoRedisError('MissingRegion',
      `RedisBackend.aiven({ region }) is missing; give the ${regions.table.cloud} region ID, such as "${Object.keys(regions.cloudNames)[0]}", or Aiven's cloudName.`);
  }
  return regionForCloudName(regions, props.cloudName, 'RedisBackend.aiven({ cloudName })');
}
