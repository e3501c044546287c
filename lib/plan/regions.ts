import { Cloud } from './cloud';
import { ChoreoRedisError } from './errors';

/** Where a region sits, for the product's "US and EU regions only" rule. */
export enum Jurisdiction {
  US = 'US',
  EU = 'EU',
}

/**
 * The US and EU regions of each cloud. "EU" means the European Union: regions elsewhere in Europe
 * (London, Zurich, Norway) are outside the product's promise and listed in `EUROPE_OUTSIDE_EU` only to
 * explain the refusal.
 */
export const REGIONS: Readonly<Record<Cloud, Readonly<Record<string, Jurisdiction>>>> = {
  [Cloud.AWS]: {
    'us-east-1': Jurisdiction.US,
    'us-east-2': Jurisdiction.US,
    'us-west-1': Jurisdiction.US,
    'us-west-2': Jurisdiction.US,
    'eu-central-1': Jurisdiction.EU,
    'eu-west-1': Jurisdiction.EU,
    'eu-west-3': Jurisdiction.EU,
    'eu-north-1': Jurisdiction.EU,
    'eu-south-1': Jurisdiction.EU,
    'eu-south-2': Jurisdiction.EU,
  },
  [Cloud.AZURE]: {
    eastus: Jurisdiction.US,
    eastus2: Jurisdiction.US,
    centralus: Jurisdiction.US,
    northcentralus: Jurisdiction.US,
    southcentralus: Jurisdiction.US,
    westcentralus: Jurisdiction.US,
    westus: Jurisdiction.US,
    westus2: Jurisdiction.US,
    westus3: Jurisdiction.US,
    northeurope: Jurisdiction.EU,
    westeurope: Jurisdiction.EU,
    francecentral: Jurisdiction.EU,
    francesouth: Jurisdiction.EU,
    germanywestcentral: Jurisdiction.EU,
    germanynorth: Jurisdiction.EU,
    swedencentral: Jurisdiction.EU,
    italynorth: Jurisdiction.EU,
    polandcentral: Jurisdiction.EU,
    spaincentral: Jurisdiction.EU,
  },
  [Cloud.GCP]: {
    'us-central1': Jurisdiction.US,
    'us-east1': Jurisdiction.US,
    'us-east4': Jurisdiction.US,
    'us-east5': Jurisdiction.US,
    'us-south1': Jurisdiction.US,
    'us-west1': Jurisdiction.US,
    'us-west2': Jurisdiction.US,
    'us-west3': Jurisdiction.US,
    'us-west4': Jurisdiction.US,
    'europe-west1': Jurisdiction.EU,
    'europe-west3': Jurisdiction.EU,
    'europe-west4': Jurisdiction.EU,
    'europe-west8': Jurisdiction.EU,
    'europe-west9': Jurisdiction.EU,
    'europe-west10': Jurisdiction.EU,
    'europe-west12': Jurisdiction.EU,
    'europe-north1': Jurisdiction.EU,
    'europe-north2': Jurisdiction.EU,
    'europe-southwest1': Jurisdiction.EU,
    'europe-central2': Jurisdiction.EU,
  },
  [Cloud.DIGITALOCEAN]: {
    nyc1: Jurisdiction.US,
    nyc3: Jurisdiction.US,
    sfo2: Jurisdiction.US,
    sfo3: Jurisdiction.US,
    atl1: Jurisdiction.US,
    ams3: Jurisdiction.EU,
    fra1: Jurisdiction.EU,
  },
};

/** European regions outside the European Union, named in the error that refuses them. */
const EUROPE_OUTSIDE_EU: Readonly<Record<Cloud, readonly string[]>> = {
  [Cloud.AWS]: ['eu-west-2', 'eu-central-2'],
  [Cloud.AZURE]: ['uksouth', 'ukwest', 'switzerlandnorth', 'switzerlandwest', 'norwayeast', 'norwaywest'],
  [Cloud.GCP]: ['europe-west2', 'europe-west6'],
  [Cloud.DIGITALOCEAN]: ['lon1'],
};

/**
 * Checks that `region` is one of the cloud's US or EU regions.
 *
 * @param prop the prop path used in the error, such as `RedisBackend.elastiCache({ region })`
 * @returns the region's jurisdiction
 */
export function validateRegion(cloud: Cloud, region: string, prop: string): Jurisdiction {
  const jurisdiction = REGIONS[cloud][region];
  if (jurisdiction !== undefined) return jurisdiction;
  const allowed = Object.keys(REGIONS[cloud]).join(', ');
  const why = EUROPE_OUTSIDE_EU[cloud].includes(region)
    ? 'is in Europe but outside the European Union, and the product offers US and EU regions only'
    : `is not a US or EU region of ${cloud}`;
  throw new ChoreoRedisError('UnsupportedRegion', `${prop} "${region}" ${why}; use one of: ${allowed}.`);
}
