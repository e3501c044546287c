/**
 * Access: how a data store's credentials reach applications (a secret store), how they rotate, and whether an
 * identity can replace the password. Pure data and logic; the construct renders the secret, and each backend its
 * rotation and identity resources.
 */
import { Severity } from './conformance';
import { ChoreoRedisError } from './errors';
import { Failures } from './prop-rules';
import { PropShape, PropTypes, checkPropTypes, required } from './prop-types';
import type { IsUnresolved } from './request';

/** The kinds of secret store the credentials can be written to. */
export enum CredentialSecretKind {
  AWS_SECRETS_MANAGER = 'awsSecretsManager',
  AZURE_KEY_VAULT = 'azureKeyVault',
  GOOGLE_SECRET_MANAGER = 'googleSecretManager',
  KUBERNETES = 'kubernetes',
}

/** Where an AWS Secrets Manager secret is written, and who may read it. */
export interface AwsSecretsManagerSecretProps {
  /**
   * IAM principals that may read the secret (`secretsmanager:GetSecretValue`), by ARN, such as
   * `arn:aws:iam::111122223333:role/app`. The secret's resource policy names exactly these.
   */
  readonly readers: string[];
  /**
   * The secret's name.
   *
   * @default - `choreo-redis/<data store name>`
   */
  readonly name?: string;
  /**
   * The region of the secret.
   *
   * @default - the data store's region when it runs on AWS (ElastiCache, or Aiven on AWS), otherwise the AWS provider's region
   */
  readonly region?: string;
  /**
   * The KMS key that encrypts the secret (ARN or ID).
   *
   * @default - the account's `aws/secretsmanager` key
   */
  readonly kmsKey?: string;
}

/** Where an Azure Key Vault secret is written, and who may read it. */
export interface AzureKeyVaultSecretProps {
  /** The resource ID of a Key Vault that uses Azure RBAC for access (`rbac_authorization_enabled`). */
  readonly keyVaultId: string;
  /**
   * Object IDs of the Entra principals (managed identities, service principals, groups) given the role "Key Vault
   * Secrets User" on this secret alone.
   */
  readonly readers: string[];
  /**
   * The secret's name.
   *
   * @default - `<data store name>-redis`
   */
  readonly name?: string;
}

/** Where a Google Secret Manager secret is written, and who may read it. */
export interface GoogleSecretManagerSecretProps {
  /** The project that holds the secret. */
  readonly project: string;
  /**
   * IAM members given `roles/secretmanager.secretAccessor` on this secret alone, such as
   * `serviceAccount:app@my-project.iam.gserviceaccount.com`.
   */
  readonly readers: string[];
  /**
   * The secret's ID.
   *
   * @default - `<data store name>-redis`
   */
  readonly secretId?: string;
}

/** Where a Kubernetes Secret is written, and who may read it. */
export interface KubernetesSecretProps {
  /** The namespace of the Secret. */
  readonly namespace: string;
  /**
   * Service accounts of the namespace that may `get` this Secret, through a Role and a RoleBinding that name
   * only it.
   */
  readonly readers: string[];
  /**
   * The Secret's name.
   *
   * @default - `<data store name>-redis`
   */
  readonly name?: string;
}

/**
 * A secret store that receives what a client needs to connect: the URI, host, port, user, password and, where
 * the service uses a private CA, its certificate. The construct defines the secret, writes its value with the
 * provider's write-only argument (so the secret's copy stays out of Terraform state), and grants exactly the
 * given readers. It never creates the provider: the stack must have the store's provider.
 */
export class CredentialSecret {
  /** An AWS Secrets Manager secret holding one JSON document, readable by the given IAM principals. */
  public static awsSecretsManager(props: AwsSecretsManagerSecretProps): CredentialSecret {
    return new CredentialSecret(CredentialSecretKind.AWS_SECRETS_MANAGER, props.readers, props.name, props);
  }

  /** An Azure Key Vault secret holding one JSON document, readable by the given Entra principals. */
  public static azureKeyVault(props: AzureKeyVaultSecretProps): CredentialSecret {
    return new CredentialSecret(CredentialSecretKind.AZURE_KEY_VAULT, props.readers, props.name, props);
  }

