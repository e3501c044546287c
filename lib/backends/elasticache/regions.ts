import { Cloud, Jurisdiction, RegionTable } from '../../plan';

/** AWS's US and EU regions where ElastiCache runs. */
export const AWS_REGIONS: RegionTable = {
  cloud: Cloud.AWS,
  regions: {
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
  europeOutsideEu: ['eu-west-2', 'eu-central-2'],
};
