/**
 * What the verifier expects: the plan's full promises, or a backend's conformance data (no table of its own), and
 * the data stores of `terraform output -json`. Pure: no server.
 */
import { MANAGED_REDIS_REFUSED_COMMANDS } from '../../lib/backends/azure-managed-redis/catalog';
import { BACKEND_DEFINITIONS } from '../../lib/backends/backend-definitions';
import { MEMORYSTORE_REDIS_BLOCKED_COMMANDS } from '../../lib/backends/memorystore/catalog';
import { RESTRICTED_COMMANDS } from '../../lib/plan/commands';
import { ProductPromise, Realization } from '../../lib/plan/conformance';
import { resolveRequest } from '../../lib/plan/request';
import { ALL_PLANS, ServicePlan } from '../../lib/plan/service-plan';
import { CHECKED_PROMISES, backendIds, expectationsFor } from '../../lib/verify/expectations';
import { RowStatus, accepting } from '../../lib/verify/judge';
import { UsageError, parseCommandLine } from '../../lib/verify/options';
import { parseOutputs } from '../../lib/verify/outputs';

describe('expectationsFor', () => {
  test('without a backend: the plan\'s full promises', () => {
    expect(expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: false })).toEqual({
      plan: ServicePlan.BUSINESS,
      luaScripting: false,
      refusedCommands: RESTRICTED_COMMANDS,
      luaAllowed: false,
      evictionPolicy: 'noeviction',
      nodeCount: 2,
      connections: { kind: 'formula' },
      gaps: {},
    });
  });

  test('the eviction policy: the one asked for, the product\'s noeviction by default; the backend named in the engine row with its own account', () => {
    expect(expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: true, evictionPolicy: 'allkeys-lru' }).evictionPolicy).toBe('allkeys-lru');
    const onAiven = expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: true, backend: 'aiven' });
    expect(onAiven.evictionPolicy).toBe('noeviction');
    expect(onAiven.engine).toEqual({
      service: 'Aiven for Valkey', engine: 'valkey', version: '8.1', detail: expect.stringContaining('the JSON and Search modules (JSON.* and FT.* commands), always on'),
    });
    expect(() => expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: true, evictionPolicy: 'lru' }))
      .toThrow(/eviction policy "lru" is not one of noeviction, allkeys-lru/);
  });

  test('Memorystore for Redis: restricted commands a gap, checked for the commands its catalog says it blocks', () => {
    const expected = expectationsFor({ plan: ServicePlan.HOBBYIST, luaScripting: true, backend: 'memorystore' });
    expect(expected.refusedCommands).toEqual(MEMORYSTORE_REDIS_BLOCKED_COMMANDS);
    expect(RESTRICTED_COMMANDS.filter((c) => !expected.refusedCommands.includes(c))).toEqual(['failover', 'role', 'slaveof']);
    expect(Object.keys(expected.gaps)).toEqual([ProductPromise.RESTRICTED_COMMANDS]);
    expect(expected.gaps[ProductPromise.RESTRICTED_COMMANDS]).toEqual({
      realization: Realization.SUBSTITUTED,
      reason: expect.stringMatching(/^Memorystore refuses acl, .* natively, but not failover, role, slaveof, and has no ACL to refuse them$/),
    });
    expect(expected.connections).toEqual({ kind: 'formula' });
  });

  test('ElastiCache keeps every checked promise: nothing is accepted', () => {
    const expected = expectationsFor({ plan: ServicePlan.PREMIUM, luaScripting: false, backend: 'elasticache' });
    expect(expected).toEqual(expect.objectContaining({ gaps: {}, refusedCommands: RESTRICTED_COMMANDS, luaAllowed: false, nodeCount: 3 }));
  });

  test('Azure Managed Redis: only the commands it refuses in full are checked; Lua off cannot be kept, so Lua stays allowed; its connection limit is not stated', () => {
    const expected = expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: false, backend: 'azure-managed-redis' });
    expect(expected.refusedCommands).toEqual(MANAGED_REDIS_REFUSED_COMMANDS);
    expect(RESTRICTED_COMMANDS.filter((c) => !expected.refusedCommands.includes(c))).toEqual(expect.arrayContaining(['command', 'role', 'monitor']));
    expect(expected.luaAllowed).toBe(true);
    expect(expected.gaps[ProductPromise.LUA_SCRIPTING]?.realization).toBe(Realization.UNAVAILABLE);
    expect(expected.connections).toEqual({ kind: 'unstated' });
  });

  test('DigitalOcean Managed Valkey with Lua on: Lua refused until support switches it on', () => {
    expect(expectationsFor({ plan: ServicePlan.STARTUP, luaScripting: true, backend: 'digitalocean-valkey' }).luaAllowed).toBe(false);
  });

  test('the construct\'s promised limit is checked as stated; above the service\'s own limit, the service\'s limit is what is accepted', () => {
    expect(expectationsFor({ plan: ServicePlan.HOBBYIST, luaScripting: true, backend: 'elasticache', maxConnections: 26_132, nodeCount: 1 }).connections)
      .toEqual({ kind: 'at-least', count: 26_132, source: 'the limit the construct promised' });
    const large = expectationsFor({ plan: ServicePlan.BUSINESS, luaScripting: true, backend: 'elasticache', maxConnections: 4 * 52 * 1024, nodeCount: 2 });
    expect(large.connections).toEqual({ kind: 'at-least', count: 65_000, source: 'ElastiCache\'s own limit' });
    expect(large.gaps[ProductPromise.CONNECTION_LIMIT]?.reason).toMatch(/maxclients is fixed per node at 65000, below the promised/);
  });

  test('every backend the library lists takes --backend, and plans every plan with Lua on and off', () => {
    expect(backendIds()).toEqual(BACKEND_DEFINITIONS.map((d) => d.id));
    for (const definition of BACKEND_DEFINITIONS) {
      for (const plan of ALL_PLANS) {
        for (const luaScripting of [true, false]) {
          const planned = definition.verifierExpectations!(resolveRequest({ plan, luaScripting }, () => false));
          const expected = expectationsFor({ plan, luaScripting, backend: definition.id });
          // The gaps are exactly the conformance record's, for the promises a client can check.
          for (const promise of CHECKED_PROMISES) {
            const kept = planned.conformance[promise];
            const gap = [Realization.SUBSTITUTED, Realization.UNAVAILABLE].includes(kept.realization);
            expect(expected.gaps[promise]?.reason).toBe(gap ? kept.detail : undefined);
          }
        }
      }
    }
  });

  test('fails for a backend the library does not have, naming those it has', () => {
    expect(() => expectationsFor({ plan: ServicePlan.HOBBYIST, luaScripting: true, backend: 'redis-cloud' }))
      .toThrow(/backend "redis-cloud" is not one of the library's backends: elasticache, azure-managed-redis, memorystore, memorystore-valkey, digitalocean-valkey, aiven/);
    expect(() => parseCommandLine(['verify', '--plan', 'hobbyist', '--backend', 'redis-cloud'], { CHOREO_REDIS_URI: 'rediss://h:1' }))
      .toThrow(UsageError);
  });
});

