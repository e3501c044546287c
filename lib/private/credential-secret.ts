/**
 * Writes a data store's credentials to the secret store the user chose, with the provider's write-only argument,
 * and grants exactly the given readers. Each store's provider module loads only when a secret of its kind is
 * defined, so a stack needs only the bindings of the stores it uses.
 */
import { Fn, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { lazyPackageModule } from '../backends/lazy';
import {
  AwsSecretsManagerSecretProps, AzureKeyVaultSecretProps, CredentialSecret, CredentialSecretKind,
  GoogleSecretManagerSecretProps, KubernetesSecretProps, PASSWORD_NOT_READY,
} from '../plan';

/** What a client needs to connect: each field of the secret. */
export interface CredentialFields {
  readonly uri: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Undefined where clients authenticate with their own identity. */
  readonly password?: string;
  readonly caCertificate?: string;
  /** The data store's name on its cloud, for default secret names. */
  readonly name: string;
  /** The data store's region when it runs on AWS, for an AWS secret next to it. */
  readonly awsRegion?: string;
}

/** The npm package each store's resources come from, for the error when it is missing. */
const PACKAGES: Readonly<Record<CredentialSecretKind, string>> = {
  [CredentialSecretKind.AWS_SECRETS_MANAGER]: '@cdktf/provider-aws@21.22.1',
  [CredentialSecretKind.AZURE_KEY_VAULT]: '@cdktf/provider-azurerm@14.23.1',
  [CredentialSecretKind.GOOGLE_SECRET_MANAGER]: '@cdktf/provider-google@16.12.1',
  [CredentialSecretKind.KUBERNETES]: '@cdktf/provider-kubernetes@12.1.1',
};

/** A store's provider modules, loaded on first use, or the library's error naming the package to install. */
const required = <T>(kind: CredentialSecretKind, load: () => T): (() => T) => lazyPackageModule(PACKAGES[kind], `CredentialSecret.${kind}()`, load);

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, so that stacks without the store never load its binding */
const aws = required(CredentialSecretKind.AWS_SECRETS_MANAGER, () => ({
  ...(require('@cdktf/provider-aws/lib/secretsmanager-secret') as typeof import('@cdktf/provider-aws/lib/secretsmanager-secret')),
  ...(require('@cdktf/provider-aws/lib/secretsmanager-secret-version') as typeof import('@cdktf/provider-aws/lib/secretsmanager-secret-version')),
  ...(require('@cdktf/provider-aws/lib/secretsmanager-secret-policy') as typeof import('@cdktf/provider-aws/lib/secretsmanager-secret-policy')),
}));
const azure = required(CredentialSecretKind.AZURE_KEY_VAULT, () => ({
  ...(require('@cdktf/provider-azurerm/lib/key-vault-secret') as typeof import('@cdktf/provider-azurerm/lib/key-vault-secret')),
  ...(require('@cdktf/provider-azurerm/lib/role-assignment') as typeof import('@cdktf/provider-azurerm/lib/role-assignment')),
}));
const google = required(CredentialSecretKind.GOOGLE_SECRET_MANAGER, () => ({
  ...(require('@cdktf/provider-google/lib/secret-manager-secret') as typeof import('@cdktf/provider-google/lib/secret-manager-secret')),
  ...(require('@cdktf/provider-google/lib/secret-manager-secret-version') as typeof import('@cdktf/provider-google/lib/secret-manager-secret-version')),
  ...(require('@cdktf/provider-google/lib/secret-manager-secret-iam-member') as typeof import('@cdktf/provider-google/lib/secret-manager-secret-iam-member')),
}));
const kubernetes = required(CredentialSecretKind.KUBERNETES, () => ({
  ...(require('@cdktf/provider-kubernetes/lib/secret-v1') as typeof import('@cdktf/provider-kubernetes/lib/secret-v1')),
  ...(require('@cdktf/provider-kubernetes/lib/role-v1') as typeof import('@cdktf/provider-kubernetes/lib/role-v1')),
  ...(require('@cdktf/provider-kubernetes/lib/role-binding-v1') as typeof import('@cdktf/provider-kubernetes/lib/role-binding-v1')),
}));
/* eslint-enable @typescript-eslint/no-require-imports */

/** The Kubernetes Secret's keys, in the form clients and mounted files expect (`ca.crt` as service-account secrets name it). */
function kubernetesData(fields: CredentialFields): Record<string, string> {
  return {
    uri: fields.uri,
    host: fields.host,
    port: Token.asString(fields.port),
    user: fields.user,
    ...(fields.password === undefined ? {} : { password: fields.password }),
    ...(fields.caCertificate === undefined ? {} : { 'ca.crt': fields.caCertificate }),
  };
}

/** The JSON document of the cloud secret stores: the same fields, snake_case. */
function document(fields: CredentialFields): string {
  return Fn.jsonencode({
    uri: fields.uri,
    host: fields.host,
    port: fields.port,
    user: fields.user,
    ...(fields.password === undefined ? {} : { password: fields.password }),
    ...(fields.caCertificate === undefined ? {} : { ca_certificate: fields.caCertificate }),
    tls: true,
  });
}

/**
 * The version that tells the provider to write a write-only value again: a number Terraform derives from the value
 * itself (48 bits of its SHA-256), so the secret is written again whenever the value changes, and only then. A
 * rotation, or a value the service renews, never leaves the secret stale.
 */
function writeOnlyVersion(value: string): number {
  return Token.asNumber(Fn.parseint(Fn.substr(Fn.sha256(value), 0, 12), 16));
}

/**
 * Refuses to hand on an empty password: a service-generated password can be read back before it exists. Checked by
 * Terraform before the secret is written.
 */
function passwordReady(fields: CredentialFields): { precondition: { condition: unknown; errorMessage: string }[] } | undefined {
  if (fields.password === undefined) return undefined;
  return { precondition: [{ condition: Op.gte(Fn.lengthOf(fields.password), 1), errorMessage: PASSWORD_NOT_READY }] };
}

/** Defines the secret, its value and its readers under `scope`. */
export function defineCredentialSecret(scope: Construct, secret: CredentialSecret, fields: CredentialFields): void {
  const options = secret._options;
  const lifecycle = passwordReady(fields);
  switch (secret.kind) {
    case CredentialSecretKind.AWS_SECRETS_MANAGER: {
      const props = options as AwsSecretsManagerSecretProps;
      const m = aws();
      const region = props.region ?? fields.awsRegion;
      const stored = new m.SecretsmanagerSecret(scope, 'Secret', {
        region,
        name: props.name ?? `choreo-redis/${fields.name}`,
        description: `Connection of the Redis data store ${fields.name}`,
        kmsKeyId: props.kmsKey,
        // The credentials can be written again from the data store: a re-created secret may take the name at once.
        recoveryWindowInDays: 0,
      });
      const value = document(fields);
      new m.SecretsmanagerSecretVersion(scope, 'Value', {
        region,
        secretId: stored.id,
        secretStringWo: value,
        secretStringWoVersion: writeOnlyVersion(value),
        lifecycle,
      });
      new m.SecretsmanagerSecretPolicy(scope, 'Readers', {
        region,
        secretArn: stored.arn,
        policy: Fn.jsonencode({
          Version: '2012-10-17',
          Statement: [{
            Sid: 'ReadRedisCredentials',
            Effect: 'Allow',
            Principal: { AWS: [...props.readers] },
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: '*',
          }],
        }),
      });
      return;
    }
    case CredentialSecretKind.AZURE_KEY_VAULT: {
      const props = options as AzureKeyVaultSecretProps;
      const m = azure();
      const value = document(fields);
      const stored = new m.KeyVaultSecret(scope, 'Secret', {
        keyVaultId: props.keyVaultId,
        name: props.name ?? `${fields.name}-redis`,
        contentType: 'application/json',
        valueWo: value,
        valueWoVersion: writeOnlyVersion(value),
        lifecycle,
      });
      props.readers.forEach((principalId, i) => new m.RoleAssignment(scope, `Reader${i}`, {
        scope: stored.resourceVersionlessId,
        roleDefinitionName: 'Key Vault Secrets User',
        principalId,
      }));
      return;
    }
    case CredentialSecretKind.GOOGLE_SECRET_MANAGER: {
      const props = options as GoogleSecretManagerSecretProps;
      const m = google();
      const stored = new m.SecretManagerSecret(scope, 'Secret', {
        project: props.project,
        secretId: props.secretId ?? `${fields.name}-redis`,
        replication: { auto: {} },
      });
      const value = document(fields);
      new m.SecretManagerSecretVersion(scope, 'Value', {
        secret: stored.id,
        secretDataWo: value,
        secretDataWoVersion: writeOnlyVersion(value),
        lifecycle,
      });
      props.readers.forEach((member, i) => new m.SecretManagerSecretIamMember(scope, `Reader${i}`, {
        project: props.project,
        secretId: stored.secretId,
        role: 'roles/secretmanager.secretAccessor',
        member,
      }));
      return;
    }
    case CredentialSecretKind.KUBERNETES: {
      const props = options as KubernetesSecretProps;
      const m = kubernetes();
      const name = props.name ?? `${fields.name}-redis`;
      const { namespace } = props;
      const data = kubernetesData(fields);
      const labels = { 'app.kubernetes.io/managed-by': 'cdktf-choreo-redis' };
      new m.SecretV1(scope, 'Secret', {
        metadata: { name, namespace, labels },
        type: 'Opaque',
        dataWo: data,
        dataWoRevision: writeOnlyVersion(Fn.jsonencode(data)),
        lifecycle,
      });
      const reader = `${name}-reader`;
      new m.RoleV1(scope, 'ReaderRole', {
        metadata: { name: reader, namespace, labels },
        rule: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [name], verbs: ['get'] }],
      });
      new m.RoleBindingV1(scope, 'Readers', {
        metadata: { name: reader, namespace, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: reader },
        subject: props.readers.map((serviceAccount) => ({ kind: 'ServiceAccount', name: serviceAccount, namespace })),
      });
      return;
    }
  }
}
