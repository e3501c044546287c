/**
 * The application user's ACL, as an Aiven for Valkey data store renders it, loaded into a real Redis 7 over TLS that
 * is set up like Aiven: the 15 restricted commands Aiven refuses for every user are renamed away (`acl` to a name
 * only the test knows, for its own ACL DRYRUN), and the user gets the rule Aiven builds from its four lists. ROLE
 * and, with Lua off, the Lua commands are refused by the user's ACL, the 15 by the server, every other command is
 * allowed, and `choreo-redis verify` passes. Behaviour is compared, never rule strings: Redis rewrites them.
 */
import Redis from 'ioredis';
import { planWith } from '../../../../test/util';
import { RedisServer, RedisServers, ruleWords } from '../../../../test/verify/redis-servers';
import { LUA_COMMANDS, ProductPromise, RESTRICTED_COMMANDS, Realization, ServicePlan } from '../../../plan';
import { Cloud } from '../../../plan/cloud';
import { main } from '../../../verify/cli';
import { AIVEN_BLOCKED_COMMANDS } from '../catalog';
import { AIVEN_DEFINITIONS } from '../definition';
import { aivenAclRule } from '../plan';
import { AIVEN_REGIONS } from '../regions';

/** The name the test server gives ACL, which Aiven refuses to users: only the test's own checks use it. */
const HIDDEN_ACL = 'aiven-test-admin-acl';
const PASSWORD = 'app-secret-aiven';

/** How the test server refuses what Aiven refuses for every user: the commands are renamed away. */
const AIVEN_EMULATION = AIVEN_BLOCKED_COMMANDS.flatMap((command) => ['--rename-command', command, command === 'acl' ? HIDDEN_ACL : '']);

/** The application user's rule for every tier on every cloud, by Lua setting: one rule each, whatever the tier and cloud. */
function renderedRules(luaScripting: boolean): { rules: string[]; restricted: string; lua: string; luaRealization: Realization } {
  const planned = Object.values(Cloud).flatMap((cloud) => Object.values(ServicePlan).map((plan) => planWith(AIVEN_DEFINITIONS[cloud],
    { project: 'choreo-data', cloud, region: Object.keys(AIVEN_REGIONS[cloud].cloudNames)[0] }, { plan, luaScripting })));
  return {
    rules: [...new Set(planned.map((p) => aivenAclRule(p.settings.acl)))],
    restricted: planned[0].conformance[ProductPromise.RESTRICTED_COMMANDS].detail,
    lua: planned[0].conformance[ProductPromise.LUA_SCRIPTING].detail,
    luaRealization: planned[0].conformance[ProductPromise.LUA_SCRIPTING].realization,
  };
}

const VARIANTS = [true, false].map((luaScripting) => ({ luaScripting, user: luaScripting ? 'app' : 'app-nolua', ...renderedRules(luaScripting) }));

/** A command or subcommand the server has, with arguments that satisfy its arity. */
interface CommandLine { readonly name: string; readonly parent: string; readonly argv: string[] }

const servers = new RedisServers();
let aiven: RedisServer;
let admin: Redis;
let commandLines: CommandLine[];

beforeAll(async () => {
  const reference = await servers.start({ tls: false });
  const fill = (arity: number, fixed: number): string[] => Array<string>(Math.max(Math.abs(arity) - fixed, 0)).fill('0');
  const commands = await (await reference.admin()).call('command') as [string, number, string[], ...unknown[]][];
  commandLines = commands.flatMap((info) => {
    const [name, arity] = info;
    const subcommands = (info[9] ?? []) as [string, number][];
    if (subcommands.length === 0) return [{ name, parent: name, argv: [name, ...fill(arity, 1)] }];
    return subcommands.map(([full, subArity]) => ({ name: full, parent: name, argv: [name, full.split('|')[1], ...fill(subArity, 2)] }));
  });
  aiven = await servers.start({
    users: [...VARIANTS.map((v) => [v.user, `>${PASSWORD}`, ...ruleWords(v.rules[0])]), ['default', 'off']],
    args: AIVEN_EMULATION,
  });
  admin = await aiven.admin();
}, 30_000);

afterAll(() => servers.stop());

test('Aiven refuses 15 of the product\'s 16 restricted commands; role is the one left to the user\'s ACL', () => {
  expect([...AIVEN_BLOCKED_COMMANDS].sort()).toEqual(RESTRICTED_COMMANDS.filter((c) => c !== 'role').sort());
});

test('the test server refuses the 15 for every user, its admin too, as Aiven does', async () => {
  for (const command of AIVEN_BLOCKED_COMMANDS) {
    await expect(admin.call(command)).rejects.toThrow(/^ERR unknown command/);
  }
  expect(await admin.call(HIDDEN_ACL, 'whoami')).toBe('admin');
});