test('a row that holds becomes accepted, with the conformance data\'s reason, only where the data reports a gap', () => {
  const row = { promise: ProductPromise.RESTRICTED_COMMANDS, expected: 'e', seen: 's', status: RowStatus.PASS };
  const gap = { realization: Realization.SUBSTITUTED, reason: 'Memorystore refuses most natively' };
  expect(accepting(row, gap)).toEqual({ ...row, status: RowStatus.ACCEPTED, reason: 'substituted: Memorystore refuses most natively' });
  expect(accepting(row, undefined)).toBe(row);
  expect(accepting({ ...row, status: RowStatus.FAIL }, gap).status).toBe(RowStatus.FAIL);
});

describe('parseOutputs', () => {
  const output = (value: unknown, sensitive = false) => ({ sensitive, type: typeof value, value });
  const verify = { backend: 'memorystore', plan: 'hobbyist', lua_scripting: true, eviction_policy: 'noeviction', max_connections: 10000, node_count: 1 };
  const OUTPUTS = {
    Team_Cache_uri: output('rediss://default:b@127.0.0.1:2', true),
    Team_Cache_verify: output(JSON.stringify({ ...verify, backend: 'elasticache', plan: 'Business', node_count: 2 })),
    Redis_host: output('127.0.0.1'),
    Redis_uri: output('rediss://default:a@127.0.0.1:1', true),
    Redis_ca_certificate: output('-----BEGIN CERTIFICATE-----\n...'),
    Redis_verify: output(verify),
    Other_uri: output('rediss://default:c@127.0.0.1:3', true),
  };

  test('finds every data store by its _verify output, with its URI and CA', () => {
    expect(parseOutputs(JSON.stringify(OUTPUTS), 'outputs.json')).toEqual([
      {
        name: 'Redis',
        uri: 'rediss://default:a@127.0.0.1:1',
        ca: '-----BEGIN CERTIFICATE-----\n...',
        backend: 'memorystore',
        plan: 'hobbyist',
        luaScripting: true,
        evictionPolicy: 'noeviction',
        maxConnections: 10000,
        nodeCount: 1,
      },
      {
        name: 'Team_Cache',
        uri: 'rediss://default:b@127.0.0.1:2',
        ca: undefined,
        backend: 'elasticache',
        plan: 'business',
        luaScripting: true,
        evictionPolicy: 'noeviction',
        maxConnections: 10000,
        nodeCount: 2,
      },
    ]);
  });

  test.each([
    ['not JSON', 'Redis_uri = "x"', /--outputs outputs.json is not JSON \(.*\); write it with terraform output -json > outputs.json/],
    ['a list', '[]', /is not an object of outputs/],
    ['no verify output', JSON.stringify({ Other_uri: OUTPUTS.Other_uri }),
      /--outputs outputs.json names no data store: no output ends in "_verify" \(Other_uri has no _verify output next to it\); call addOutputs\(\) on each ChoreoRedis and run terraform apply/],
    ['no URI', JSON.stringify({ Redis_verify: OUTPUTS.Redis_verify }), /output Redis_uri is missing or empty; addOutputs\(\) writes it next to Redis_verify/],
    ['no plan', JSON.stringify({ ...OUTPUTS, Redis_verify: output({ ...verify, plan: undefined }) }), /output Redis_verify has no "plan"/],
    ['an unknown plan', JSON.stringify({ ...OUTPUTS, Redis_verify: output({ ...verify, plan: 'gold' }) }), /output Redis_verify has "plan": "gold", which is not a plan/],
    ['Lua as text', JSON.stringify({ ...OUTPUTS, Redis_verify: output({ ...verify, lua_scripting: 'yes' }) }), /output Redis_verify has "lua_scripting": "yes", which is not a boolean/],
    ['an eviction policy that is not text', JSON.stringify({ ...OUTPUTS, Redis_verify: output({ ...verify, eviction_policy: 1 }) }), /output Redis_verify has "eviction_policy": 1, which is not a string/],
    ['a verify value that is not an object', JSON.stringify({ ...OUTPUTS, Redis_verify: output(3) }), /output Redis_verify is not an object like/],
  ])('fails for %s', (_, text, message) => {
    expect(() => parseOutputs(text, 'outputs.json')).toThrow(UsageError);
    expect(() => parseOutputs(text, 'outputs.json')).toThrow(message);
  });

  test('never puts a URI in an error', () => {
    const text = JSON.stringify({ ...OUTPUTS, Redis_verify: output({ ...verify, plan: 'gold' }) });
    expect(() => parseOutputs(text, 'outputs.json')).not.toThrow(/rediss:/);
  });
});

test.each([
  [['--uri', 'rediss://h:1'], /--outputs takes each data store's URI, plan, backend, Lua setting and eviction policy from the outputs; drop --uri/],
  [['--eviction-policy', 'allkeys-lru'], /drop --eviction-policy/],
  [['--plan', 'business', '--backend', 'elasticache'], /drop --plan, --backend/],
])('--outputs refuses %j', (extra, message) => {
  expect(() => parseCommandLine(['verify', '--outputs', 'outputs.json', ...extra])).toThrow(message);
});
