import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';

import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, CredentialSecret, RedisBackend } from '../../../index';

/** Managed Valkey in the matrix app: the `digitalocean-*` stacks. */
export const matrix: MatrixCloud = {
  cloud: 'digitalocean',
  rank: 40,
  configure(stack) {
    new DigitaloceanProvider(stack, 'digitalocean', {});
  },
  backend: () => RedisBackend.digitalOceanValkey({ region: 'fra1' }),
  adopt: () => ({
    backend: RedisBackend.digitalOceanValkey({ region: 'fra1', adopt: { clusterId: '245bcfd0-7f31-4ce6-a2bc-475a116cca97' } }),
    name: 'orders-cache',
  }),
  alerts: () => ({
    targets: [
      AlertTarget.digitalOceanEmails(['redis-alerts@example.com']),
      AlertTarget.digitalOceanSlack('#redis-alerts', 'https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX'),
    ],
  }),
  // DigitalOcean cannot rotate the password or authenticate identities: the Kubernetes Secret alone.
  access: (stack) => {
    new KubernetesProvider(stack, 'kubernetes', {});
    return { access: { secret: CredentialSecret.kubernetes({ namespace: 'apps', readers: ['app'] }) } };
  },
  leftOut: {
    premium: 'Managed Valkey runs at most a primary and one standby, not the three nodes Premium promises; use Business on DigitalOcean or Premium on another cloud',
  },
};
