import { Cloud, Jurisdiction, RegionTable } from '../../plan';

/** Google Cloud's US and EU regions where Memorystore runs. */
export const GCP_REGIONS: RegionTable = {
  cloud: Cloud.GCP,
  regions: {
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
  europeOutsideEu: ['europe-west2', 'europe-west6'],
};
