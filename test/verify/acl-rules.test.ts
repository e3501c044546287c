/**
 * Every ACL rule string the library renders, loaded into a real Redis 7 user: the restricted commands and
 * all their subcommands are refused, every other command is allowed, and Lua is allowed or refused as
 * configured. Behaviour is compared (ACL DRYRUN over every command the server has, and real calls), never
 * rule strings: Redis rewrites them.
 */
import Redis from 'ioredis';
import { RedisServer, RedisServers, ruleWords } from './redis-servers';
import { ELASTICACHE_BLOCKED_COMMANDS } from '../../lib/backends/elasticache/catalog';
import { planElastiCache } from '../../lib/backends/elasticache/plan';
import { LUA_COMMANDS, RESTRICTED_COMMANDS } from '../../lib/plan/commands';
import { ProductPromise, Realization } from '../../lib/plan/conformance';
import { RedisCommands } from '../../lib/plan/redis-commands';
import { resolveRequest } from '../../lib/plan/request';
import { ALL_PLANS } from '../../lib/plan/service-plan';

/** The product page's 16 restricted commands and the Lua commands, written out here as the oracle. */
const SPEC_RESTRICTED = ['acl', 'bgrewriteaof', 'bgsave', 'cluster', 'command', 'config', 'debug', 'failover', 'lastsave', 'migrate',
  'monitor', 'replicaof', 'role', 'save', 'shutdown', 'slaveof'];
const SPEC_LUA = ['eval', 'eval_ro', 'evalsha', 'evalsha_ro', 'fcall', 'fcall_ro', 'function', 'script'];

interface RenderedRule {
  /** Where the rule comes from. */
  readonly source: string;
  readonly rule: string;
  readonly luaScripting: boolean;
  /** Restricted commands the rule may leave out because the service refuses them natively. */
  readonly native: readonly string[];
  /** The conformance detail for restricted commands, when the rule comes from a backend plan. */
  readonly restrictedDetail?: string;
  readonly restrictedRealization?: Realization;
}

const noTokens = (): boolean => false;

function elastiCacheRules(): RenderedRule[] {
  return ALL_PLANS.flatMap((plan) => [true, false].map((luaScripting) => {
    const request = resolveRequest({ plan, luaScripting }, noTokens);
    const planned = planElastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] },
      request, { path: 'stack/Cache' }, noTokens);
    const entry = planned.conformance[ProductPromise.RESTRICTED_COMMANDS];
    return {
      source: `ElastiCache access string, ${plan}, Lua ${luaScripting ? 'on' : 'off'}`,
      rule: planned.settings.accessString,
      luaScripting,
      native: ELASTICACHE_BLOCKED_COMMANDS,
      restrictedDetail: entry.detail,
      restrictedRealization: entry.realization,
    };
  }));
}

const RULES: RenderedRule[] = [
  { source: 'RedisCommands.aclRule(true)', rule: RedisCommands.aclRule(true), luaScripting: true, native: [] },
  { source: 'RedisCommands.aclRule(false)', rule: RedisCommands.aclRule(false), luaScripting: false, native: [] },
  ...elastiCacheRules(),
];

/** A command or subcommand the server has, with arguments that satisfy its arity. */
interface CommandLine { readonly name: string; readonly parent: string; readonly argv: string[] }

const servers = new RedisServers();
let server: RedisServer;
let admin: Redis;
let commandLines: CommandLine[];
const PASSWORD = 'rule-secret';
const userOf = (i: number): string => `rule-${i}`;

beforeAll(async () => {
  server = await servers.start({ tls: false });
  admin = await server.admin();
  const fill = (arity: number, fixed: number): string[] => Array<string>(Math.max(Math.abs(arity) - fixed, 0)).fill('0');
  const commands = await admin.call('command') as [string, number, string[], ...unknown[]][];
  commandLines = commands.flatMap((info) => {
    const [name, arity] = info;
    const subcommands = (info[9] ?? []) as [string, number][];
    if (subcommands.length === 0) return [{ name, parent: name, argv: [name, ...fill(arity, 1)] }];
    return subcommands.map(([full, subArity]) => {
      const sub = full.split('|')[1];
      return { name: full, parent: name, argv: [name, sub, ...fill(subArity, 2)] };
    });
  });
  for (const [i, { rule }] of RULES.entries()) {
    expect(await admin.call('acl', 'setuser', userOf(i), 'reset', `>${PASSWORD}`, ...ruleWords(rule))).toBe('OK');
  }
});

afterAll(() => servers.stop());

test('the library\'s lists are the product page\'s', () => {
  expect([...RESTRICTED_COMMANDS].sort()).toEqual(SPEC_RESTRICTED);
  expect([...LUA_COMMANDS].sort()).toEqual(SPEC_LUA);
  expect(RedisCommands.RESTRICTED.sort()).toEqual(SPEC_RESTRICTED);
  expect(RedisCommands.LUA.sort()).toEqual(SPEC_LUA);
});

test('the server knows every restricted and Lua command, and their subcommands', () => {
  const parents = new Set(commandLines.map((c) => c.parent));
  for (const command of [...SPEC_RESTRICTED, ...SPEC_LUA]) expect(parents).toContain(command);
  expect(commandLines.filter((c) => c.parent === 'config').map((c) => c.name)).toEqual(expect.arrayContaining(['config|set', 'config|get', 'config|rewrite']));
});