  /** A Google Secret Manager secret holding one JSON document, readable by the given IAM members. */
  public static googleSecretManager(props: GoogleSecretManagerSecretProps): CredentialSecret {
    return new CredentialSecret(CredentialSecretKind.GOOGLE_SECRET_MANAGER, props.readers, props.secretId, props);
  }

  /**
   * A Kubernetes Secret (type Opaque) with one key per field (`uri`, `host`, `port`, `user`, `password`, `ca.crt`),
   * readable by the given service accounts of its namespace. It serves a data store on any cloud.
   */
  public static kubernetes(props: KubernetesSecretProps): CredentialSecret {
    return new CredentialSecret(CredentialSecretKind.KUBERNETES, props.readers, props.name, props);
  }

  /**
   * @param kind the secret store
   * @param readers who may read the secret, in the store's own terms
   * @param name the secret's name, if given
   * @param options the store's props as given
   */
  private constructor(
    public readonly kind: CredentialSecretKind,
    public readonly readers: string[],
    public readonly name: string | undefined,
    /** @internal */
    public readonly _options: AwsSecretsManagerSecretProps | AzureKeyVaultSecretProps | GoogleSecretManagerSecretProps | KubernetesSecretProps,
  ) {}
}

/** How applications reach the data store: a secret store for the credentials, rotation, and identity auth. */
export interface ChoreoRedisAccess {
  /**
   * Where the credentials are written for applications to read (see `CredentialSecret`).
   *
   * @default - no secret: read the `uri` attribute or output yourself
   */
  readonly secret?: CredentialSecret;

  /**
   * The credentials' generation: raising it by one rotates them. The new password becomes the one in `uri`,
   * the outputs and the secret; where the service holds two credentials, the previous one keeps working until the
   * next rotation, so clients that have not yet read the new one stay connected. See docs/access.md for what
   * each backend does. Once rotation is on, keep the prop: removing it goes back to the single first credential and
   * drops the clients that hold a later one.
   *
   * @default - no rotation: one credential, as the service or the construct first generates it
   */
  readonly rotation?: number;

  /**
   * Identity authentication besides the password, where the service offers it: on ElastiCache an IAM-authenticated
   * user, to which `grantConnect()` admits IAM roles. Memorystore for Valkey always authenticates identities
   * (`grantConnect()` admits a member). Elsewhere it is a warning (an error under `strict`) with the fix.
   *
   * @default false
   */
  readonly identityAuth?: boolean;
}

/** The access asked for, checked. */
export interface AccessRequest {
  readonly secret?: CredentialSecret;
  /** The rotation generation; 0 when rotation is off. */
  readonly rotation: number;
  /** Whether rotation was asked for at all. */
  readonly rotates: boolean;
  readonly identityAuth: boolean;
}

/** The run-time types of the `access` prop, for callers outside TypeScript. */
export const ACCESS_PROP_TYPES: PropTypes<ChoreoRedisAccess> = {
  secret: { isInstance: (v) => v instanceof CredentialSecret, name: 'CredentialSecret', example: 'CredentialSecret.kubernetes({ namespace, readers })' },
  rotation: 'number',
  identityAuth: 'boolean',
};

/** The run-time types of each secret store's props. */
export const SECRET_PROP_TYPES: { readonly [K in CredentialSecretKind]: PropShape } = {
  [CredentialSecretKind.AWS_SECRETS_MANAGER]: {
    readers: required('string-list'), name: 'string', region: 'string', kmsKey: 'string',
  } satisfies PropTypes<AwsSecretsManagerSecretProps>,
  [CredentialSecretKind.AZURE_KEY_VAULT]: { keyVaultId: required('string'), readers: required('string-list'), name: 'string' } satisfies PropTypes<AzureKeyVaultSecretProps>,
  [CredentialSecretKind.GOOGLE_SECRET_MANAGER]: {
    project: required('string'), readers: required('string-list'), secretId: 'string',
  } satisfies PropTypes<GoogleSecretManagerSecretProps>,
  [CredentialSecretKind.KUBERNETES]: { namespace: required('string'), readers: required('string-list'), name: 'string' } satisfies PropTypes<KubernetesSecretProps>,
};

