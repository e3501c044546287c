/**
 * Props of the wrong type, as plain JavaScript and other jsii languages can pass them, fail with the
 * library's own error naming the prop, the type received and the type expected: never a raw TypeError, and
 * never Terraform with the wrong type in it.
 */
import * as fc from 'fast-check';
import { AlertTarget, ChoreoRedis, ChoreoRedisProps, Cloud, RedisBackend, ServicePlan } from '../../lib';
import { BACKEND_DEFINITIONS } from '../../lib/backends/backend-definitions';
import { ChoreoRedisError, PropType, PropTypes, checkPropTypes, required, shapeOf, typeOf } from '../../lib/plan';
import { wrongFor } from '../properties/kit';
import { asIfFromJavaScript, codeOf, testStack } from '../util';

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
    [{ zone: null }, 'zone is null, but must be an object with managedZone, dnsName.'],
  ])('fails on %j, naming the prop, the type received and the type expected', (props, message) => {
    expect(() => checkPropTypes(props, TYPES, 'Thing({ %s })')).toThrow(`[InvalidType] Thing({ ${message.replace(/^([\w.]+) /, '$1 }) ')}`);
  });

  test('fails on props that are not an object', () => {
    expect(() => checkPropTypes('x', TYPES)).toThrow('[InvalidType] props is the string "x"; pass an object of props.');
    expect(() => checkPropTypes(['x'], TYPES)).toThrow('[InvalidType] props is an array; pass an object of props.');
  });

  test('names undefined and null as they are, never "a undefined"', () => {
    expect(() => new ChoreoRedis(testStack(), 'A', undefined as never)).toThrow(/props is undefined; pass an object of props\.$/);
    expect(() => new ChoreoRedis(testStack(), 'B', null as never)).toThrow(/props is null; pass an object of props\.$/);
    expect(() => RedisBackend.aiven(undefined as never)).toThrow(/^\[InvalidType\] RedisBackend\.aiven\(\{ props \}\) is undefined; pass an object of props\.$/);
    expect(() => checkPropTypes({ zone: null }, TYPES)).toThrow('[InvalidType] zone is null, but must be an object with managedZone, dnsName.');
    expect(() => checkPropTypes({ name: () => 1 }, TYPES)).toThrow('[InvalidType] name is a function, but must be a string.');
  });
});

describe('unknown keys, renamed props and missing props', () => {
  const SHAPE = {
    allowedCidrs: 'string-list',
    region: required('string', { code: 'MissingRegion', fix: 'the region, such as "eu-west-1"' }),
    items: { listOf: shapeOf<{ readonly host: string; readonly port?: number }>({ host: required('string'), port: 'number' }, 'Item') },
    zone: { shape: { managedZone: required('string'), dnsName: 'string' } },
  } as const;
  const check = (props: object, options: Parameters<typeof checkPropTypes>[2] = 'Thing({ %s })') => () => checkPropTypes(props, SHAPE, options);

  test('an unknown key is refused with the declared prop it is closest to', () => {
    expect(check({ region: 'r', allowedCidr: ['203.0.113.0/24'] })).toThrow('[UnknownProp] Thing({ allowedCidr }) is not a known prop; did you mean allowedCidrs?');
    expect(check({ region: 'r', AllowedCidrs: [] })).toThrow('did you mean allowedCidrs?');
  });

  test('an unknown key far from every prop lists the props', () => {
    expect(check({ region: 'r', colour: 'blue' })).toThrow('[UnknownProp] Thing({ colour }) is not a known prop; its props are allowedCidrs, region, items, zone.');
  });

  test('an unknown key is refused whatever its value, undefined included', () => {
    expect(codeOf(check({ region: 'r', allowedCidr: undefined }))).toBe('UnknownProp');
  });

  test('a key that belongs elsewhere says where, also when misspelt', () => {
    const options = { owner: 'Thing({ %s })', elsewhere: { location: 'Thing() names the region region: write region' } };
    expect(check({ location: 'x' }, options)).toThrow('[UnknownProp] Thing({ location }) is not a known prop; Thing() names the region region: write region.');
    expect(check({ region: 'r', locaton: 'x' }, options)).toThrow('did you mean location? Thing() names the region region: write region.');
  });

  test('a renamed prop names its new name, read from the Changelog table', () => {
    const options = { owner: 'RedisBackend.elastiCache({ %s })', interfaceName: 'ElastiCacheBackendProps' };
    expect(check({ region: 'r', kmsKeyArn: 'arn' }, options)).toThrow(
      '[RenamedProp] RedisBackend.elastiCache({ kmsKeyArn }) is no longer a prop of ElastiCacheBackendProps: it was renamed to kmsKey');
  });

  test('a missing required prop is a named error with its own code and the fix', () => {
    expect(check({})).toThrow('[MissingRegion] Thing({ region }) is missing; it is required: give the region, such as "eu-west-1".');
  });

  test('nested objects and lists of objects are checked member by member', () => {
    expect(check({ region: 'r', zone: {} })).toThrow('[MissingProp] Thing({ zone.managedZone }) is missing; it is required: give a string.');
    expect(check({ region: 'r', zone: { managedZone: 'z', dnsname: 'd.' } })).toThrow('[UnknownProp] Thing({ zone.dnsname }) is not a known prop; did you mean dnsName?');
    expect(check({ region: 'r', items: [{ host: 'h' }, { host: 'h', prot: 1 }] })).toThrow('[UnknownProp] Thing({ items[1].prot }) is not a prop of Item; did you mean port?');
    expect(check({ region: 'r', items: [{ host: 'h' }, { port: 1 }] })).toThrow('[MissingProp] Thing({ items[1].host }) is missing');
    expect(check({ region: 'r', items: [{ host: 'h' }, 'h'] })).toThrow('[InvalidType] Thing({ items[1] }) is the string "h", but must be an object with host, port.');
    expect(check({ region: 'r', items: { host: 'h' } })).toThrow('[InvalidType] Thing({ items }) is an object (Object), but must be an array, each entry an object with host, port. Wrap a single entry in a list: [entry].');
  });

  test('the compiler makes a table declare every prop, and required ones with required()', () => {
    interface Props { readonly a: string; readonly b?: number }
    const right: PropTypes<Props> = { a: required('string'), b: 'number' };
    // @ts-expect-error a required prop declared as optional does not compile
    const optionalA: PropTypes<Props> = { a: 'string', b: 'number' };
    // @ts-expect-error an optional prop declared as required does not compile
    const requiredB: PropTypes<Props> = { a: required('string'), b: required('number') };
    // @ts-expect-error a prop left out does not compile
    const missingB: PropTypes<Props> = { a: required('string') };
    expect([right, optionalA, requiredB, missingB]).toHaveLength(4);
  });
});

