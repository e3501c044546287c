import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, AivenProvider, Cloud, CredentialSecret, RedisBackend } from '../../../index';

/** The Aiven project every matrix stack names. */
export const MATRIX_PROJECT = 'choreo-data';

/** The region of each cloud in the matrix app, as that cloud names it. */
export const MATRIX_REGIONS: Readonly<Record<Cloud, string>> = {
  [Cloud.AWS]: 'eu-west-1',
  [Cloud.AZURE]: 'westeurope',
  [Cloud.GCP]: 'europe-west1',
  [Cloud.DIGITALOCEAN]: 'ams3',
};

const entry = (cloud: Cloud, rank: number): MatrixCloud => ({
  cloud: `aiven-${cloud}`,
  rank,
  configure(stack) {
    new AivenProvider(stack, 'aiven');
  },
  backend: () => RedisBackend.aiven({ project: MATRIX_PROJECT, cloud, region: MATRIX_REGIONS[cloud] }),
  adopt: () => ({
    backend: RedisBackend.aiven({ project: MATRIX_PROJECT, cloud, region: MATRIX_REGIONS[cloud], adopt: { serviceId: `${MATRIX_PROJECT}/orders-cache-${cloud}` } }),
  }),
  alerts: () => ({ targets: [AlertTarget.aivenTechEmails(['redis-alerts@example.com'])] }),
  // A Kubernetes Secret serves Aiven on every cloud; rotation takes turns between two users, with random passwords.
  access: (stack) => {
    new KubernetesProvider(stack, 'kubernetes', {});
    new RandomProvider(stack, 'random');
    return { access: { secret: CredentialSecret.kubernetes({ namespace: 'apps', readers: ['app'] }), rotation: 1 } };
  },
  leftOut: {},
});

/** Aiven for Valkey in the matrix app, after the native backends: the `aiven-aws-*`, `aiven-azure-*`, `aiven-gcp-*` and `aiven-digitalocean-*` stacks. */
export const matrix: readonly MatrixCloud[] = [
  entry(Cloud.AWS, 50),
  entry(Cloud.AZURE, 51),
  entry(Cloud.GCP, 52),
  entry(Cloud.DIGITALOCEAN, 53),
];
