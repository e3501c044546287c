/**
 * Nothing a user writes is silently ignored or changed: for every prop object of every backend (the data store's
 * props, the backend's, and every object and list of objects declared inside them), a key dropped, misspelt or
 * given a value of another type gives a synthesized stack with the prop in effect, or a `ChoreoRedisError` naming
 * it; never a raw TypeError and never a key quietly left out.
 *
 * The props come from the run-time declarations (ChoreoRedis's and each backend's `propTypes`), not from a list
 * here: a prop declared there is mutated here, and each backend harness's `examples` must give it a value.
 */
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { BackendHarness, PropsExample, loadHarnesses } from './harness';
import { wrongFor } from './properties/kit';
import { providerRuleViolations } from './provider-rules';
import { testStack } from './util';
import { ChoreoRedis, RedisBackend } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { ChoreoRedisError, PropShape, PropType, closestMatch, isRequired, typeOf } from '../lib/plan';
import { CHOREO_REDIS_PROP_TYPES } from '../lib/private/choreo-redis-props';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
/** Generated typos and wrong values per prop and mutation: a fraction of the property runs, since every prop gets its own. */
const RUNS_PER_PROP = Math.max(2, Math.round(RUNS / 25));

/** A declared prop: where it is in the props, and its declaration. */
interface DeclaredProp {
  /** Keys and list indexes from the object's root, such as `['alerts', 'targets']` or `['items', 0, 'host']`. */
  readonly path: ReadonlyArray<string | number>;
  /** The declarations of its siblings, for the typos that must not hit another prop. */
  readonly siblings: PropShape;
  readonly required: boolean;
  readonly type: PropType;
}

/** Every prop the declarations name, nested objects and the first entry of each list of objects included. */
function declaredProps(shape: PropShape, prefix: ReadonlyArray<string | number> = []): DeclaredProp[] {
  return Object.entries(shape).flatMap(([key, spec]) => {
    const type = typeOf(spec);
    const here: DeclaredProp = { path: [...prefix, key], siblings: shape, required: isRequired(spec), type };
    const nested = nestedShape(type);
    return [here, ...(nested === undefined ? [] : declaredProps(nested.shape, [...prefix, key, ...nested.index]))];
  });
}

function nestedShape(type: PropType): { shape: PropShape; index: number[] } | undefined {
  if (typeof type !== 'object') return undefined;
  if ('shape' in type) return { shape: type.shape, index: [] };
  if ('oneOf' in type) return type.oneOf.map(nestedShape).find((nested) => nested !== undefined);
  if ('listOf' in type) {
    const inner = nestedShape(type.listOf);
    return inner === undefined ? undefined : { shape: inner.shape, index: [0, ...inner.index] };
  }
  return undefined;
}

/** How a prop reads in an error: `alerts.targets`, `privateDnsZone.dnsName`, `items[0].host`. */
const pathText = (path: ReadonlyArray<string | number>) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function has(root: unknown, path: ReadonlyArray<string | number>): boolean {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || (value as Record<string | number, unknown>)[key] === undefined) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return true;
}

/** Changes the prop `key` of the object that holds it. */
type Change = (holder: Record<string | number, unknown>, key: string | number) => void;

/** A copy of `root` with the object holding the prop at `path` changed by `change`; objects off the path are shared. */
function edit(root: unknown, path: ReadonlyArray<string | number>, change: Change): unknown {
  const copy: Record<string | number, unknown> = Array.isArray(root) ? [...root] as never : { ...(root as object) };
  const [key, ...rest] = path;
  if (rest.length === 0) change(copy, key);
  else copy[key] = edit(copy[key], rest, change);
  return copy;
}

/** One-edit typos of a key: a letter dropped, doubled, swapped with the next, changed, or its case changed. */
function typoOf(key: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: key.length - 1 });
  return fc.oneof(
    at.map((i) => key.slice(0, i) + key.slice(i + 1)),
    at.map((i) => key.slice(0, i + 1) + key[i] + key.slice(i + 1)),
    at.filter((i) => i < key.length - 1).map((i) => key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2)),
    fc.tuple(at, fc.constantFrom(...'aeioslrt')).map(([i, c]) => key.slice(0, i) + c + key.slice(i + 1)),
    at.map((i) => key.slice(0, i) + (key[i] === key[i].toUpperCase() ? key[i].toLowerCase() : key[i].toUpperCase()) + key.slice(i + 1)),
    fc.constant(key.endsWith('s') ? key.slice(0, -1) : `${key}s`),
  );
}

/** Stands for the backend in the data store's props, built from the backend's props when the data store is made. */
const BACKEND = 'the backend built from the example';

/** The data store's props of an example, the backend included. */
const dataStoreOf = (example: PropsExample) => ({ ...example.dataStore, backend: BACKEND });

/** What a mutated input gave: the error, or the synthesized stack. */
function outcomeOf(harness: BackendHarness, example: PropsExample, backendProps: unknown, dataStore: unknown, synth: boolean): ChoreoRedisError | 'synthesized' {
  const factory = BACKEND_DEFINITIONS.find((d) => d.id === harness.id)!.factory;
  const stack = testStack((s) => harness.arbitrary.configure(s));
  try {
    const backend = (Reflect.get(RedisBackend, factory) as (props: unknown) => unknown)(backendProps);
    const props = Object.fromEntries(Object.entries(dataStore as object).map(([key, value]) => [key, value === BACKEND ? backend : value]));
    new ChoreoRedis(stack, 'Redis', props as never);
  } catch (e) {
    if (!(e instanceof ChoreoRedisError)) throw new Error(`not a ChoreoRedisError for ${JSON.stringify(example.dataStore)}: ${String(e)}`);
    return e;
  }
  if (synth) expect(providerRuleViolations(JSON.parse(Testing.synth(stack)))).toEqual([]);
  return 'synthesized';
}

