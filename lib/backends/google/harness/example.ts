/**
 * The example project, region and network that both Memorystore backends use in the matrix app, the bench
 * baselines and the change scenarios. Imports no part of the library, so that baselines can use it.
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack } from 'cdktf';

export const PROJECT = 'example-project';
export const REGION = 'europe-west1';
export const NETWORK = `projects/${PROJECT}/global/networks/default`;
/** The application's service account, which the `-access` stacks let read the secret and connect. */
export const APP_SERVICE_ACCOUNT = `serviceAccount:app@${PROJECT}.iam.gserviceaccount.com`;

/** The matrix app's Google provider, with the example project and region. */
export function configureGoogle(stack: TerraformStack): void {
  new GoogleProvider(stack, 'google', { project: PROJECT, region: REGION });
}

/** Why both Memorystore backends refuse the matrix app's `restricted` variant. */
export const RESTRICTED_REASON = 'Memorystore has no client allow-list (VPC access only) and cannot switch Lua off (no ACL in google provider 6.50)';
