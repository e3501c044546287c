import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, CredentialSecret, RedisBackend } from '../../../index';
import { APP_SERVICE_ACCOUNT, NETWORK, PROJECT, REGION, RESTRICTED_REASON, configureGoogle } from '../../google/harness/example';

/** Memorystore for Valkey (native backup history, IAM authentication only) in the matrix app: the `gcp-valkey-*` stacks. */
export const matrix: MatrixCloud = {
  cloud: 'gcp-valkey',
  rank: 31,
  configure: configureGoogle,
  backend: () => RedisBackend.memorystoreValkey({ project: PROJECT, region: REGION, network: NETWORK }),
  adopt: () => ({
    backend: RedisBackend.memorystoreValkey({
      project: PROJECT, region: REGION, network: NETWORK, adopt: { instanceId: `projects/${PROJECT}/locations/${REGION}/instances/orders-cache` },
    }),
  }),
  alerts: () => ({ targets: [AlertTarget.cloudMonitoringChannels([`projects/${PROJECT}/notificationChannels/1234567890`])] }),
  // Identity authentication is the only kind: the secret holds the URI, host and CA, and the app's account is admitted.
  access: () => ({
    access: { secret: CredentialSecret.googleSecretManager({ project: PROJECT, readers: [APP_SERVICE_ACCOUNT] }), identityAuth: true },
    grantee: APP_SERVICE_ACCOUNT,
  }),
  leftOut: { restricted: RESTRICTED_REASON },
};
