import { AccessSupport, BackendAccess } from '../../plan';

/**
 * DigitalOcean Managed Valkey access: one password for the user `default` (`password` and `uri` of
 * `digitalocean_database_cluster`); the API resets it (`doctl databases user reset`), the provider (2.71) cannot.
 */
export const DIGITALOCEAN_VALKEY_ACCESS: BackendAccess = {
  passwordInState: 'password, uri and private_uri of digitalocean_database_cluster (sensitive): the provider reads the password the '
    + 'service generates back into state',
  secretFields: ['uri', 'host', 'port', 'user', 'password', 'tls'],
  rotation: {
    support: AccessSupport.UNAVAILABLE,
    detail: 'the cluster has one password for its user default and digitalocean provider 2.71 cannot renew it; DigitalOcean\'s API resets '
      + 'it (doctl databases user reset), after which every client holding the old password fails to authenticate until it reads the new one',
    fix: 'reset the password with doctl databases user reset <cluster-id> default, apply to refresh the outputs and secret, and restart '
      + 'the clients; or choose RedisBackend.aiven() on DigitalOcean for rotation without downtime',
  },
  identity: {
    support: AccessSupport.UNAVAILABLE,
    detail: 'DigitalOcean Managed Valkey authenticates with a password only',
    fix: 'use the password; for identity authentication choose RedisBackend.elastiCache() or RedisBackend.memorystoreValkey()',
  },
};
