import { Cloud, Jurisdiction, RegionTable } from '../../plan';

/** Azure's US and EU regions where Azure Managed Redis runs. */
export const AZURE_REGIONS: RegionTable = {
  cloud: Cloud.AZURE,
  regions: {
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
  europeOutsideEu: ['uksouth', 'ukwest', 'switzerlandnorth', 'switzerlandwest', 'norwayeast', 'norwaywest'],
};
