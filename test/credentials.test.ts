/**
 * Credentials never appear as literals, every output that carries one is sensitive, and no stack reads a token of
 * the identity that runs Terraform: checked over every stack of the matrix app, the `-access` stacks included.
 */
import { App, Testing } from 'cdktf';
import { addAccessStacks, addMatrixStacks } from '../examples/matrix';

/** Terraform references that carry a credential. */
const SECRET_REFERENCE = /random_password\.[^.}]+\.result|\.(password|passwords|auth_string|primary_access_key|secondary_access_key|access_key|uri|private_uri)\b/;
/** Data sources that read the credentials of the identity running Terraform. */
const DEPLOYER_CREDENTIAL_SOURCES = ['google_client_config', 'google_service_account_access_token', 'google_service_account_id_token', 'aws_ecr_authorization_token', 'azurerm_client_config'];
/** References to an identity's token. */
const DEPLOYER_CREDENTIAL = /\.(access_token|id_token|authorization_token)\b/;
/** Attribute names that hold a credential. */
const SECRET_ATTRIBUTE = /(^|_)(password|passwords|auth_token|auth_string|access_key|secret)$/;

function literalSecrets(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => literalSecrets(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = `${path}.${key}`;
    const literal = SECRET_ATTRIBUTE.test(key) && [v].flat().some((x) => typeof x === 'string' && !x.includes('${'));
    return [...(literal ? [here] : []), ...literalSecrets(v, here)];
  });
}

const app = new App({ outdir: Testing.app().outdir });
const stacks = [...addMatrixStacks(app), ...addAccessStacks(app)].map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack))] as const);

describe.each(stacks)('%s', (_, json) => {
  test('has no credential written as a literal', () => {
    expect(literalSecrets(json.resource, 'resource')).toEqual([]);
  });

  test('marks every output that carries a credential sensitive', () => {
    const leaking = Object.entries(json.output ?? {})
      .filter(([, output]: [string, any]) => SECRET_REFERENCE.test(JSON.stringify(output.value)) && output.sensitive !== true)
      .map(([name]) => name);
    expect(leaking).toEqual([]);
    expect(Object.keys(json.output ?? {}).some((name) => name.endsWith('_uri'))).toBe(true);
  });

  test('hands on no credential of the identity that runs Terraform', () => {
    expect(Object.keys(json.data ?? {}).filter((type) => DEPLOYER_CREDENTIAL_SOURCES.includes(type))).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(DEPLOYER_CREDENTIAL);
  });
});

test('keeps every Logic App action\'s inputs and outputs out of its run history, where the export SAS would show', () => {
  const actions = stacks.flatMap(([stack, json]) => Object.entries(json.resource?.azurerm_logic_app_action_custom ?? {})
    .map(([id, action]: [string, any]) => [`${stack}.${id}`, JSON.parse(action.body).runtimeConfiguration?.secureData?.properties] as const));
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter(([, secured]) => !(secured?.includes('inputs') && secured?.includes('outputs')))).toEqual([]);
});

test('the checks catch a literal password and a non-sensitive secret output', () => {
  expect(literalSecrets({ x: { authentication_mode: { passwords: ['hunter2hunter2hunter2'] } } }, 'r')).toEqual(['r.x.authentication_mode.passwords']);
  expect(literalSecrets({ x: { passwords: ['${random_password.p.result}'] } }, 'r')).toEqual([]);
  expect(SECRET_REFERENCE.test('${random_password.Redis_Password_ABC.result}')).toBe(true);
  expect(SECRET_REFERENCE.test('${azurerm_managed_redis.x.default_database[0].primary_access_key}')).toBe(true);
  expect(SECRET_REFERENCE.test('${aws_elasticache_replication_group.x.primary_endpoint_address}')).toBe(false);
});
