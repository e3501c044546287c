/**
 * Properties that hold for every input: generated ChoreoRedis configurations, across every backend, either
 * fail with the library's own error (a code, and a message naming the offending prop) or synthesize
 * Terraform that passes the project's checks of each provider's rules. No other exception escapes. And moving a data
 * store from any of those inputs to any other, the replacement guard stops exactly the moves that replace it.
 */
import { TerraformVariable, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { loadHarnesses } from './harness';
import { rarely } from './properties/arbitraries';
import { providerRuleViolations } from './provider-rules';
import { testStack } from './util';
import { ChoreoRedis, ServicePlan } from '../lib';
import { ChangeEffect, ChoreoRedisError, effectOf } from '../lib/plan';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

/** The primary resource and what the replacement guard compares (its locals), of one synthesized data store. */
interface Guarded {
  readonly primary: Record<string, any>;
  readonly identity?: string;
}

function guarded(json: { resource: Record<string, Record<string, any>>; locals?: Record<string, string> }, primaryType: string): Guarded {
  const [primary] = Object.values(json.resource[primaryType]);
  return { primary, identity: Object.entries(json.locals ?? {}).find(([id]) => id.startsWith('Redis_ReplacementIdentity_'))?.[1] };
}

const TOP_LEVEL_PROPS = ['plan', 'memoryGib', 'allowedCidrs', 'name', 'luaScripting', 'strict', 'backend region', 'promise', 'alerts'];

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((g) => g.map((x) => x.toString(16)).join(':'));
/** A host address, or a network written with its prefix (sometimes with host bits set). */
const hostOrNetwork = (address: fc.Arbitrary<string>, bits: number) => fc.oneof(
  address,
  fc.tuple(address, fc.integer({ min: 0, max: bits })).map(([ip, p]) => `${ip}/${p}`),
  fc.tuple(address, fc.integer({ min: 8, max: bits })).map(([ip, p]) => `${ip.replace(/[^.:]+$/, '0')}/${p}`),
);
const entry = rarely(
  fc.oneof(hostOrNetwork(ipv4, 32), hostOrNetwork(ipv6, 128), fc.constantFrom('0.0.0.0/0', '::/0', '203.0.113.0/24', '198.51.100.7/32', 'TOKEN')),
  fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('10.0.0.0/33', '1.2.3', '::1::2', '300.1.1.1', 'fe80::/200', '')),
);

const input = fc.record({
  plan: rarely(fc.constantFrom(...Object.values(ServicePlan)), fc.constantFrom('enterprise', '')),
  memoryGib: rarely(fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 64 }), fc.constantFrom(0.5, 5, 13, 26)),
    fc.oneof(fc.double({ min: -1, max: 600 }), fc.constantFrom(0, 1000, Number.NaN))),
  allowedCidrs: fc.oneof(fc.constant(undefined), fc.array(entry, { maxLength: 5 })),
  name: rarely(fc.oneof(fc.constant(undefined), fc.stringMatching(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/), fc.constant('TOKEN')), fc.string({ maxLength: 50 })),
  luaScripting: fc.option(fc.boolean(), { nil: undefined }),
  strict: fc.option(fc.boolean(), { nil: undefined }),
});

describe.each(loadHarnesses().map((h) => [h.arbitrary.service, h.arbitrary, h.changes.table] as const))('%s: every input', (_, arbitrary, table) => {
  /** What each synthesized input rendered: the pairs of them are the moves the second test checks. */
  const samples: Guarded[] = [];

  test(`fails with a ChoreoRedisError naming a prop, or synthesizes Terraform the provider accepts (${RUNS} runs)`, () => {
    let synthesized = 0;
    let refused = 0;
    fc.assert(fc.property(input, arbitrary.backend, arbitrary.alerts ?? fc.constant(undefined), (props, makeBackend, alerts) => {
      const stack = testStack((s) => arbitrary.configure(s));
      const token = new TerraformVariable(stack, 'input', { type: 'string' }).stringValue;
      const tokenize = (v: string) => (v === 'TOKEN' ? token : v);
      try {
        new ChoreoRedis(stack, 'Redis', {
          ...props,
          plan: props.plan as ServicePlan,
          name: props.name === undefined ? undefined : tokenize(props.name),
          allowedCidrs: props.allowedCidrs?.map(tokenize),
          backend: makeBackend(props),
          alerts,
        });
      } catch (e) {
        expect(e).toBeInstanceOf(ChoreoRedisError);
        const error = e as ChoreoRedisError;
        expect(error.code).toMatch(/^[A-Z][A-Za-z]+$/);
        expect([...TOP_LEVEL_PROPS, ...arbitrary.props].some((prop) => error.message.includes(prop))).toBe(true);
        refused++;
        return;
      }
      const json = JSON.parse(Testing.synth(stack));
      expect(providerRuleViolations(json)).toEqual([]);
      samples.push(guarded(json, table.primaryType));
      synthesized++;
    }), { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261125) });
    // Both outcomes must really occur, or the generators are too narrow to mean anything.
    expect(synthesized).toBeGreaterThan(RUNS * (arbitrary.synthesizedShare ?? 1 / 20));
    expect(refused).toBeGreaterThan(RUNS / 20);
  });

  test('moving between any two synthesized inputs, the replacement guard stops exactly the moves the provider would replace the data store for', () => {
    let replacing = 0;
    for (const before of samples) {
      for (const after of samples) {
        const replaces = effectOf(table, before.primary, after.primary) === ChangeEffect.REPLACES;
        const versionStops = (table.versionGuard?.attributes ?? [])
          .some((attribute) => table.forceNewWhen[attribute]?.(before.primary[attribute], after.primary[attribute]) ?? false);
        expect(before.identity !== after.identity || versionStops).toBe(replaces);
        if (replaces) replacing++;
      }
    }
    expect(samples.length).toBeGreaterThan(1);
    expect(replacing).toBeGreaterThan(0);
  });
});
