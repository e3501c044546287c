import { AccessSupport, BackendAccess } from '../../plan';

/**
 * ElastiCache access: RBAC users take up to two passwords (`authentication_mode.passwords`, MaxItems 2) or IAM
 * authentication (`type = "iam"`, Valkey 7.2+ and Redis OSS 7+, the user ID equal to its name); aws provider
 * 6.25 `internal/service/elasticache/user.go`.
 */
export const ELASTICACHE_ACCESS: BackendAccess = {
  passwordInState: 'random_password.result, because Terraform generates the password (cdktf 0.21 has no ephemeral resources, which '
    + 'would keep it out of state), and the RBAC user\'s authentication_mode.passwords (aws_elasticache_user), which aws 6.25 '
    + 'stores as sent (its write-only passwords_wo came later); both sensitive',
  secretFields: ['uri', 'host', 'port', 'user', 'password', 'tls'],
  rotation: {
    support: AccessSupport.NATIVE,
    detail: 'the RBAC user holds two passwords: a rotation generates a new random_password in place of the older one and '
      + 'updates the user in place to the new and the previous password; the URI, outputs and secret carry the new one. '
      + 'Connected clients stay connected (changing a user\'s passwords closes no connection), and clients that still hold the previous '
      + 'password keep authenticating until the next rotation retires it',
  },
  identity: {
    support: AccessSupport.NATIVE,
    detail: 'access.identityAuth adds an IAM-authenticated RBAC user `<name>-iam` (its ID equal to its name) with the same access string '
      + 'to the user group; grantConnect(roleName) gives an IAM role elasticache:Connect on the replication group and that user, and clients '
      + 'authenticate as the user with a signed token (Valkey 7.2 or later, Redis OSS 7 or later)',
  },
};