const HARNESSES = loadHarnesses();

describe.each(HARNESSES.map((h) => [h.id, h] as const))('%s: every declared prop dropped, misspelt or mistyped', (id, harness) => {
  const definition = BACKEND_DEFINITIONS.find((d) => d.id === id)!;
  const owners = [
    { side: 'backend' as const, props: declaredProps(definition.propTypes), owner: (p: string) => `RedisBackend.${definition.factory}({ ${p} })` },
    { side: 'dataStore' as const, props: declaredProps(CHOREO_REDIS_PROP_TYPES), owner: (p: string) => p },
  ];

  test('the examples synthesize', () => {
    for (const example of harness.examples) expect(outcomeOf(harness, example, example.backend, dataStoreOf(example), true)).toBe('synthesized');
  });

  test('the examples give every prop the backend declares a value', () => {
    const missing = owners[0].props.filter((prop) => !harness.examples.some((example) => has(example.backend, prop.path)));
    expect(missing.map((prop) => pathText(prop.path))).toEqual([]);
  });

  const cases = owners.flatMap(({ side, props, owner }) => props
    .filter((prop) => harness.examples.some((example) => has(side === 'backend' ? example.backend : dataStoreOf(example), prop.path)))
    .map((prop) => [`${side === 'backend' ? definition.factory : 'ChoreoRedis'} ${pathText(prop.path)}`, side, prop, owner] as const));

  test.each(cases)('%s', (_, side, prop, owner) => {
    const inputOf = (example: PropsExample) => (side === 'backend' ? example.backend : dataStoreOf(example));
    const examples = harness.examples.filter((example) => has(inputOf(example), prop.path));
    const key = String(prop.path[prop.path.length - 1]);
    const where = owner(pathText(prop.path));
    const run = (example: PropsExample, mutate: (holder: Record<string | number, unknown>, k: string | number) => void, synth: boolean) => {
      const mutated = edit(inputOf(example), prop.path, mutate);
      return side === 'backend'
        ? outcomeOf(harness, example, mutated, dataStoreOf(example), synth)
        : outcomeOf(harness, example, example.backend, mutated, synth);
    };
    for (const example of examples) {
      // Dropped: a required prop is a named error; an optional one takes its default, or the input fails with a named error.
      const dropped = run(example, (holder, k) => { delete holder[k]; }, !prop.required);
      if (prop.required) {
        expect(dropped).toBeInstanceOf(ChoreoRedisError);
        expect((dropped as ChoreoRedisError).message).toContain(`${where} is missing`);
      } else if (dropped !== 'synthesized') {
        expect(dropped.code).toMatch(/^[A-Z][A-Za-z]+$/);
      }

      // Misspelt: refused, with the prop it was meant to be (a required prop misspelt is missing too: one error names both).
      fc.assert(fc.property(typoOf(key).filter((typo) => !(typo in prop.siblings) && typo.length > 0), (typo) => {
        const error = run(example, (holder, k) => { holder[typo] = holder[k]; delete holder[k]; }, false);
        expect(error).toBeInstanceOf(ChoreoRedisError);
        const problems = (error as ChoreoRedisError).code === 'InvalidProps' ? (error as ChoreoRedisError).problems : [error as ChoreoRedisError];
        expect(problems.filter((p) => p.code !== 'UnknownProp').map((p) => p.message)).toEqual(prop.required ? [expect.stringContaining(`${where} is missing`)] : []);
        const { code, message } = problems.find((p) => p.code === 'UnknownProp') ?? problems[0];
        expect(code).toBe('UnknownProp');
        expect(message).toContain(owner(pathText([...prop.path.slice(0, -1), typo])));
        const meant = /did you mean (\w+)\?/.exec(message)?.[1];
        expect(meant).toBe(closestMatch(typo, Object.keys(prop.siblings)));
        expect(Object.keys(prop.siblings)).toContain(meant);
      }), { numRuns: RUNS_PER_PROP, seed: Number(process.env.PROPERTY_SEED ?? 20261206) });

      // Mistyped: refused, naming the prop.
      fc.assert(fc.property(wrongFor(prop.type), (value) => {
        const error = run(example, (holder, k) => { holder[k] = value; }, false);
        expect(error).toBeInstanceOf(ChoreoRedisError);
        expect((error as ChoreoRedisError).code).toBe('InvalidType');
        expect((error as ChoreoRedisError).message).toContain(`${where} is `);
      }), { numRuns: RUNS_PER_PROP, seed: Number(process.env.PROPERTY_SEED ?? 20261206) });
    }
  });
});

test('the examples of all backends together give every prop of ChoreoRedis a value', () => {
  const examples = HARNESSES.flatMap((h) => h.examples);
  const missing = declaredProps(CHOREO_REDIS_PROP_TYPES).filter((prop) => !examples.some((example) => has(dataStoreOf(example), prop.path)));
  expect(missing.map((prop) => pathText(prop.path))).toEqual([]);
});
