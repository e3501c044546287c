/**
 * Props of the wrong type, as plain JavaScript and other jsii languages can pass them, fail with the
 * library's own error naming the prop, the type received and the type expected: never a raw TypeError, and
 * never Terraform with the wrong type in it.
 */
import * as fc from 'fast-check';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../../lib';
import { BACKEND_DEFINITIONS } from '../../lib/backends/backend-definitions';
import { ChoreoRedisError, PropType, checkPropTypes } from '../../lib/plan';
import { codeOf, testStack } from '../util';

class Version { constructor(public readonly version: string) {} }

const TYPES: Record<string, PropType> = {
  name: 'string',
  size: 'number',
  on: 'boolean',
  list: 'string-list',
  map: 'string-map',
  version: { isInstance: (v) => v instanceof Version, name: 'Version', example: 'Version.V8' },
  zone: { shape: { managedZone: 'string', dnsName: 'string' } },
};

describe('checkPropTypes', () => {
  test('passes values of the right type, and omitted props', () => {
    expect(() => checkPropTypes({ name: 'a', size: 1, on: false, list: ['x'], map: { k: 'v' }, version: new Version('8'), zone: { managedZone: 'z', dnsName: 'd.' } }, TYPES)).not.toThrow();
    expect(() => checkPropTypes({}, TYPES)).not.toThrow();
  });

  test.each([
    [{ list: '10.0.0.0/8' }, 'list is the string "10.0.0.0/8", but must be an array of strings. Wrap a single entry in a list: ["10.0.0.0/8"].'],
    [{ size: '4' }, 'size is the string "4", but must be a number.'],
    [{ on: 'false' }, 'on is the string "false", but must be a boolean (true or false).'],
    [{ name: 7 }, 'name is the number 7, but must be a string.'],
    [{ list: ['a', 1] }, 'list is an array, but must be an array of strings.'],
    [{ map: 'team=a' }, 'map is the string "team=a", but must be an object of string values.'],
    [{ map: { team: 1 } }, 'map is an object (Object), but must be an object of string values.'],
    [{ version: '8.0' }, 'version is the string "8.0", but must be a Version, such as Version.V8.'],
    [{ zone: { managedZone: 3 } }, 'zone.managedZone is the number 3, but must be a string.'],
    [{ zone: null }, 'zone is null, but must be an object.'],
  ])('fails on %j, naming the prop, the type received and the type expected', (props, message) => {
    expect(() => checkPropTypes(props, TYPES, 'Thing({ %s })')).toThrow(`[InvalidType] Thing({ ${message.replace(/^([\w.]+) /, '$1 }) ')}`);
  });

  test('fails on props that are not an object', () => {
    expect(() => checkPropTypes('x', TYPES)).toThrow('[InvalidType] props is the string "x"; pass an object of props.');
  });

  test('names undefined and null as they are, never "a undefined"', () => {
    expect(() => new ChoreoRedis(testStack(), 'A', undefined as never)).toThrow(/props is undefined; pass an object of props\.$/);
    expect(() => new ChoreoRedis(testStack(), 'B', null as never)).toThrow(/props is null; pass an object of props\.$/);
    expect(() => RedisBackend.aiven(undefined as never)).toThrow(/^\[InvalidType\] RedisBackend\.aiven\(\{ props \}\) is undefined; pass an object of props\.$/);
    expect(() => checkPropTypes({ zone: null }, TYPES)).toThrow('[InvalidType] zone is null, but must be an object.');
    expect(() => checkPropTypes({ name: () => 1 }, TYPES)).toThrow('[InvalidType] name is a function, but must be a string.');
  });
});

/** A value of any type but `type`. */
function wrongFor(type: PropType): fc.Arbitrary<unknown> {
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ minLength: 1, maxLength: 8 })],
    ['number', fc.integer()],
    ['boolean', fc.boolean()],
    ['string-list', fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })],
    ['string-map', fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 2 })],
  ];
  const kind = typeof type === 'string' ? type : 'object';
  // An array of strings is also an object, and a string map an object: only types that cannot pass stay.
  const excluded = kind === 'object' && typeof type === 'object' && 'shape' in type ? ['string-map', kind] : [kind];
  return fc.oneof(...all.filter(([name]) => !excluded.includes(name)).map(([, arbitrary]) => arbitrary));
}

describe('ChoreoRedis props of the wrong type', () => {
  const TOP_LEVEL: Record<string, PropType> = {
    plan: 'string',
    name: 'string',
    memoryGib: 'number',
    allowedCidrs: 'string-list',
    luaScripting: 'boolean',
    strict: 'boolean',
    deletionProtection: 'boolean',
    tags: 'string-map',
  };
  const backend = () => RedisBackend.elastiCache({ region: 'eu-west-1', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] });

  test.each(Object.entries(TOP_LEVEL))('%s of another type than %s fails with InvalidType naming it', (prop, type) => {
    fc.assert(fc.property(wrongFor(type), (value) => {
      const stack = testStack();
      const props = { plan: ServicePlan.BUSINESS, backend: backend(), [prop]: value };
      let error: unknown;
      try {
        new ChoreoRedis(stack, 'Redis', props as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ChoreoRedisError);
      expect((error as ChoreoRedisError).code).toBe('InvalidType');
      expect((error as ChoreoRedisError).message).toContain(`${prop} is `);
    }), { numRuns: 25 });
  });

  test('a backend that is not from a factory fails with InvalidType', () => {
    expect(codeOf(() => new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, backend: { cloud: 'aws' } as never }))).toBe('InvalidType');
  });
});

describe.each(BACKEND_DEFINITIONS.map((d) => [d.factory, d] as const))('RedisBackend.%s props of the wrong type', (factory, definition) => {
  // The factory itself, as a plain JavaScript caller reaches it.
  const create: unknown = Reflect.get(RedisBackend, factory);

  test.each(Object.entries(definition.propTypes))('%s of another type fails with InvalidType naming it', (prop, type) => {
    expect(typeof create).toBe('function');
    fc.assert(fc.property(wrongFor(type), (value) => {
      expect(() => (create as (props: object) => unknown)({ [prop]: value })).toThrow(`[InvalidType] RedisBackend.${factory}({ ${prop} }) is `);
    }), { numRuns: 25 });
  });
});
