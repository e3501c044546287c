import { Cloud, Jurisdiction, RegionTable } from '../../plan';

/** DigitalOcean's US and EU region slugs where Managed Valkey runs. */
export const DIGITALOCEAN_REGIONS: RegionTable = {
  cloud: Cloud.DIGITALOCEAN,
  regions: {
    nyc1: Jurisdiction.US,
    nyc3: Jurisdiction.US,
    sfo2: Jurisdiction.US,
    sfo3: Jurisdiction.US,
    atl1: Jurisdiction.US,
    ams3: Jurisdiction.EU,
    fra1: Jurisdiction.EU,
  },
  europeOutsideEu: ['lon1'],
};