/** Each store's rules for readers and names, from the providers' and APIs' validation. */
interface SecretRules {
  readonly reader: RegExp;
  readonly readerExample: string;
  readonly name: RegExp;
  readonly nameRule: string;
  /** The prop that names the secret. */
  readonly nameProp: string;
  /** An identifier prop of the store (its vault, project or key) and its form. @default - none */
  readonly id?: { readonly prop: string; readonly pattern: RegExp; readonly code: string; readonly form: string };
}

/**
 * The ways KMS names a key: its ID (a UUID, or `mrk-` and 32 hex digits for a multi-Region key), its ARN, an alias
 * name or an alias ARN. The AWS provider passes `kms_key_id` through unchecked (aws_elasticache_replication_group,
 * aws_secretsmanager_secret), so a wrong value would fail only at apply.
 */
export const AWS_KMS_KEY = (() => {
  const keyId = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
  const alias = 'alias/[a-zA-Z0-9/_-]+';
  const arnPrefix = 'arn:aws(-[a-z]+)*:kms:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:';
  return new RegExp(`^(${keyId}|${alias}|${arnPrefix}(key/${keyId}|${alias}))$`);
})();

/** How errors describe the forms `AWS_KMS_KEY` takes. */
export const AWS_KMS_KEY_FORMS = 'its key ID (such as "1234abcd-12ab-34cd-56ef-1234567890ab"), its ARN ("arn:aws:kms:<region>:<account>:key/<key ID>"), '
  + 'an alias ("alias/<name>") or an alias ARN ("arn:aws:kms:<region>:<account>:alias/<name>")';

const SECRET_RULES: { readonly [K in CredentialSecretKind]: SecretRules } = {
  // aws_secretsmanager_secret name: 1-512 of letters, digits and /_+=.@- (the Secrets Manager API).
  [CredentialSecretKind.AWS_SECRETS_MANAGER]: {
    reader: /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/,
    readerExample: 'arn:aws:iam::111122223333:role/app',
    name: /^[A-Za-z0-9/_+=.@-]{1,512}$/,
    nameRule: '1-512 letters, digits and / _ + = . @ -',
    nameProp: 'name',
    id: { prop: 'kmsKey', pattern: AWS_KMS_KEY, code: 'InvalidKmsKey', form: `a KMS key: ${AWS_KMS_KEY_FORMS}; or omit kmsKey for the account's aws/secretsmanager key` },
  },
  // azurerm_key_vault_secret name: ^[0-9a-zA-Z-]+$, at most 127 (keyvault/validate); principal IDs are object IDs.
  [CredentialSecretKind.AZURE_KEY_VAULT]: {
    reader: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    readerExample: '00000000-0000-0000-0000-000000000000 (an object ID)',
    name: /^[0-9A-Za-z-]{1,127}$/,
    nameRule: '1-127 letters, digits and hyphens',
    nameProp: 'name',
    // key_vault_id is parsed with commonids.ParseKeyVaultID: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>.
    id: {
      prop: 'keyVaultId',
      pattern: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[a-zA-Z0-9-]{3,24}$/,
      code: 'InvalidKeyVault',
      form: 'a Key Vault\'s resource ID, "/subscriptions/<subscription ID>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>" (azurerm_key_vault\'s id)',
    },
  },
  // google_secret_manager_secret secret_id: ^[a-zA-Z0-9_-]{1,255}$ (the Secret Manager API).
  [CredentialSecretKind.GOOGLE_SECRET_MANAGER]: {
    reader: /^(user|serviceAccount|group|domain|principal|principalSet):.+$/,
    readerExample: 'serviceAccount:app@my-project.iam.gserviceaccount.com',
    name: /^[A-Za-z0-9_-]{1,255}$/,
    nameRule: '1-255 letters, digits, _ and -',
    nameProp: 'secretId',
    id: {
      prop: 'project',
      pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      code: 'InvalidProject',
      form: 'a Google Cloud project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen, such as "my-project-123"',
    },
  },
  // Secret names are DNS subdomains; service account names too (Kubernetes API validation).
  [CredentialSecretKind.KUBERNETES]: {
    reader: /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    readerExample: 'app (a service account of the namespace)',
    name: /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    nameRule: 'a DNS subdomain: at most 253 lower-case letters, digits, - and ., starting and ending with a letter or digit',
    nameProp: 'name',
  },
};

