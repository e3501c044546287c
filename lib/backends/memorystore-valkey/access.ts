import { AccessSupport, BackendAccess } from '../../plan';

/**
 * Memorystore for Valkey access: IAM authentication only in google 6.50 (`authorization_mode = "IAM_AUTH"`); a
 * client sends an OAuth access token of an identity holding `roles/memorystore.dbConnectionUser`.
 */
export const MEMORYSTORE_VALKEY_ACCESS: BackendAccess = {
  passwordInState: 'none: there is no password, and no token of any identity is read',
  secretFields: ['uri', 'host', 'port', 'user', 'ca_certificate', 'tls'],
  rotation: {
    support: AccessSupport.NATIVE,
    detail: 'there is no password to rotate: each client\'s access token expires within an hour and the client fetches the next one '
      + 'itself; access.rotation changes nothing',
    noEffect: true,
  },
  identity: {
    support: AccessSupport.NATIVE,
    detail: 'IAM authentication only: grantConnect(member), like clientMembers, grants roles/memorystore.dbConnectionUser on the project; '
      + 'clients send their own access token as the password, and the URI carries no credential',
  },
};
