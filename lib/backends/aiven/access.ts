import { AccessSupport, BackendAccess } from '../../plan';

/**
 * Aiven for Valkey access: users with passwords (`aiven_valkey_user.password`, Optional and Computed, so the
 * construct may set it); no identity authentication. A freshly created user can be read back before its password
 * exists (fixed after provider v4.61.0, aiven PR#3019): the construct checks the password it hands on.
 */
export const AIVEN_ACCESS: BackendAccess = {
  passwordInState: 'password of aiven_valkey_user (sensitive), as the provider reads it back; with rotation also random_password.result, '
    + 'because Terraform generates it (cdktf 0.21 has no ephemeral resources, which would keep a generated password out of state)',
  secretFields: ['uri', 'host', 'port', 'user', 'password', 'tls'],
  rotation: {
    support: AccessSupport.EMULATED,
    detail: 'two application users take turns: a rotation sets a new random password on the user that holds the older one '
      + '(`app` for even generations, `app-next` for odd ones) and hands on that user and password; the other user keeps its '
      + 'password, so clients holding it keep working until the next rotation, and connected clients stay connected (changing a '
      + 'user\'s password closes no connection)',
  },
  identity: {
    support: AccessSupport.UNAVAILABLE,
    detail: 'Aiven for Valkey authenticates users by password only',
    fix: 'use the password, rotated with access.rotation',
  },
};
