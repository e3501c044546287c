/**
 * Access: the credentials in a secret store with explicit readers and write-only values, rotation, identity
 * authentication, and the warnings for what a backend cannot do. The `<cloud>-access` stacks of the matrix app are
 * synthesized once; the rest are plan-level or small single-backend stacks.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { providerRuleViolations } from './provider-rules';
import { asIfFromJavaScript, codeOf, synthJson, warningsOf } from './util';
import { MATRIX_CLOUDS, MatrixCloud, addAccessStacks, matrixProps } from '../examples/matrix';
import { ChoreoRedis, ChoreoRedisAccess, ChoreoRedisProps, CredentialSecret, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { lazyPackageModule } from '../lib/backends/lazy';
import { AccessSupport, CredentialSecretKind, Severity, judgeAccess, resolveAccess, rotationSlots } from '../lib/plan';

type Json = Record<string, any>;

const app = new App({ outdir: Testing.app().outdir });
const accessStacks = addAccessStacks(app);
const synthesized = new Map(accessStacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack)) as Json]));
const one = (json: Json, type: string): Json => {
  const blocks = Object.values(json.resource[type] ?? {});
  expect(blocks).toHaveLength(1);
  return blocks[0] as Json;
};
const all = (json: Json, type: string): Json[] => Object.values(json.resource[type] ?? {});

/** The secret store each `-access` stack writes to, and the resources that hold the value and grant the readers. */
const STORES: Record<string, { value: string; wo: string; version: string; readers: (json: Json) => unknown }> = {
  [CredentialSecretKind.AWS_SECRETS_MANAGER]: {
    value: 'aws_secretsmanager_secret_version',
    wo: 'secret_string_wo',
    version: 'secret_string_wo_version',
    readers: (json) => JSON.stringify(one(json, 'aws_secretsmanager_secret_policy').policy).match(/arn:aws:iam::\d+:[\w/]+/g),
  },
  [CredentialSecretKind.AZURE_KEY_VAULT]: {
    value: 'azurerm_key_vault_secret',
    wo: 'value_wo',
    version: 'value_wo_version',
    readers: (json) => all(json, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Key Vault Secrets User').map((r) => r.principal_id),
  },
  [CredentialSecretKind.GOOGLE_SECRET_MANAGER]: {
    value: 'google_secret_manager_secret_version',
    wo: 'secret_data_wo',
    version: 'secret_data_wo_version',
    readers: (json) => all(json, 'google_secret_manager_secret_iam_member').map((m) => m.member),
  },
  [CredentialSecretKind.KUBERNETES]: {
    value: 'kubernetes_secret_v1',
    wo: 'data_wo',
    version: 'data_wo_revision',
    readers: (json) => one(json, 'kubernetes_role_binding_v1').subject.map((s: Json) => s.name),
  },
};

const accessOf = (entry: MatrixCloud): ChoreoRedisAccess => entry.access(new TerraformStack(new App(), 'scratch')).access;

describe.each(MATRIX_CLOUDS.map((entry) => [`${entry.cloud}-access`, entry] as const))('%s', (id, entry) => {
  const json = synthesized.get(id)!;
  const { secret, rotation, identityAuth } = accessOf(entry);
  const store = STORES[secret!.kind];
  const definition = BACKEND_DEFINITIONS.find((d) => d.id === entry.backend(ServicePlan.BUSINESS).backendId)!;

  test('turns on the secret store, and rotation and identity auth only where the backend offers them', () => {
    expect(secret).toBeDefined();
    expect(rotation !== undefined).toBe(definition.access.rotation.support !== AccessSupport.UNAVAILABLE && definition.id !== 'memorystore-valkey');
    expect(identityAuth === true).toBe(definition.access.identity.support === AccessSupport.NATIVE);
  });

  test('passes the provider-side rules of every resource it defines', () => {
    expect(providerRuleViolations(json)).toEqual([]);
  });

  test('writes the credentials write-only, with a version Terraform derives from the value, never before the password exists', () => {
    const value = one(json, store.value);
    expect(Object.keys(value).filter((key) => ['secret_string', 'value', 'secret_data', 'data'].includes(key))).toEqual([]);
    const text = JSON.stringify(value[store.wo]);
    for (const field of ['uri', 'host', 'port', 'user']) expect(text).toContain(field);
    expect(text.includes('password')).toBe(definition.id !== 'memorystore-valkey');
    expect(/ca_certificate|ca\.crt/.test(text)).toBe(definition.id.startsWith('memorystore'));
    expect(value[store.version]).toMatch(/^\$\{parseint\(substr\(sha256\(.*\), 0, 12\), 16\)\}$/);
    expect(value.lifecycle?.precondition?.length ?? 0).toBe(definition.id === 'memorystore-valkey' ? 0 : 1);
  });

  test('holds the fields docs/access.md names for the backend', () => {
    const value = one(json, store.value)[store.wo];
    const fields = typeof value === 'string'
      ? [...value.replace(/^\$\{jsonencode\(\{/, '').matchAll(/(?:^|, )"(\w+)" = /g)].map((m) => m[1])
      : Object.keys(value).map((key) => (key === 'ca.crt' ? 'ca_certificate' : key)).concat('tls');
    expect(fields.sort()).toEqual([...definition.access.secretFields].sort());
  });

  test('grants exactly the readers given, on this secret alone', () => {
    expect(store.readers(json)).toEqual(secret!.readers);
  });
});

describe('the secret', () => {
  test('names only this secret in each grant', () => {
    expect(one(synthesized.get('aws-access')!, 'aws_secretsmanager_secret_policy').secret_arn).toMatch(/^\$\{aws_secretsmanager_secret\.[\w]+\.arn\}$/);
    expect(one(synthesized.get('azure-access')!, 'azurerm_key_vault_secret')).toMatchObject({ content_type: 'application/json' });
    const azureReaders = all(synthesized.get('azure-access')!, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Key Vault Secrets User');
    expect(azureReaders.map((r) => r.scope)).toEqual([expect.stringMatching(/^\$\{azurerm_key_vault_secret\.\w+\.resource_versionless_id\}$/)]);
    expect(all(synthesized.get('gcp-access')!, 'google_secret_manager_secret_iam_member')[0]).toMatchObject({
      role: 'roles/secretmanager.secretAccessor', secret_id: expect.stringMatching(/^\$\{google_secret_manager_secret\.\w+\.secret_id\}$/),
    });
    const k8s = synthesized.get('digitalocean-access')!;
    const secretName = one(k8s, 'kubernetes_secret_v1').metadata.name;
    expect(one(k8s, 'kubernetes_role_v1').rule).toEqual([{ api_groups: [''], resources: ['secrets'], resource_names: [secretName], verbs: ['get'] }]);
  });

  test('keeps the AWS secret in the data store\'s region, deletable at once so that a re-created data store can write it again', () => {
    expect(one(synthesized.get('aws-access')!, 'aws_secretsmanager_secret')).toMatchObject({ region: 'eu-west-1', recovery_window_in_days: 0, name: expect.stringMatching(/^choreo-redis\//) });
  });

  test('any store serves any backend: a Kubernetes Secret for Memorystore for Valkey holds the CA and no password', () => {
    const { json } = synthWith('gcp-valkey', { secret: CredentialSecret.kubernetes({ namespace: 'apps', readers: ['app'] }) }, {},
      (stack) => new KubernetesProvider(stack, 'kubernetes', {}));
    const secret = one(json, 'kubernetes_secret_v1');
    expect(Object.keys(secret.data_wo).sort()).toEqual(['ca.crt', 'host', 'port', 'uri', 'user']);
    expect(secret.lifecycle).toBeUndefined();
    expect(providerRuleViolations(json)).toEqual([]);
  });

  test('an AWS secret for Aiven on AWS lands in the data store\'s AWS region', () => {
    const { json } = synthWith('aiven-aws', { secret: CredentialSecret.awsSecretsManager({ readers: ['arn:aws:iam::111122223333:role/app'] }) }, {},
      (stack) => new AwsProvider(stack, 'aws', { region: 'eu-west-1' }));
    expect(one(json, 'aws_secretsmanager_secret').region).toBe('eu-west-1');
    expect(one(json, 'aws_secretsmanager_secret_version').secret_string_wo).toMatch(/"password" = aiven_valkey_user\.\w+\.password/);
  });

  test.each([
    ['no readers', CredentialSecret.kubernetes({ namespace: 'apps', readers: [] }), 'NoSecretReaders', /^\[NoSecretReaders\] access\.secret\.readers is empty; name who may read the credentials, such as \["app"\]: no reader is inherited silently\.$/],
    ['a reader the store does not grant', CredentialSecret.awsSecretsManager({ readers: ['app-role'] }), 'InvalidSecretReader',
      /^\[InvalidSecretReader\] access\.secret\.readers\[0\] "app-role" is not a reader CredentialSecret\.awsSecretsManager\(\) grants; give one such as arn:aws:iam::111122223333:role\/app\.$/],
    ['a reader twice', CredentialSecret.googleSecretManager({ project: 'my-project', readers: ['user:a@example.com', 'user:a@example.com'] }), 'DuplicateSecretReader', /names a reader twice/],
    ['a name the store refuses', CredentialSecret.azureKeyVault({ keyVaultId: '/subscriptions/x/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv1', readers: ['00000000-0000-0000-0000-000000000000'], name: 'redis_uri' }),
      'InvalidSecretName', /access\.secret\.name "redis_uri" is not a name CredentialSecret\.azureKeyVault\(\) takes: 1-127 letters, digits and hyphens/],
    ['a Key Vault ID that is not one', CredentialSecret.azureKeyVault({ keyVaultId: '/subscriptions/x/vaults/kv', readers: ['00000000-0000-0000-0000-000000000000'] }),
      'InvalidKeyVault', /access\.secret\.keyVaultId "\/subscriptions\/x\/vaults\/kv" is not what CredentialSecret\.azureKeyVault\(\) takes; give a Key Vault's resource ID/],
    ['a KMS key that names none', CredentialSecret.awsSecretsManager({ readers: ['arn:aws:iam::111122223333:role/app'], kmsKey: 'my-key' }), 'InvalidKmsKey',
      /access\.secret\.kmsKey "my-key" is not what CredentialSecret\.awsSecretsManager\(\) takes; give a KMS key: its key ID/],
    ['a project name, not its ID', CredentialSecret.googleSecretManager({ project: 'My Project', readers: ['user:a@example.com'] }), 'InvalidProject',
      /access\.secret\.project "My Project" is not what CredentialSecret\.googleSecretManager\(\) takes; give a Google Cloud project ID/],
    ['readers as a string', CredentialSecret.kubernetes({ namespace: 'apps', readers: asIfFromJavaScript('app') }), 'InvalidType',
      /access\.secret\.readers is the string "app", but must be an array of strings\. Wrap a single entry in a list: \["app"\]/],
  ])('fails for %s', (_, secret, code, message) => {
    expect(() => resolveAccess({ secret }, () => false)).toThrow(message);
    expect(codeOf(() => resolveAccess({ secret }, () => false))).toBe(code);
  });
});

describe('rotation', () => {
  test.each([
    [0, 0, [0, -1]],
    [1, 1, [0, 1]],
    [2, 0, [2, 1]],
    [3, 1, [2, 3]],
    [10, 0, [10, 9]],
  ])('generation %i: slot %i is current; the slots hold generations %j', (generation, current, generations) => {
    expect(rotationSlots(generation)).toEqual({ current, generations });
  });

  test.each([[-1], [1.5], [asIfFromJavaScript<number>('1')]])('fails for rotation %j', (rotation) => {
    expect(() => resolveAccess({ rotation }, () => false)).toThrow(`access.rotation ${rotation} is not a generation; give a whole number, 0 or more, and raise it by one to rotate.`);
  });

  test('fails for a token generation, which cannot decide the current credential', () => {
    expect(codeOf(() => resolveAccess({ rotation: 1 }, (v) => v === 1))).toBe('UnresolvedRotation');
  });
});

const cloudOf = (id: string): MatrixCloud => MATRIX_CLOUDS.find((entry) => entry.cloud === id)!;

/** One Business data store of a matrix cloud with `access`, synthesized. */
function synthWith(cloud: string, access: ChoreoRedisAccess | undefined, extra: Partial<ChoreoRedisProps> = {},
  providers: (stack: TerraformStack) => void = () => {}): { json: Json; redis: ChoreoRedis } {
  const entry = cloudOf(cloud);
  const stack = new TerraformStack(Testing.app(), 'test');
  entry.configure(stack);
  entry.access(stack);
  providers(stack);
  const redis = new ChoreoRedis(stack, 'Redis', { ...matrixProps(entry, 'business', false), ...extra, ...(access === undefined ? {} : { access }) });
  redis.addOutputs();
  return { json: synthJson(stack), redis };
}

/** The random_password a reference names, as `<keeper>` (or `first` without keepers). */
function passwordGenerations(json: Json, references: readonly string[]): string[] {
  return references.map((ref) => {
    const id = /random_password\.(\w+)\.result/.exec(ref)![1];
    return json.resource.random_password[id].keepers?.rotation ?? 'first';
  });
}

describe('ElastiCache rotation: the user holds the new and the previous password', () => {
  test('turning rotation on (generation 0) changes nothing', () => {
    expect(synthWith('aws', { rotation: 0 }).json).toEqual(synthWith('aws', undefined).json);
  });

  test.each([
    [1, ['1', 'first']],
    [2, ['2', '1']],
    [3, ['3', '2']],
  ])('generation %i: passwords from generations %j, the first in the URI', (generation, expected) => {
    const { json } = synthWith('aws', { rotation: generation });
    const user = Object.values(json.resource.aws_elasticache_user).find((u: any) => u.user_name === 'default') as Json;
    expect(passwordGenerations(json, user.authentication_mode.passwords)).toEqual(expected);
    expect(passwordGenerations(json, [json.output.Redis_password.value])).toEqual([expected[0]]);
    expect(json.output.Redis_uri.value).toContain(`urlencode(${json.output.Redis_password.value.slice(2, -1)})`);
    expect(Object.keys(json.resource.random_password)).toHaveLength(2);
  });
});

describe('rotation on the other backends', () => {
  test.each([
    [1, 'app-next', 'app-next'],
    [2, 'app', 'app'],
  ])('Aiven generation %i: two users, the URI names %s with its random password', (generation, current) => {
    const { json } = synthWith('aiven-aws', { rotation: generation });
    const users = Object.values(json.resource.aiven_valkey_user) as Json[];
    expect(users.map((u) => u.username).sort()).toEqual(['app', 'app-next']);
    expect(json.output.Redis_user.value).toBe(current);
    const user = users.find((u) => u.username === current)!;
    expect(passwordGenerations(json, [user.password])).toEqual([String(generation)]);
    expect(json.output.Redis_password.value).toMatch(new RegExp(`^\\$\\{aiven_valkey_user\\.Redis_${current === 'app' ? 'User' : 'NextUser'}_[0-9A-F]{8}\\.password\\}$`));
  });

  test.each([[1, 'secondary'], [2, 'primary']])('Azure generation %i hands on the %s access key', (generation, key) => {
    const { json } = synthWith('azure', { rotation: generation });
    expect(json.output.Redis_password.value).toMatch(new RegExp(`\\.default_database\\[0\\]\\.${key}_access_key\\}$`));
  });

  test.each([['digitalocean'], ['gcp']])('%s cannot rotate: a warning with the fix, an error under strict', (cloud) => {
    const { redis } = synthWith(cloud, { rotation: 1 });
    expect(warningsOf(redis).filter((w) => w.startsWith('[RotationNotAvailable]'))).toEqual([expect.stringMatching(/cannot rotate credentials without downtime \(access\.rotation\): .* Fix: /)]);
    const definition = BACKEND_DEFINITIONS.find((d) => d.id === redis.backendId)!;
    const strict = judgeAccess(resolveAccess({ rotation: 1 }, () => false), definition.access, { service: definition.service, strict: true });
    expect(strict.map((f) => [f.code, f.severity])).toEqual([['RotationNotAvailable', Severity.ERROR]]);
    expect(strict[0].message).toMatch(/\(an error because strict is true\)/);
  });
});

test('Memorystore for Valkey: rotation has nothing to rotate, and a warning says so, under strict too', () => {
  const definition = BACKEND_DEFINITIONS.find((d) => d.id === 'memorystore-valkey')!;
  for (const strict of [false, true]) {
    const findings = judgeAccess(resolveAccess({ rotation: 3 }, () => false), definition.access, { service: definition.service, strict });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['RotationHasNoEffect', Severity.WARNING]]);
    expect(findings[0].message).toMatch(
      /^Memorystore for Valkey is asked to rotate credentials without downtime \(access\.rotation\), which has no effect here: there is no password to rotate: /);
  }
  const identity = judgeAccess(resolveAccess({ identityAuth: true }, () => false), definition.access, { service: definition.service, strict: true });
  expect(identity).toEqual([]);
});

describe('identity authentication', () => {
  test('ElastiCache: an IAM user whose ID is its name joins the user group; grantConnect gives a role elasticache:Connect on the group and that user, once', () => {
    const entry = cloudOf('aws');
    const stack = new TerraformStack(Testing.app(), 'test');
    entry.configure(stack);
    const redis = new ChoreoRedis(stack, 'Redis', { ...matrixProps(entry, 'business', false), access: { identityAuth: true } });
    redis.grantConnect('app');
    redis.grantConnect('app');
    redis.grantConnect('worker');
    const json = synthJson(stack);
    const iam = (Object.values(json.resource.aws_elasticache_user) as Json[]).find((u) => u.authentication_mode.type === 'iam')!;
    expect(iam.user_id).toBe(iam.user_name);
    expect(redis.identityUser).toBe(iam.user_name);
    expect(redis.identityUser).toMatch(/^test-redis-[0-9a-f]{8}-iam$/);
    expect(one(json, 'aws_elasticache_user_group').user_ids).toHaveLength(2);
    const policies = all(json, 'aws_iam_role_policy');
    expect(policies.map((p) => p.role)).toEqual(['app', 'worker']);
    expect(policies[0].policy).toMatch(/"Action" = "elasticache:Connect", "Resource" = \[aws_elasticache_replication_group\.\w+\.arn, aws_elasticache_user\.\w+\.arn\]/);
    expect(providerRuleViolations(json)).toEqual([]);
  });

  test('ElastiCache without identityAuth: grantConnect fails and says to turn it on', () => {
    const { redis } = synthWith('aws', undefined);
    expect(() => redis.grantConnect('app')).toThrow(/identity authentication is off; set access: \{ identityAuth: true \}/);
  });

  test('Memorystore for Valkey: grantConnect grants the connection role to the member', () => {
    const { json } = synthWith('gcp-valkey', undefined);
    expect(json.resource.google_project_iam_member).toBeUndefined();
    const entry = cloudOf('gcp-valkey');
    const stack = new TerraformStack(Testing.app(), 'test');
    entry.configure(stack);
    new ChoreoRedis(stack, 'Redis', matrixProps(entry, 'business', false)).grantConnect('serviceAccount:app@example-project.iam.gserviceaccount.com');
    expect(one(synthJson(stack), 'google_project_iam_member')).toMatchObject({ role: 'roles/memorystore.dbConnectionUser', member: 'serviceAccount:app@example-project.iam.gserviceaccount.com' });
  });

  test.each([['azure', /azurerm 4\.60.*Fix: use the access keys/], ['digitalocean', /password only\. Fix:/], ['aiven-gcp', /password only\. Fix:/], ['gcp', /AUTH string only.*Fix: choose RedisBackend\.memorystoreValkey\(\)/]])(
    '%s cannot authenticate identities: a warning with the fix, and grantConnect fails', (cloud, message) => {
      const { redis } = synthWith(cloud, { identityAuth: true });
      expect(warningsOf(redis).filter((w) => w.startsWith('[IdentityAuthNotAvailable]'))).toEqual([expect.stringMatching(message)]);
      expect(codeOf(() => redis.grantConnect('someone'))).toBe('IdentityAuthNotAvailable');
    });
});

describe('judgeAccess', () => {
  const backend = BACKEND_DEFINITIONS.find((d) => d.id === 'digitalocean-valkey')!.access;
  test('asks nothing of a backend when no access is asked for', () => {
    expect(judgeAccess(undefined, backend, { service: 'x', strict: true })).toEqual([]);
    expect(judgeAccess(resolveAccess({}, () => false), backend, { service: 'x', strict: true })).toEqual([]);
  });

  test('every unavailable feature has a fix', () => {
    for (const definition of BACKEND_DEFINITIONS) {
      for (const capability of [definition.access.rotation, definition.access.identity]) {
        expect(capability.support === AccessSupport.UNAVAILABLE).toBe(capability.fix !== undefined);
      }
    }
    const findings = judgeAccess(resolveAccess({ rotation: 1, identityAuth: true }, () => false), backend, { service: 'DigitalOcean', strict: false });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['RotationNotAvailable', Severity.WARNING], ['IdentityAuthNotAvailable', Severity.WARNING]]);
  });
});

test('access with wrong types fails with InvalidType, naming the nested prop', () => {
  const entry = cloudOf('aws');
  const make = (access: unknown) => () => new ChoreoRedis(new TerraformStack(Testing.app(), 't'), 'Redis', {
    ...matrixProps(entry, 'business', false), access: asIfFromJavaScript(access),
  });
  expect(make({ rotation: '2' })).toThrow(/access\.rotation is the string "2", but must be a number/);
  expect(make({ secret: { kind: 'kubernetes' } })).toThrow(/access\.secret is an object \(Object\), but must be a CredentialSecret/);
  expect(make('on')).toThrow(/access is the string "on", but must be an object/);
});

test('a store or feature whose provider package is missing fails with the npm install line', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const load = lazyPackageModule('@cdktf/provider-absent@1.2.3', 'CredentialSecret.kubernetes()', () => require('@cdktf/provider-absent/lib/secret'));
  expect(load).toThrow('[ProviderNotInstalled] CredentialSecret.kubernetes() needs the npm package @cdktf/provider-absent, which is not installed; run "npm install -E @cdktf/provider-absent@1.2.3".');
});
