/**
 * The probes never run a restricted or Lua command, even on a server that allows every one of them:
 * the server's own INFO commandstats shows zero calls afterwards, and its state is unchanged.
 */
import Redis from 'ioredis';
import { RedisServer, RedisServers, ruleWords } from './redis-servers';
import { LUA_COMMANDS, RESTRICTED_COMMANDS } from '../../lib/plan/commands';
import { RedisCommands } from '../../lib/plan/redis-commands';
import { parseCommandLine } from '../../lib/verify/options';
import { LUA_PROBES, ProbeGuard, ProbeOutcome, RESTRICTED_PROBES, classify, probesFor } from '../../lib/verify/probes';
import { runProbes } from '../../lib/verify/session';

const PROBES = [...RESTRICTED_PROBES, ...LUA_PROBES];
const PASSWORD = 'probe-secret';
const servers = new RedisServers();
let server: RedisServer;
let admin: Redis;

beforeAll(async () => {
  server = await servers.start({
    tls: false,
    users: [
      ['everything', 'on', `>${PASSWORD}`, '~*', '&*', '+@all'],
      ['everything-but-dryrun', 'on', `>${PASSWORD}`, '~*', '&*', '+@all', '-acl|dryrun'],
      ['restricted', 'on', `>${PASSWORD}`, ...ruleWords(RedisCommands.aclRule(false))],
      ['default', 'off'],
    ],
    // DEBUG is off by default in Redis 7; switch it on so that its probe meets a server that allows it.
    args: ['--enable-debug-command', 'yes'],
  });
  admin = await server.admin();
});

afterAll(() => servers.stop());

async function withUser<T>(user: string, go: (client: Redis, options: ReturnType<typeof optionsFor>) => Promise<T>): Promise<T> {
  const options = optionsFor(user);
  const client = await server.connect(user, PASSWORD);
  try {
    return await go(client, options);
  } finally {
    client.disconnect();
  }
}

function optionsFor(user: string) {
  const invocation = parseCommandLine(['verify', '--uri', `redis://${user}:${PASSWORD}@127.0.0.1:${server.port}`, '--plan', 'hobbyist', '--allow-plaintext-password']);
  if (invocation.kind !== 'verify' || invocation.run.source.kind !== 'uri') throw new Error(`unexpected ${invocation.kind}`);
  return invocation.run.source.dataStore;
}

/** Calls per command (top-level name) from INFO commandstats. */
async function callsByCommand(): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const [, name, count] of String(await admin.call('info', 'commandstats')).matchAll(/^cmdstat_([^|:]+)(?:\|[^:]*)?:calls=(\d+)/gm)) {
    calls.set(name, (calls.get(name) ?? 0) + Number(count));
  }
  return calls;
}

/** The restricted and Lua commands serverState() itself calls once, as admin. */
const STATE_READS = ['acl', 'config', 'function', 'role', 'lastsave'];

/** What a restricted command could change: configuration, users, data, functions, scripts, role, persistence. */
async function serverState(): Promise<unknown> {
  const persistence = String(await admin.call('info', 'persistence'));
  return {
    config: await admin.call('config', 'get', '*'),
    users: await admin.call('acl', 'list'),
    keys: await admin.call('dbsize'),
    functions: await admin.call('function', 'list'),
    role: (await admin.call('role') as unknown[])[0],
    lastsave: await admin.call('lastsave'),
    persistence: persistence.split('\n').filter((l) => /^(rdb_bgsave_in_progress|aof_rewrite_in_progress|aof_rewrite_scheduled|rdb_saves):/.test(l)),
  };
}

test('there are probes for every restricted and Lua command, and for no other command', () => {
  expect([...new Set(PROBES.map((p) => p.command))].sort()).toEqual([...RESTRICTED_COMMANDS, ...LUA_COMMANDS].sort());
  expect(PROBES.filter((p) => p.guard === ProbeGuard.SUBSCRIBED).map((p) => p.name)).toEqual(['save', 'shutdown']);
});

test('fails for a command that has no probe', () => {
  expect(() => probesFor('get')).toThrow('no probe is defined for the command "get"');
});

test.each([
  [{ error: 'NOPERM this user has no permissions to run the \'config|get\' command' }, ProbeGuard.TRANSACTION, ProbeOutcome.REFUSED],
  [{ error: 'ERR unknown command \'save\', with args beginning with: ' }, ProbeGuard.SUBSCRIBED, ProbeOutcome.REFUSED],
  [{ error: 'ERR unknown subcommand \'shards\'. Try CLUSTER HELP.' }, ProbeGuard.TRANSACTION, ProbeOutcome.REFUSED],
  [{ error: 'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", ...' }, ProbeGuard.TRANSACTION, ProbeOutcome.REFUSED],
  [{ value: 'QUEUED' }, ProbeGuard.TRANSACTION, ProbeOutcome.ALLOWED],
  [{ error: 'ERR Can\'t execute \'save\': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context' }, ProbeGuard.SUBSCRIBED, ProbeOutcome.ALLOWED],
  [{ value: 'OK' }, 'dryrun' as const, ProbeOutcome.ALLOWED],
  [{ value: 'This user has no permissions to run the \'save\' command' }, 'dryrun' as const, ProbeOutcome.REFUSED],
  [{ error: 'ERR Command \'save\' not found' }, 'dryrun' as const, ProbeOutcome.REFUSED],
  [{ value: 'OK' }, ProbeGuard.TRANSACTION, ProbeOutcome.UNCLEAR],
  [{ error: 'ERR Command not allowed inside a transaction' }, ProbeGuard.TRANSACTION, ProbeOutcome.UNCLEAR],
])('classify(%j, %s) is %s', (reply, via, outcome) => {
  expect(classify(reply, via)).toBe(outcome);
});

