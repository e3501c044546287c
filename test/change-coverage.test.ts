/**
 * Every prop change that replaces a data store has a row in its backend's change table, so docs/changes.md (generated
 * from the tables) cannot leave one out. The replacement guard records the primary resource's force-new attributes;
 * a backend prop that sets one must have a row of its own, or be one of the props the rows every backend has cover
 * (its region, the create-time restore, the adoption IDs).
 *
 * For each backend, its harness example (which gives every backend prop a value) is rendered whole and with each
 * optional prop left out: a prop whose absence changes what the guard records must have a row. A required prop cannot
 * be left out, so the example is also compared with the change scenarios' own data store: a recorded attribute whose
 * value differs between the two must be one a row of the table lists.
 */
import { TerraformStack, Testing } from 'cdktf';
import { BackendHarness, loadHarnesses } from './harness';
import { testStack } from './util';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { ChoreoRedisError, DataStoreChange, isRequired } from '../lib/plan';

/** Backend props that the rows every backend has cover, with the row (or why no row is needed). */
const COVERED: Readonly<Record<string, string>> = {
  region: DataStoreChange.REGION,
  location: DataStoreChange.REGION,
  cloud: DataStoreChange.REGION,
  cloudName: DataStoreChange.REGION,
  engineVersion: `${DataStoreChange.ENGINE_UPGRADE} and ${DataStoreChange.ENGINE_DOWNGRADE}`,
  adopt: 'adoption: the IDs name the existing data store (docs/adoption.md)',
  restoreFromSnapshot: 'the create-time restore, read only at creation',
  restoreFromBackup: 'the create-time restore, read only at creation',
  forkFrom: 'the create-time restore, read only at creation',
};

/** The guard's record of the data store: its force-new attributes, as the `ReplacementIdentity` local holds them. */
function identityOf(harness: BackendHarness, backendProps: object, plan: ServicePlan,
  allowedCidrs?: string[]): Record<string, string> | ChoreoRedisError {
  const factory = BACKEND_DEFINITIONS.find((d) => d.id === harness.id)!.factory;
  const stack = testStack((s) => harness.changes.configure(s));
  try {
    const backend = (Reflect.get(RedisBackend, factory) as (props: object) => never)(backendProps);
    new ChoreoRedis(stack, 'Redis', { plan, backend, name: 'orders', allowedCidrs });
  } catch (e) {
    if (e instanceof ChoreoRedisError) return e;
    throw e;
  }
  return recordOf(stack);
}

/** The `ReplacementIdentity` local of a synthesized stack, `{ "attribute" = value, ... }`, as attribute to expression. */
function recordOf(stack: TerraformStack): Record<string, string> {
  const json = JSON.parse(Testing.synth(stack));
  const local = Object.entries<string>(json.locals).find(([id]) => id.startsWith('Redis_ReplacementIdentity_'))![1];
  return Object.fromEntries([...local.matchAll(/"([\w.]+)" = ("(?:[^"\\]|\\.)*"|[^,\n}]+)/g)].map(([, key, value]) => [key, value.trim()]));
}

describe.each(loadHarnesses().map((h) => [h.id, h] as const))('%s: every prop change that replaces the data store has a row', (id, harness) => {
  const { table } = harness.changes;
  const definition = BACKEND_DEFINITIONS.find((d) => d.id === id)!;
  const [example] = harness.examples;
  const plan = ServicePlan.BUSINESS;
  // The example's allow-list: a private endpoint needs one.
  const allowedCidrs = example.dataStore.allowedCidrs as string[] | undefined;
  const whole = identityOf(harness, example.backend, plan, allowedCidrs);
  const rowProps = (table.propRules ?? []).map((r) => r.prop);

  test('the example renders, and records attributes', () => {
    expect(whole).not.toBeInstanceOf(ChoreoRedisError);
    expect(Object.keys(whole).length).toBeGreaterThan(0);
  });

  const optional = Object.keys(example.backend).filter((prop) => !isRequired(definition.propTypes[prop]));
  test.each(optional)('%s: left out, it changes the record only if it has a row', (prop) => {
    const { [prop]: _left, ...rest } = example.backend as Record<string, unknown>;
    const without = identityOf(harness, rest, plan, allowedCidrs);
    // Leaving it out is refused where another prop needs it: it is then required in this example.
    if (without instanceof ChoreoRedisError) return;
    const changed = JSON.stringify(without) !== JSON.stringify(whole);
    expect([prop, changed && COVERED[prop] === undefined && !rowProps.includes(prop)]).toEqual([prop, false]);
  });

  test('a recorded attribute that differs from the change scenarios\' data store is listed by a row', () => {
    const other = harness.changes.props(plan);
    const stack = testStack((s) => harness.changes.configure(s));
    new ChoreoRedis(stack, 'Redis', { ...other, name: 'orders' });
    const scenario = recordOf(stack);
    const listed = new Set([...table.rules, ...(table.propRules ?? [])].flatMap((r) => r.attributes));
    const differing = [...new Set([...Object.keys(scenario), ...Object.keys(whole)])]
      .filter((key) => (scenario[key] ?? null) !== ((whole as Record<string, string>)[key] ?? null));
    expect(differing.filter((key) => !listed.has(key.split('.')[0]))).toEqual([]);
  });

  test('each of its prop rows is a prop of the backend, exercised by the change scenarios', () => {
    for (const prop of rowProps) {
      expect([prop, definition.propTypes[prop] !== undefined, (harness.changes.propPairs?.[prop] ?? []).length > 0]).toEqual([prop, true, true]);
    }
  });
});
