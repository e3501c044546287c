import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack } from 'cdktf';
import { MatrixCloud } from './matrix-cloud';
import { RedisBackend } from '../../lib';

const PROJECT = 'example-project';
const REGION = 'europe-west1';
const NETWORK = `projects/${PROJECT}/global/networks/default`;

function configure(stack: TerraformStack): void {
  new GoogleProvider(stack, 'google', { project: PROJECT, region: REGION });
}

/** Refused on Memorystore: it has no client allow-list and cannot switch Lua off. */
const RESTRICTED_REASON = 'Memorystore has no client allow-list (VPC access only) and cannot switch Lua off (no ACL in google provider 6.50)';

/** Memorystore for Redis, the default on GCP. */
export const GCP_MATRIX: MatrixCloud = {
  cloud: 'gcp',
  configure,
  backend: () => RedisBackend.memorystore({ project: PROJECT, region: REGION, authorizedNetwork: NETWORK }),
  leftOut: { restricted: RESTRICTED_REASON },
};

/** Memorystore for Valkey: native backup history, IAM authentication only. */
export const GCP_VALKEY_MATRIX: MatrixCloud = {
  cloud: 'gcp-valkey',
  configure,
  backend: () => RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK }),
  leftOut: { restricted: RESTRICTED_REASON },
};
