/**
 * The construct's own lifecycle. `movedFrom`: a data store whose construct is renamed or moved to another parent keeps
 * every name, and each of its resources gets a `moved` block from the address it had, so Terraform moves the state
 * instead of destroying the data store (the Terraform lane plans it: test/terraform/lifecycle-walk.ts). Removal: what
 * each backend's lifecycle says about removing the construct agrees with the protection its primary resource carries.
 */
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { CHANGE_SCENARIOS, ChangeScenarios } from './changes/scenarios';
import { codeOf, testStack } from './util';
import { ChoreoRedis, ChoreoRedisErrors, ChoreoRedisProps, RedisBackend, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';

interface Config {
  resource?: Record<string, Record<string, unknown>>;
  moved?: Array<{ from: string; to: string }>;
}

function synth(scenarios: ChangeScenarios, props: ChoreoRedisProps, path: readonly string[]): Config {
  const stack = testStack((s) => scenarios.configure(s));
  const parent = path.slice(0, -1).reduce<Construct>((scope, id) => new Construct(scope, id), stack);
  new ChoreoRedis(parent, path[path.length - 1]!, props);
  return JSON.parse(Testing.synth(stack)) as Config;
}

/** Every resource address of a configuration. */
const addresses = (config: Config) => Object.entries(config.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`));

/** A logical ID under `prefix` (the construct's own part), as the rest of its path and its hash stripped. */
const rest = (id: string, prefix: string) => new RegExp(`^${prefix}(?:_(.*))?_[0-9A-F]{8}$`).exec(id)?.[1] ?? '';

/** The configuration without construct metadata, every logical ID under `prefix` rewritten to its place under `to`. */
function normalized(config: Config, prefix: string, to: string): string {
  const { moved: _moved, ...rest_ } = config;
  const text = JSON.stringify(rest_, (key, value: unknown) => (key === '//' ? undefined : value));
  return text.replace(new RegExp(`\\b${prefix}(?:_[A-Za-z0-9_-]*?)?_[0-9A-F]{8}\\b`, 'g'), (id) => `${to}:${rest(id, prefix)}`);
}

describe.each(CHANGE_SCENARIOS.map((s) => [s.service, s] as const))('%s', (_service, scenarios) => {
  const props = scenarios.props(ServicePlan.BUSINESS);
  const before = synth(scenarios, props, ['Redis']);
  const after = synth(scenarios, { ...props, movedFrom: 'Redis' }, ['Team', 'Cache']);

  test('a renamed construct with movedFrom moves every resource from the address it had', () => {
    expect(after.moved?.map((m) => m.from).sort()).toEqual(addresses(before).sort());
    expect(after.moved?.map((m) => m.to).sort()).toEqual(addresses(after).sort());
    expect(after.moved?.every((m) => m.from.split('.')[0] === m.to.split('.')[0])).toBe(true);
  });

  test('and defines the same resources, with the same names and settings, at the new addresses', () => {
    expect(normalized(after, 'Team_Cache', 'X')).toEqual(normalized(before, 'Redis', 'X'));
  });

  test('removing the construct: the lifecycle says the cloud refuses the delete exactly where the primary resource has deletion protection on', () => {
    const definition = BACKEND_DEFINITIONS.find((d) => d.service === scenarios.service)!;
    const [primary] = Object.values(before.resource![scenarios.table.primaryType]!) as Array<Record<string, unknown>>;
    const cloudProtected = primary!.deletion_protection_enabled === true || primary!.termination_protection === true;
    expect(props.deletionProtection ?? true).toBe(true);
    expect(/refuse the delete/.test(definition.lifecycle!.removal)).toBe(cloudProtected);
  });
});

test('a resource defined after the constructor (grantConnect) is moved too', () => {
  const stack = testStack((s) => CHANGE_SCENARIOS.find((c) => c.service === 'ElastiCache')!.configure(s));
  const backend = RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa'] });
  const cache = new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.HOBBYIST, backend, access: { identityAuth: true }, movedFrom: 'Redis' });
  cache.grantConnect('app');
  const moved = (JSON.parse(Testing.synth(stack)) as Config).moved ?? [];
  expect(moved.filter((m) => m.to.startsWith('aws_iam_role_policy.')).map((m) => m.from)).toEqual([expect.stringMatching(/^aws_iam_role_policy\.Redis_Connect0_/)]);
});

describe('movedFrom refuses', () => {
  const [scenarios] = CHANGE_SCENARIOS;
  const props = scenarios!.props(ServicePlan.HOBBYIST);
  test('the construct\'s own path', () => {
    expect(() => synth(scenarios!, { ...props, movedFrom: 'Team/Cache' }, ['Team', 'Cache'])).toThrow('[PropHasNoEffect] movedFrom "Team/Cache" is the construct\'s own path');
  });
  test('a path with an empty part', () => {
    expect(codeOf(() => synth(scenarios!, { ...props, movedFrom: 'Team//Cache' }, ['Cache']))).toBe('InvalidMovedFrom');
  });
  test('in the same error as the props\' other faults', () => {
    let error: unknown;
    try {
      synth(scenarios!, { ...props, memoryGib: -1, movedFrom: 'Team//Cache' }, ['Cache']);
    } catch (e) {
      error = e;
    }
    expect(ChoreoRedisErrors.problemCodesOf(error)).toEqual(expect.arrayContaining(['InvalidMovedFrom']));
    expect(ChoreoRedisErrors.problemCodesOf(error).length).toBeGreaterThan(1);
  });
  test('an old path the stack still defines a data store at', () => {
    const stack = testStack((s) => scenarios!.configure(s));
    new ChoreoRedis(stack, 'Redis', { ...props, name: 'first' });
    new ChoreoRedis(stack, 'Cache', { ...props, name: 'second', movedFrom: 'Redis' });
    expect(() => Testing.synth(stack)).toThrow('[MovedFromStillDefined] movedFrom "Redis" on test/Cache: the stack still defines');
  });
});