describe('what a user writes by mistake', () => {
  const aiven = { project: 'p', cloud: Cloud.AWS, region: 'eu-west-1' };
  const elastiCache = { region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] };
  const make = (factory: keyof typeof RedisBackend, props: object) => () => (Reflect.get(RedisBackend, factory) as (p: object) => unknown)(props);

  test.each([
    ['allowedCidrs on the Aiven backend, one letter short', make('aiven', { ...aiven, allowedCidr: ['203.0.113.0/24'] }),
      'UnknownProp', 'RedisBackend.aiven({ allowedCidr }) is not a prop of AivenBackendProps; did you mean allowedCidrs? it is a prop of the data store, not of its backend: new ChoreoRedis(scope, id, { allowedCidrs, backend }).'],
    ['both the old and the new name', make('elastiCache', { ...elastiCache, kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }),
      'RenamedPropConflict', 'RedisBackend.elastiCache({ kmsKeyArn }) and RedisBackend.elastiCache({ kmsKey }) are both given; kmsKeyArn is the old name of kmsKey. Remove kmsKeyArn and keep kmsKey.'],
    ['an old name with a value of the wrong type', make('memorystore', { project: 'my-project', region: 'europe-west1', network: 'default', redisVersion: 'REDIS_6_X' }),
      'InvalidType', 'RedisBackend.memorystore({ engineVersion }) is the string "REDIS_6_X", but must be a MemorystoreRedisVersion'],
    ['location on DigitalOcean, Azure\'s old name of region', make('digitalOceanValkey', { region: 'fra1', location: 'fra1' }), 'UnknownProp',
      'RedisBackend.digitalOceanValkey({ location }) is not a prop of DigitalOceanValkeyBackendProps; location is the old name of region (RedisBackend.azureManagedRedis()): write region.'],
    ['another backend\'s prop', make('digitalOceanValkey', { region: 'fra1', subnetIds: ['subnet-aaaaaaaa'] }), 'UnknownProp', 'it is a prop of RedisBackend.elastiCache(), not of RedisBackend.digitalOceanValkey().'],
    ['a look-alike of another backend\'s prop, which lists this backend\'s own', make('digitalOceanValkey', { region: 'fra1', vpcUuid: 'x' }), 'UnknownProp',
      'RedisBackend.digitalOceanValkey({ vpcUuid }) is not a prop of DigitalOceanValkeyBackendProps; its props are region, project, network, engineVersion, adopt.'],
    ['a key in snake case', make('aiven', { project: 'p', cloud: Cloud.AWS, cloud_name: 'aws-eu-west-1' }), 'UnknownProp', 'did you mean cloudName?'],
    ['no region on Azure', make('azureManagedRedis', {}), 'MissingRegion', 'RedisBackend.azureManagedRedis({ region }) is missing'],
    ['no props at all', make('elastiCache', asIfFromJavaScript<object>(undefined)), 'InvalidType', 'RedisBackend.elastiCache({ props }) is undefined; pass an object of props.'],
    ['a Memorystore DNS zone without its name', make('memorystore', { project: 'my-project', region: 'europe-west1', network: 'default', privateDnsZone: { managedZone: 'internal' } }),
      'InvalidDnsZone', 'RedisBackend.memorystore({ privateDnsZone.dnsName }) is missing'],
  ])('%s', (_, create, code, message) => {
    expect(codeOf(create)).toBe(code);
    expect(create).toThrow(message);
  });

  const backend = () => RedisBackend.elastiCache(elastiCache);
  test.each([
    ['no backend', { plan: ServicePlan.BUSINESS }, 'MissingProp', 'backend is missing; it is required: give the backend that runs the data store'],
    ['no plan', { backend: backend() }, 'MissingProp', 'plan is missing'],
    ['allowedCidr, one letter short', { plan: ServicePlan.BUSINESS, backend: backend(), allowedCidr: ['203.0.113.0/24'] }, 'UnknownProp', 'allowedCidr is not a prop of ChoreoRedisProps; did you mean allowedCidrs?'],
    ['a backend prop on the data store', { plan: ServicePlan.BUSINESS, backend: backend(), region: 'eu-west-1' }, 'UnknownProp', 'region is not a prop of ChoreoRedisProps; it is a prop of the backend: RedisBackend.elastiCache({ region })'],
    ['alerts with a misspelt threshold', { plan: ServicePlan.BUSINESS, backend: backend(), alerts: { targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:1:t')], memoryPercnt: 70 } },
      'UnknownProp', 'alerts.memoryPercnt is not a prop of ChoreoRedisAlerts; did you mean memoryPercent?'],
    ['alerts without targets', { plan: ServicePlan.BUSINESS, backend: backend(), alerts: { memoryPercent: 70 } }, 'InvalidAlertTargets', 'alerts.targets is missing'],
    ['an alert target that is not an AlertTarget', { plan: ServicePlan.BUSINESS, backend: backend(), alerts: { targets: ['arn:aws:sns:eu-west-1:1:t'] } },
      'InvalidType', 'alerts.targets[0] is the string "arn:aws:sns:eu-west-1:1:t", but must be an AlertTarget, such as AlertTarget.snsTopic(topicArn).'],
  ])('ChoreoRedis with %s', (_, props, code, message) => {
    const create = () => new ChoreoRedis(testStack(), 'Redis', asIfFromJavaScript<ChoreoRedisProps>(props));
    expect(codeOf(create)).toBe(code);
    expect(create).toThrow(message);
  });

  test('addOutputs options are checked too: a misspelt prefix is not ignored', () => {
    const redis = new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, backend: backend() });
    expect(() => redis.addOutputs(asIfFromJavaScript({ prefx: 'cache' }))).toThrow('[UnknownProp] test/Redis.addOutputs({ prefx }) is not a prop of ChoreoRedisOutputOptions; did you mean prefix?');
  });

  test.each([
    ['a channel name where a list belongs', () => AlertTarget.cloudMonitoringChannels(asIfFromJavaScript('projects/p/notificationChannels/1')),
      '[InvalidType] AlertTarget.cloudMonitoringChannels(channelNames) is the string "projects/p/notificationChannels/1", but must be an array of strings.'],
    ['no topic', () => AlertTarget.snsTopic(asIfFromJavaScript(undefined)), '[MissingProp] AlertTarget.snsTopic(topicArn) is missing; it is required: give a string.'],
    ['a number for the Slack URL', () => AlertTarget.digitalOceanSlack('#ops', asIfFromJavaScript(1)), '[InvalidType] AlertTarget.digitalOceanSlack(url) is the number 1'],
  ])('AlertTarget factories check their arguments: %s', (_, create, message) => {
    expect(create).toThrow(message);
  });
});

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
  const backend = () => RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] });

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

  test.each(Object.entries(definition.propTypes).map(([prop, spec]) => [prop, typeOf(spec)] as const))('%s of another type fails with InvalidType naming it', (prop, type) => {
    expect(typeof create).toBe('function');
    fc.assert(fc.property(wrongFor(type), (value) => {
      expect(() => (create as (props: object) => unknown)({ [prop]: value })).toThrow(`[InvalidType] RedisBackend.${factory}({ ${prop} }) is `);
    }), { numRuns: 25 });
  });
});