describe.each(RULES.map((r, i) => [r.source, i] as const))('%s', (_, i) => {
  const rendered = RULES[i];
  const user = userOf(i);
  const expectedRefused = new Set([...SPEC_RESTRICTED.filter((c) => !rendered.native.includes(c)), ...(rendered.luaScripting ? [] : SPEC_LUA)]);

  test('ACL DRYRUN: the restricted (and, with Lua off, the Lua) commands and every subcommand are refused, and every other command is allowed', async () => {
    const replies = await Promise.all(commandLines.map((line) =>
      admin.call('acl', 'dryrun', user, ...line.argv).then((v) => String(v), (e: Error) => `error: ${e.message}`)));
    const seen = commandLines.map((line, k) => ({ name: line.name, verdict: replies[k] === 'OK' ? 'allowed' : /no permissions/.test(replies[k]) ? 'refused' : replies[k] }));
    const expected = commandLines.map((line) => ({ name: line.name, verdict: expectedRefused.has(line.parent) ? 'refused' : 'allowed' }));
    expect(seen).toEqual(expected);
  });

  test('real calls: strings, hashes, lists, sets, sorted sets, streams, pub/sub, transactions, INFO and PING work', async () => {
    const [client, subscriber] = await Promise.all([server.connect(user, PASSWORD), server.connect(user, PASSWORD)]);
    try {
      const key = `acl-test:${user}`;
      const channel = `acl-test:${user}`;
      const message = new Promise<string>((resolve) => subscriber.on('message', (_ch: string, text: string) => resolve(text)));
      await subscriber.subscribe(channel);
      expect(await client.set(`${key}:s`, 'v')).toBe('OK');
      expect(await client.get(`${key}:s`)).toBe('v');
      expect(await client.hset(`${key}:h`, 'f', 'v')).toBe(1);
      expect(await client.hgetall(`${key}:h`)).toEqual({ f: 'v' });
      expect(await client.lpush(`${key}:l`, 'a', 'b')).toBe(2);
      expect(await client.lrange(`${key}:l`, 0, -1)).toEqual(['b', 'a']);
      expect(await client.sadd(`${key}:set`, 'm')).toBe(1);
      expect(await client.smembers(`${key}:set`)).toEqual(['m']);
      expect(await client.zadd(`${key}:z`, '1', 'm')).toBe(1);
      expect(await client.zrange(`${key}:z`, '0', '-1', 'WITHSCORES')).toEqual(['m', '1']);
      const id = await client.xadd(`${key}:x`, '*', 'f', 'v');
      expect(await client.xrange(`${key}:x`, '-', '+')).toEqual([[id, ['f', 'v']]]);
      expect(await client.multi().incr(`${key}:n`).incr(`${key}:n`).exec()).toEqual([[null, 1], [null, 2]]);
      expect(await client.publish(channel, 'hello')).toBe(1);
      expect(await message).toBe('hello');
      expect(await client.ping()).toBe('PONG');
      expect(await client.info('server')).toMatch(/redis_version:7\./);
      expect(await client.del(`${key}:s`, `${key}:h`, `${key}:l`, `${key}:set`, `${key}:z`, `${key}:x`, `${key}:n`)).toBe(7);
    } finally {
      client.disconnect();
      subscriber.disconnect();
    }
  });

  test(`real calls: Lua is ${rendered.luaScripting ? 'allowed' : 'refused'}, and read-only restricted commands are refused`, async () => {
    const client = await server.connect(user, PASSWORD);
    try {
      const call = (...argv: string[]): Promise<string> =>
        client.call(argv[0], ...argv.slice(1)).then((v) => JSON.stringify(v), (e: Error) => e.message);
      const lua = [await call('eval', 'return 1', '0'), await call('eval_ro', 'return 1', '0'), await call('script', 'exists', '0'.repeat(40)),
        await call('function', 'list')];
      if (rendered.luaScripting) expect(lua).toEqual(['1', '1', '[0]', '[]']);
      else lua.forEach((reply) => expect(reply).toMatch(/^NOPERM/));
      // Only commands that change nothing if a regression let them through.
      const readOnly = ['lastsave', 'role', 'command count', 'config get maxmemory', 'acl whoami', 'cluster info'].filter((c) => !rendered.native.includes(c.split(' ')[0]));
      for (const command of readOnly) expect({ command, reply: await call(...command.split(' ')) }).toEqual({ command, reply: expect.stringMatching(/^NOPERM/) });
    } finally {
      client.disconnect();
    }
  });

  if (rendered.native.length > 0) {
    test('what the rule leaves out is refused natively by the service, and the conformance entry says so', () => {
      const leftOut = SPEC_RESTRICTED.filter((c) => !expectedRefused.has(c));
      expect(leftOut.length).toBeGreaterThan(0);
      for (const command of leftOut) {
        expect(ELASTICACHE_BLOCKED_COMMANDS).toContain(command);
        expect(rendered.restrictedDetail).toMatch(new RegExp(`refuses [^;]*\\b${command}\\b[^;]* natively`));
      }
      expect(rendered.restrictedRealization).toBe(Realization.EMULATED);
    });
  }
});