/** Checks the `access` prop; the backend's support is judged later, against its `BackendAccess`. */
export function resolveAccess(access: ChoreoRedisAccess | undefined, isUnresolved: IsUnresolved): AccessRequest | undefined {
  if (access === undefined) return undefined;
  const { rotation, secret } = access;
  const failures = new Failures();
  failures.attempt(() => {
    if (rotation === undefined) return;
    if (isUnresolved(rotation)) {
      throw new ChoreoRedisError('UnresolvedRotation', 'access.rotation is a token; the construct needs the number itself to decide which credential is current. Pass a number literal.');
    }
    if (!Number.isInteger(rotation) || rotation < 0) {
      throw new ChoreoRedisError('InvalidRotation', `access.rotation ${rotation} is not a generation; give a whole number, 0 or more, and raise it by one to rotate.`);
    }
  });
  if (secret !== undefined) failures.attempt(() => checkSecret(secret, isUnresolved));
  failures.throwAny();
  return { secret, rotation: rotation ?? 0, rotates: rotation !== undefined, identityAuth: access.identityAuth ?? false };
}

function checkSecret(secret: CredentialSecret, isUnresolved: IsUnresolved): void {
  const owner = 'access.secret.%s';
  const store = `CredentialSecret.${secret.kind}()`;
  checkPropTypes(secret._options, SECRET_PROP_TYPES[secret.kind], owner);
  const rules = SECRET_RULES[secret.kind];
  if (isUnresolved(secret.readers)) {
    throw new ChoreoRedisError('UnresolvedReaders', `${owner.replace('%s', 'readers')} is a single token; pass an array literal, whose entries may be tokens, so that each reader gets its own grant.`);
  }
  if (!Array.isArray(secret.readers) || secret.readers.length === 0) {
    throw new ChoreoRedisError('NoSecretReaders',
      `${owner.replace('%s', 'readers')} is empty; name who may read the credentials, such as ["${rules.readerExample.split(' ')[0]}"]: no reader is inherited silently.`);
  }
  secret.readers.forEach((reader, i) => {
    if (isUnresolved(reader) || rules.reader.test(reader)) return;
    throw new ChoreoRedisError('InvalidSecretReader', `${owner.replace('%s', `readers[${i}]`)} "${reader}" is not a reader ${store} grants; give one such as ${rules.readerExample}.`);
  });
  if (new Set(secret.readers.filter((r) => !isUnresolved(r))).size !== secret.readers.filter((r) => !isUnresolved(r)).length) {
    throw new ChoreoRedisError('DuplicateSecretReader', `${owner.replace('%s', 'readers')} names a reader twice; list each once.`);
  }
  if (secret.name !== undefined && !isUnresolved(secret.name) && !rules.name.test(secret.name)) {
    throw new ChoreoRedisError('InvalidSecretName', `${owner.replace('%s', rules.nameProp)} "${secret.name}" is not a name ${store} takes: ${rules.nameRule}.`);
  }
  const id = rules.id;
  const value = id === undefined ? undefined : Object.entries(secret._options).find(([key]) => key === id.prop)?.[1];
  if (id !== undefined && typeof value === 'string' && !isUnresolved(value) && !id.pattern.test(value)) {
    throw new ChoreoRedisError(id.code, `${owner.replace('%s', id.prop)} "${value}" is not what ${store} takes; give ${id.form}, or a token of the resource.`);
  }
}

