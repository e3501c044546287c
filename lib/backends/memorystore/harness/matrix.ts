import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, CredentialSecret, RedisBackend } from '../../../index';
import { APP_SERVICE_ACCOUNT, NETWORK, PROJECT, REGION, RESTRICTED_REASON, configureGoogle } from '../../google/harness/example';

/** Memorystore for Redis, the default on GCP, in the matrix app: the `gcp-*` stacks. */
export const matrix: MatrixCloud = {
  cloud: 'gcp',
  rank: 30,
  configure: configureGoogle,
  backend: () => RedisBackend.memorystore({ project: PROJECT, region: REGION, network: NETWORK }),
  adopt: () => ({
    backend: RedisBackend.memorystore({
      project: PROJECT, region: REGION, network: NETWORK, adopt: { instanceId: `projects/${PROJECT}/locations/${REGION}/instances/orders-cache` },
    }),
  }),
  alerts: () => ({ targets: [AlertTarget.cloudMonitoringChannels([`projects/${PROJECT}/notificationChannels/1234567890`])] }),
  // Memorystore for Redis can neither rotate its AUTH string nor authenticate identities: the secret alone.
  access: () => ({ access: { secret: CredentialSecret.googleSecretManager({ project: PROJECT, readers: [APP_SERVICE_ACCOUNT] }) } }),
  leftOut: { restricted: RESTRICTED_REASON },
};
