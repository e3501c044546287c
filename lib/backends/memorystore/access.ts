import { AccessSupport, BackendAccess } from '../../plan';

/**
 * Memorystore for Redis access: one AUTH string per instance (`auth_string`, read with GetAuthString); google 6.50
 * has no attribute that renews it, and the service makes a new one only when AUTH is switched off and on again.
 */
export const MEMORYSTORE_ACCESS: BackendAccess = {
  passwordInState: 'auth_string (google_redis_instance, sensitive): the provider reads the string the service generates back into state',
  secretFields: ['uri', 'host', 'port', 'user', 'password', 'ca_certificate', 'tls'],
  rotation: {
    support: AccessSupport.UNAVAILABLE,
    detail: 'the instance holds one AUTH string and google provider 6.50 cannot renew it; Memorystore makes a new one only when AUTH is '
      + 'switched off and on, which leaves the instance open without a password while it is off and refuses the old string at once, '
      + 'so every client fails to authenticate until it reads the new one',
    fix: 'choose RedisBackend.elastiCache() or RedisBackend.aiven() for rotation without downtime',
  },
  identity: {
    support: AccessSupport.UNAVAILABLE,
    detail: 'Memorystore for Redis authenticates clients with the AUTH string only; IAM governs its administration, not connections',
    fix: 'choose RedisBackend.memorystoreValkey(), which authenticates IAM identities',
  },
};