describe.each(VARIANTS)('Lua $luaScripting', ({ luaScripting, user, rules, restricted, lua, luaRealization }) => {
  const expected = (parent: string): string => {
    if (AIVEN_BLOCKED_COMMANDS.includes(parent)) return 'refused by the server';
    if (parent === 'role' || (!luaScripting && LUA_COMMANDS.includes(parent))) return 'refused by the ACL';
    return 'allowed';
  };

  test('every tier on every cloud renders the one rule, which names none of the 15', () => {
    expect(rules).toEqual([luaScripting ? 'on ~* &* +@all -role' : `on ~* &* +@all -role ${LUA_COMMANDS.map((c) => `-${c}`).join(' ')}`]);
  });

  test('ACL DRYRUN over every command and subcommand: role (and Lua when off) refused by the ACL, the 15 by the server, the rest allowed', async () => {
    const replies = await Promise.all(commandLines.map((line) =>
      admin.call(HIDDEN_ACL, 'dryrun', user, ...line.argv).then((v) => String(v), (e: Error) => e.message)));
    const verdict = (reply: string): string => (reply === 'OK' ? 'allowed' : /no permissions/.test(reply) ? 'refused by the ACL'
      : /^ERR Command '.*' not found/.test(reply) ? 'refused by the server' : reply);
    expect(commandLines.map((line, k) => ({ name: line.name, verdict: verdict(replies[k]) })))
      .toEqual(commandLines.map((line) => ({ name: line.name, verdict: expected(line.parent) })));
  });

  test('real calls over TLS: strings, hashes, lists, sets, sorted sets, streams, pub/sub, transactions, INFO and PING work', async () => {
    const [client, subscriber] = await Promise.all([aiven.connect(user, PASSWORD), aiven.connect(user, PASSWORD)]);
    try {
      const key = `aiven-acl:${user}`;
      const message = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, text: string) => resolve(text)));
      await subscriber.subscribe(key);
      expect(await client.set(`${key}:s`, 'v')).toBe('OK');
      expect(await client.get(`${key}:s`)).toBe('v');
      expect(await client.hset(`${key}:h`, 'f', 'v')).toBe(1);
      expect(await client.lpush(`${key}:l`, 'a', 'b')).toBe(2);
      expect(await client.sadd(`${key}:set`, 'm')).toBe(1);
      expect(await client.zadd(`${key}:z`, '1', 'm')).toBe(1);
      expect(await client.xadd(`${key}:x`, '*', 'f', 'v')).toMatch(/^\d+-\d+$/);
      expect(await client.multi().incr(`${key}:n`).incr(`${key}:n`).exec()).toEqual([[null, 1], [null, 2]]);
      expect(await client.publish(key, 'hello')).toBe(1);
      expect(await message).toBe('hello');
      expect(await client.ping()).toBe('PONG');
      expect(await client.info('clients')).toMatch(/maxclients:\d+/);
      expect(await client.del(`${key}:s`, `${key}:h`, `${key}:l`, `${key}:set`, `${key}:z`, `${key}:x`, `${key}:n`)).toBe(7);
    } finally {
      client.disconnect();
      subscriber.disconnect();
    }
  });

  test(`real calls: Lua is ${luaScripting ? 'allowed' : 'refused'}, ROLE is refused by the ACL and the 15 by the server`, async () => {
    const client = await aiven.connect(user, PASSWORD);
    try {
      const call = (...argv: string[]): Promise<string> =>
        client.call(argv[0], ...argv.slice(1)).then((v) => JSON.stringify(v), (e: Error) => e.message);
      const scripts = [await call('eval', 'return 1', '0'), await call('evalsha_ro', '0'.repeat(40), '0'), await call('script', 'exists', '0'.repeat(40)),
        await call('function', 'list')];
      if (luaScripting) expect(scripts).toEqual(['1', expect.stringMatching(/^NOSCRIPT/), '[0]', '[]']);
      else scripts.forEach((reply) => expect(reply).toMatch(/^NOPERM/));
      expect(await call('role')).toMatch(/^NOPERM/);
      for (const command of ['lastsave', 'command count', 'config get maxmemory', 'acl whoami', 'cluster info', 'bgsave', 'monitor']) {
        expect({ command, reply: await call(...command.split(' ')) }).toEqual({ command, reply: expect.stringMatching(/^ERR unknown command/) });
      }
    } finally {
      client.disconnect();
    }
  });

  test('choreo-redis verify passes against the server, as the application user', async () => {
    let stdout = '';
    const code = await main(['verify', '--uri', `rediss://${user}:${PASSWORD}@127.0.0.1:${aiven.port}`, '--plan', 'startup',
      '--lua', luaScripting ? 'enabled' : 'disabled', '--ca', servers.certs.caFile, '--json', '--timeout', '5'],
    (text) => { stdout += text; }, () => {}, {});
    const rows = Object.fromEntries((JSON.parse(stdout).rows as { promise: string; status: string }[]).map((r) => [r.promise, r.status]));
    expect(rows).toEqual({
      'tls': 'pass',
      'authentication': 'pass',
      'restricted-commands': 'pass',
      'lua-scripting': 'pass',
      'connection-limit': 'pass',
      'nodes': 'pass',
      'recovery-point': 'not visible',
      'eviction-policy': 'pass',
      'engine-compatibility': 'reported',
    });
    expect(code).toBe(0);
  });

  test('the conformance rows say which refusals are Aiven\'s own and which the user\'s ACL emulates', () => {
    for (const command of AIVEN_BLOCKED_COMMANDS) expect(restricted).toMatch(new RegExp(`^Aiven refuses [^;]*\\b${command}\\b[^;]* natively;`));
    expect(restricted).toContain('the application user\'s ACL denies role');
    expect(luaRealization).toBe(luaScripting ? Realization.NATIVE : Realization.EMULATED);
    if (!luaScripting) expect(lua).toContain(`ACL denies ${LUA_COMMANDS.join(', ')}`);
  });
});