/** Which of two credential slots a generation makes current, and the generation each slot was last renewed in. */
export interface RotationSlots {
  /** The slot whose credential is current: 0 or 1. */
  readonly current: 0 | 1;
  /**
   * The generation each slot's credential was made in; 0 for slot 0 means the first credential, and -1 for slot 1
   * means slot 1 holds no credential yet.
   */
  readonly generations: readonly [number, number];
}

/**
 * Two slots take turns: generation `g` renews slot `g % 2` and leaves the other, which holds generation `g - 1`.
 * So a rotation replaces only the older credential, and the one clients hold keeps working until the next rotation.
 */
export function rotationSlots(generation: number): RotationSlots {
  const latestOf = (parity: number): number => (generation % 2 === parity ? generation : generation - 1);
  return { current: (generation % 2) as 0 | 1, generations: [latestOf(0), latestOf(1)] };
}

/** Why Terraform stops before handing on an empty password, in outputs and secrets. */
export const PASSWORD_NOT_READY = 'The data store\'s password is empty: the service has not generated it yet. Run terraform apply again.';

/** How a backend supports one access feature. */
export enum AccessSupport {
  /** The service does it itself. */
  NATIVE = 'native',
  /** The construct builds it from what the service offers. */
  EMULATED = 'emulated',
  /** The pinned provider or the service cannot do it. */
  UNAVAILABLE = 'unavailable',
}

/** One access feature on one backend: how it is supported, what it does, and the fix where it is unavailable. */
export interface AccessCapability {
  readonly support: AccessSupport;
  readonly detail: string;
  /**
   * What to do instead, for an unavailable feature.
   *
   * @default - none
   */
  readonly fix?: string;
  /**
   * Whether asking for the feature changes nothing on this backend (it has nothing the feature acts on): a warning
   * says so, so that the input is not silently ignored.
   *
   * @default false
   */
  readonly noEffect?: boolean;
}

/** A backend's access facts: docs/access.md and the synth warnings. */
export interface BackendAccess {
  /** Where the password lives in Terraform state, besides the outputs and secrets the user asks for. */
  readonly passwordInState: string;
  /** The fields of the JSON document a cloud secret store holds for this backend. */
  readonly secretFields: readonly string[];
  /** What raising `access.rotation` does, and what happens to connected clients. */
  readonly rotation: AccessCapability;
  /** Identity authentication instead of a password. */
  readonly identity: AccessCapability;
}

/** An access feature asked for that the backend cannot give. */
export interface AccessFinding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** Judges the access asked for against the backend: an unavailable feature is a warning, an error under `strict`. */
export function judgeAccess(access: AccessRequest | undefined, backend: BackendAccess,
  context: { readonly service: string; readonly strict: boolean }): AccessFinding[] {
  if (access === undefined) return [];
  const asked: Array<[boolean, AccessCapability, string, string]> = [
    [access.rotates, backend.rotation, 'RotationNotAvailable', 'rotate credentials without downtime (access.rotation)'],
    [access.identityAuth, backend.identity, 'IdentityAuthNotAvailable', 'authenticate identities instead of a password (access.identityAuth)'],
  ];
  const unavailable = asked.filter(([on, capability]) => on && capability.support === AccessSupport.UNAVAILABLE)
    .map(([, capability, code, what]) => ({
      severity: context.strict ? Severity.ERROR : Severity.WARNING,
      code,
      message: `${context.service} cannot ${what}${context.strict ? ' (an error because strict is true)' : ''}: ${capability.detail}.${capability.fix === undefined ? '' : ` Fix: ${capability.fix}.`}`,
    }));
  // A feature with nothing to act on is not a broken promise, so a warning even under strict.
  const withoutEffect = asked.filter(([on, capability]) => on && capability.noEffect === true).map(([, capability, code, what]) => ({
    severity: Severity.WARNING,
    code: code.replace(/NotAvailable$/, 'HasNoEffect'),
    message: `${context.service} is asked to ${what}, which has no effect here: ${capability.detail}. Remove it from access, or keep it `
      + 'knowing it changes nothing.',
  }));
  return [...unavailable, ...withoutEffect];
}