describe('on a server that allows every restricted and Lua command', () => {
  test('the guarded probes see every one as allowed, and none of them runs', async () => {
    const before = await callsByCommand();
    const state = await serverState();
    const seen = await withUser('everything-but-dryrun', (client, options) => runProbes(options, client, false, PROBES));
    expect(seen.via).toBe('MULTI/DISCARD; SAVE and SHUTDOWN in Pub/Sub context');
    expect(seen.notSent).toEqual([]);
    // The user may not run ACL DRYRUN (that is what sends the verifier down this path), so that one probe is refused.
    expect(seen.results.filter((r) => r.outcome !== ProbeOutcome.ALLOWED).map((r) => r.probe.name)).toEqual(['acl|dryrun']);
    expect(seen.results).toHaveLength(PROBES.length);
    const after = await callsByCommand();
    for (const command of [...RESTRICTED_COMMANDS, ...LUA_COMMANDS]) {
      const calls = (after.get(command) ?? 0) - (before.get(command) ?? 0);
      expect({ command, calls }).toEqual({ command, calls: STATE_READS.includes(command) ? 1 : 0 });
    }
    expect(await serverState()).toEqual(state);
  });

  test('ACL DRYRUN, when the user may run it, sees every one as allowed, and none of them runs', async () => {
    const before = await callsByCommand();
    const state = await serverState();
    const seen = await withUser('everything', (client, options) => runProbes(options, client, false, PROBES));
    expect(seen.via).toBe('ACL DRYRUN');
    expect(seen.results.filter((r) => r.outcome !== ProbeOutcome.ALLOWED)).toEqual([]);
    const after = await callsByCommand();
    const dryruns = PROBES.length + 1;
    for (const command of [...RESTRICTED_COMMANDS, ...LUA_COMMANDS]) {
      const expected = (command === 'acl' ? dryruns : 0) + (STATE_READS.includes(command) ? 1 : 0);
      expect({ command, calls: (after.get(command) ?? 0) - (before.get(command) ?? 0) }).toEqual({ command, calls: expected });
    }
    expect(await serverState()).toEqual(state);
  });
});

test('the library\'s own rule (Lua off) makes every probe refused', async () => {
  const seen = await withUser('restricted', (client, options) => runProbes(options, client, false, PROBES));
  expect(seen.results.filter((r) => r.outcome !== ProbeOutcome.REFUSED)).toEqual([]);
  expect(seen.results).toHaveLength(PROBES.length);
});

/**
 * Probes with no arguments that make the command fail: read-only ones, and the few with no arguments at all
 * (BGREWRITEAOF, SAVE, MONITOR, CONFIG RESETSTAT, CONFIG REWRITE). They are only ever sent queued in a
 * discarded transaction, in Pub/Sub context, or through ACL DRYRUN.
 */
const NO_FAILING_ARGUMENTS = [
  'bgrewriteaof', 'save', 'monitor', 'lastsave', 'role', 'command', 'command|count', 'command|docs', 'command|help', 'command|info', 'command|list',
  'command|getkeys', 'command|getkeysandflags', 'config|get', 'config|help', 'config|resetstat', 'config|rewrite', 'acl|cat', 'acl|deluser', 'acl|help', 'acl|list',
  'acl|users', 'acl|whoami', 'acl|getuser', 'acl|log', 'function|dump', 'function|help', 'function|list', 'function|stats', 'script|exists', 'script|help',
  'eval', 'eval_ro', 'cluster|help', 'cluster|keyslot', 'cluster|myid', 'cluster|nodes', 'cluster|info', 'cluster|links', 'cluster|shards', 'cluster|slots',
];

test('every other probe\'s arguments make the command fail, or do nothing, even when run for real', async () => {
  const state = await serverState();
  const runnable = PROBES.filter((p) => !NO_FAILING_ARGUMENTS.includes(p.name));
  expect(runnable.map((p) => p.name)).toEqual(expect.arrayContaining(['shutdown', 'bgsave', 'config|set', 'acl|setuser', 'replicaof', 'slaveof',
    'failover', 'migrate', 'debug', 'function|flush', 'function|load', 'function|restore', 'function|delete', 'script|flush', 'script|load', 'cluster|reset']));
  const replies: Record<string, string> = {};
  for (const probe of runnable) {
    replies[probe.name] = await admin.call(probe.argv[0], ...probe.argv.slice(1)).then((v) => `value: ${String(v)}`, (e: Error) => `error: ${e.message}`);
  }
  // MIGRATE of a key that does not exist answers NOKEY and moves nothing.
  expect(Object.entries(replies).filter(([, reply]) => !reply.startsWith('error: '))).toEqual([['migrate', 'value: NOKEY']]);
  expect(await admin.call('ping')).toBe('PONG');
  expect(await serverState()).toEqual(state);
});
