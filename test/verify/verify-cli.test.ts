/**
 * `choreo-redis verify` against real redis-server processes: a compliant server passes (exit 0), and a server
 * that breaks one promise is caught (exit 1) on that promise's row. The command line runs in this process
 * through the CLI's main(); one smoke test runs bin/choreo-redis as a child process.
 */
import { execFile, execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { RedisServer, RedisServers, ruleWords } from './redis-servers';
import { RedisCommands } from '../../lib/plan/redis-commands';
import { main } from '../../lib/verify/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'choreo-redis');
const PASSWORD = 'app-secret';
const LUA_ON = ruleWords(RedisCommands.aclRule(true));
const LUA_OFF = ruleWords(RedisCommands.aclRule(false));

interface Run { code: number; stdout: string; stderr: string; rows: Record<string, string> }

function parseRows(stdout: string): Record<string, string> {
  try {
    return Object.fromEntries(JSON.parse(stdout).rows.map((r: { promise: string; status: string }) => [r.promise, r.status]));
  } catch {
    return {};
  }
}

/** Runs bin/choreo-redis as a child process, with `env` added to this process's environment. */
function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr, rows: parseRows(stdout) });
    });
  });
}

/** Runs the command line in this process, with `env` as its whole environment. */
async function runWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, (text) => { stdout += text; }, (text) => { stderr += text; }, env);
  return { code, stdout, stderr, rows: parseRows(stdout) };
}

/** Runs the command line in this process, with no CHOREO_REDIS_URI. */
const run = (...args: string[]): Promise<Run> => runWithEnv({}, ...args);

const servers = new RedisServers();
let primary: RedisServer;
let single: RedisServer;
let plaintext: RedisServer;
let noPassword: RedisServer;
let fewClients: RedisServer;
let evicting: RedisServer;

const appUsers = [
  ['app', 'on', `>${PASSWORD}`, ...LUA_ON],
  ['nolua', 'on', `>${PASSWORD}`, ...LUA_OFF],
  ['leaky-lastsave', 'on', `>${PASSWORD}`, ...LUA_ON, '+lastsave'],
  ['leaky-config-get', 'on', `>${PASSWORD}`, ...LUA_ON, '+config|get'],
  ['leaky-save', 'on', `>${PASSWORD}`, ...LUA_ON, '+save'],
  ['default', 'off'],
];

beforeAll(async () => {
  [primary, single, plaintext, noPassword, fewClients, evicting] = await Promise.all([
    servers.start({ users: appUsers }),
    servers.start({ users: appUsers }),
    servers.start({ users: appUsers, tls: false }),
    servers.start({ users: [['app', 'on', `>${PASSWORD}`, ...LUA_ON], ['default', 'on', 'nopass', ...LUA_ON.slice(1)]] }),
    servers.start({ users: appUsers, args: ['--maxclients', '100'] }),
    servers.start({ users: appUsers, args: ['--maxmemory-policy', 'allkeys-lru'] }),
  ]);
  await servers.start({ users: appUsers, replicaOf: primary });
  await servers.waitForReplicas(primary, 1);
}, 30_000);

afterAll(() => servers.stop());

const uri = (server: RedisServer, user = 'app', scheme = server.tls ? 'rediss' : 'redis'): string =>
  `${scheme}://${user}:${PASSWORD}@127.0.0.1:${server.port}`;
const verifyArgs = (server: RedisServer, plan: string, ...extra: string[]): string[] =>
  ['verify', '--uri', uri(server), '--plan', plan, '--ca', servers.certs.caFile, '--json', '--timeout', '5', ...extra];
const verify = (server: RedisServer, plan: string, ...extra: string[]): Promise<Run> => run(...verifyArgs(server, plan, ...extra));

const ALL_PASS = {
  'tls': 'pass',
  'authentication': 'pass',
  'restricted-commands': 'pass',
  'lua-scripting': 'pass',
  'connection-limit': 'pass',
  'nodes': 'pass',
  'recovery-point': 'not visible',
  'eviction-policy': 'pass',
  'engine-compatibility': 'reported',
};

describe('compliant servers pass with exit code 0', () => {
  test.concurrent.each([
    ['business: primary with one replica', () => verify(primary, 'business')],
    ['hobbyist: single node', () => verify(single, 'hobbyist')],
    ['Lua disabled, checked with --lua disabled', () => run('verify', '--uri', uri(single, 'nolua'), '--plan', 'startup', '--lua', 'disabled', '--ca', servers.certs.caFile, '--json')],
    ['allkeys-lru, checked with --eviction-policy allkeys-lru', () => verify(evicting, 'hobbyist', '--eviction-policy', 'allkeys-lru')],
  ])('%s', async (_, go) => {
    const result = await go();
    expect(result.rows).toEqual(ALL_PASS);
    expect(result.code).toBe(0);
  });

  test('the table names every promise with its expectation, what was seen and PASS', async () => {
    const result = await run('verify', '--uri', uri(primary), '--plan', 'business', '--ca', servers.certs.caFile);
    expect(result.code).toBe(0);
    for (const [promise, status] of Object.entries(ALL_PASS)) {
      expect(result.stdout).toMatch(new RegExp(`^${promise} +${status.toUpperCase()} +expected: .+\\n +seen: +.+$`, 'm'));
    }
    expect(result.stdout).toMatch(/TLSv1\.3, certificate verified; plaintext not served/);
    expect(result.stdout).toMatch(/primary with 1 online standby/);
    expect(result.stdout).toMatch(/maxclients 10000 \(maxmemory 100 MB\)/);
    expect(result.stdout).toMatch(/^eviction-policy +PASS +expected: maxmemory_policy noeviction\n +seen: +maxmemory_policy noeviction$/m);
  });

  test('the engine row reports the engine and version INFO server shows, against Redis OSS 7.2, and what the backend runs', async () => {
    const [plain, onBackend] = await Promise.all([
      verify(single, 'hobbyist'),
      verify(single, 'business', '--backend', 'memorystore-valkey'),
    ]);
    const version = /v=(\d+\.\d+\.\d+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))![1];
    const row = (result: Run) => JSON.parse(result.stdout).rows.find((r: { promise: string }) => r.promise === 'engine-compatibility');
    expect(row(plain)).toMatchObject({
      status: 'reported',
      expected: 'an engine answering Redis OSS 7.2\'s commands',
      seen: expect.stringMatching(new RegExp(`^redis ${version.replace(/\./g, '\\.')}: Redis OSS ${version.replace(/\./g, '\\.')}(, older than 7\\.2: lacks CLIENT NO-TOUCH; CLIENT SETINFO; WAITAOF| compatible, 7\\.2 or later)$`)),
    });
    expect(row(onBackend).expected).toMatch(/; Memorystore for Valkey runs valkey VALKEY_8_0 by default \(valkey VALKEY_8_0: the Redis OSS 7\.2 command set; it also answers the commands Valkey added/);
    expect(plain.code).toBe(0);
  });

  test('--insecure-skip-verify: the TLS row is not verified, neither pass nor fail, with the reason; exit code 0', async () => {
    const result = await run('verify', '--uri', uri(single), '--plan', 'hobbyist', '--insecure-skip-verify');
    expect(result.stdout).toMatch(/^tls +NOT VERIFIED +expected: .*\n +seen: +TLSv1\.3, certificate not verified \(--insecure-skip-verify\); plaintext not served\n +reason: +the server certificate was not verified: --insecure-skip-verify$/m);
    expect(result.stdout).toMatch(/^Every promise checked holds\.\nNot verified: tls\.$/m);
    expect(result.code).toBe(0);
  });
});

describe('a server that breaks one promise is caught with exit code 1', () => {
  test.concurrent.each([
    ['plaintext port (redis:// URI, plaintext accepted)', () => run('verify', '--uri', uri(plaintext), '--plan', 'hobbyist', '--json', '--allow-plaintext-password'),
      { tls: 'fail' }],
    ['plaintext port (rediss:// URI): no credentials sent', () => run('verify', '--uri', uri(plaintext, 'app', 'rediss'), '--plan', 'hobbyist', '--json', '--timeout', '2'),
      { 'tls': 'fail', 'authentication': 'not checked', 'restricted-commands': 'not checked', 'lua-scripting': 'not checked', 'connection-limit': 'not checked', 'nodes': 'not checked', 'recovery-point': 'not checked', 'eviction-policy': 'not checked', 'engine-compatibility': 'not checked' }],
    ['certificate not trusted (no --ca)', () => run('verify', '--uri', uri(single), '--plan', 'hobbyist', '--json'),
      { 'tls': 'fail', 'authentication': 'not checked', 'restricted-commands': 'not checked', 'lua-scripting': 'not checked', 'connection-limit': 'not checked', 'nodes': 'not checked', 'recovery-point': 'not checked', 'eviction-policy': 'not checked', 'engine-compatibility': 'not checked' }],
    ['no password', () => verify(noPassword, 'hobbyist'), { authentication: 'fail' }],
    ['LASTSAVE allowed', () => run('verify', '--uri', uri(single, 'leaky-lastsave'), '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json'),
      { 'restricted-commands': 'fail' }],
    ['CONFIG GET allowed', () => run('verify', '--uri', uri(single, 'leaky-config-get'), '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json'),
      { 'restricted-commands': 'fail' }],
    ['SAVE allowed', () => run('verify', '--uri', uri(single, 'leaky-save'), '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json'),
      { 'restricted-commands': 'fail' }],
    ['Lua allowed with --lua disabled', () => verify(single, 'hobbyist', '--lua', 'disabled'), { 'lua-scripting': 'fail' }],
    ['Lua refused with --lua enabled', () => run('verify', '--uri', uri(single, 'nolua'), '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json'),
      { 'lua-scripting': 'fail' }],
    ['too few replicas: premium on a primary with one', () => verify(primary, 'premium'), { nodes: 'fail' }],
    ['too few replicas: business on a single node', () => verify(single, 'business'), { nodes: 'fail' }],
    ['maxclients 100', () => verify(fewClients, 'hobbyist'), { 'connection-limit': 'fail' }],
    ['allkeys-lru where the product\'s noeviction is expected', () => verify(evicting, 'hobbyist'), { 'eviction-policy': 'fail' }],
    ['noeviction where --eviction-policy volatile-lru is expected', () => verify(single, 'hobbyist', '--eviction-policy', 'volatile-lru'), { 'eviction-policy': 'fail' }],
  ])('%s', async (_, go, failing: Record<string, string>) => {
    const result = await go();
    expect(result.rows).toEqual({ ...ALL_PASS, ...failing });
    expect(result.code).toBe(1);
  });

  test('the failing row names the command that is not refused', async () => {
    const result = await run('verify', '--uri', uri(single, 'leaky-config-get'), '--plan', 'hobbyist', '--ca', servers.certs.caFile);
    expect(result.stdout).toMatch(/^restricted-commands +FAIL +expected: refused: .*\n +seen: +not refused: config\|get \(QUEUED\) \[via MULTI\/DISCARD.*\]$/m);
    expect(result.stdout).toMatch(/Failed: restricted-commands\./);
  });
});

describe('usage and connection errors exit with code 2', () => {
  test.each([
    ['no URI', ['verify', '--plan', 'business'], /the URI is missing: set CHOREO_REDIS_URI=rediss:\/\/user:password@host:port \(or pass --uri\)/],
    ['an unknown plan', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'gold'], /--plan "gold" is not a plan; one of hobbyist, startup, business, premium/],
    ['--lua maybe', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'business', '--lua', 'maybe'], /--lua "maybe" is not enabled or disabled/],
    ['--eviction-policy lru', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'business', '--eviction-policy', 'lru'],
      /--eviction-policy "lru" is not an eviction policy; one of noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random, volatile-ttl/],
    ['an unknown option', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'business', '--tls'], /Unknown option '--tls'/],
    ['an http URI', ['verify', '--uri', 'http://127.0.0.1', '--plan', 'business'], /--uri has the scheme "http:", not redis: or rediss:/],
    ['--timeout 0', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'business', '--timeout', '0'], /--timeout "0" is not a positive number of seconds/],
    ['an unreadable --ca', ['verify', '--uri', 'rediss://a:b@127.0.0.1:1', '--plan', 'business', '--ca', '/nonexistent.pem'], /--ca "\/nonexistent.pem" cannot be read/],
    ['an unknown command', ['check'], /unknown command "check"/],
  ])('fails for %s', async (_, args, message) => {
    const result = await run(...args);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: CHOREO_REDIS_URI=<rediss:\/\/user:password@host:port> choreo-redis verify/);
    expect(result.code).toBe(2);
  });

  test('fails for a port nobody listens on', async () => {
    const result = await run('verify', '--uri', 'rediss://app:x@127.0.0.1:1', '--plan', 'business');
    expect(result.stderr).toMatch(/cannot reach 127\.0\.0\.1:1: connect ECONNREFUSED/);
    expect(result.code).toBe(2);
  });

  test('fails for a wrong password, with the hint to percent-encode special characters', async () => {
    const result = await run('verify', '--uri', `rediss://app:wrong@127.0.0.1:${single.port}`, '--plan', 'hobbyist', '--ca', servers.certs.caFile);
    expect(result.stderr).toMatch(/cannot connect to 127\.0\.0\.1:\d+ as "app": WRONGPASS .*; if the password has special characters, percent-encode any of : \/ \? # \[ \] @ % /);
    expect(result.code).toBe(2);
  });

  test('fails for a URI without a password where the server wants one, with the hint to put an identity\'s token in it', async () => {
    const result = await run('verify', '--uri', `rediss://127.0.0.1:${single.port}`, '--plan', 'hobbyist', '--ca', servers.certs.caFile);
    expect(result.stderr).toMatch(/cannot connect to 127\.0\.0\.1:\d+ as "default": (NOAUTH|WRONGPASS) .*; the URI carries no password: where clients authenticate with their identity .* put an access token/);
    expect(result.code).toBe(2);
  });

  test('fails for a password whose "/" is not percent-encoded, with the hint and without the password', async () => {
    const result = await runWithEnv({ CHOREO_REDIS_URI: `rediss://app:pass/word@127.0.0.1:${single.port}` }, 'verify', '--plan', 'hobbyist');
    expect(result.stderr).toMatch(/^choreo-redis: CHOREO_REDIS_URI is not a URI; write rediss:\/\/user:password@host:port, and percent-encode .* \(for example p@ss\/word as p%40ss%2Fword/);
    expect(result.stderr).not.toMatch(/pass\/word@/);
    expect(result.code).toBe(2);
  });

  test('a redis:// URI with a password: refused before connecting (exit code 2), the server sees no connection', async () => {
    const own = await servers.start({ users: appUsers, tls: false });
    const admin = await own.admin();
    const connections = async (): Promise<number> => Number(/total_connections_received:(\d+)/.exec(String(await admin.call('info', 'stats')))?.[1]);
    const before = await connections();
    const result = await run('verify', '--uri', uri(own), '--plan', 'hobbyist', '--json');
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, kind: 'usage', error: expect.stringMatching(/^--uri is redis:\/\/ and carries a password, which would be sent unencrypted; write it as rediss:\/\/127\.0\.0\.1:\d+ \(TLS\), or pass --allow-plaintext-password/) });
    expect(result.code).toBe(2);
    expect(await connections()).toBe(before);
  });

  test('redis:// to a TLS port, plaintext accepted: no credentials in plaintext, and the hint to write rediss://', async () => {
    const [untrusted, trusted] = await Promise.all([
      run('verify', '--uri', uri(single, 'app', 'redis'), '--plan', 'hobbyist', '--json', '--allow-plaintext-password'),
      run('verify', '--uri', uri(single, 'app', 'redis'), '--plan', 'hobbyist', '--json', '--ca', servers.certs.caFile, '--allow-plaintext-password'),
    ]);
    const hint = `the port speaks TLS, but the URI is redis://: write it as rediss://127.0.0.1:${single.port}`;
    expect(JSON.parse(untrusted.stdout).hints).toEqual([hint]);
    expect(untrusted.rows).toEqual({
      'tls': 'fail', 'authentication': 'not checked', 'restricted-commands': 'not checked', 'lua-scripting': 'not checked', 'connection-limit': 'not checked', 'nodes': 'not checked', 'recovery-point': 'not checked', 'eviction-policy': 'not checked', 'engine-compatibility': 'not checked',
    });
    expect(JSON.parse(untrusted.stdout).rows[1].seen).toBe('not checked: the port speaks TLS and no trusted TLS connection was made, so the credentials were not sent');
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(trusted.stdout).hints).toEqual([hint]);
    expect(trusted.rows).toEqual(ALL_PASS);
  });

  test('no arguments: the usage on stderr, exit code 2', async () => {
    const result = await run();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^choreo-redis: no command given\n\nUsage: CHOREO_REDIS_URI=<rediss:\/\/user:password@host:port> choreo-redis verify --plan <plan>/);
    expect(result.code).toBe(2);
  });

  test('a usage error under --json is JSON on stdout too', async () => {
    const result = await run('verify', '--plan', 'gold', '--json');
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, kind: 'usage', error: expect.stringMatching(/^the URI is missing/) });
    expect(result.stderr).toMatch(/^choreo-redis: the URI is missing/);
    expect(result.code).toBe(2);
  });

  test('a connection error under --json is JSON on stdout', async () => {
    const result = await run('verify', '--uri', 'rediss://127.0.0.1:1', '--plan', 'business', '--json');
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, kind: 'connection', error: expect.stringMatching(/^cannot reach 127\.0\.0\.1:1/) });
    expect(result.code).toBe(2);
  });

  test('--version prints the package\'s name and version', async () => {
    const result = await run('--version');
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(result.stdout).toBe(`cdktf-choreo-redis ${pkg.version}\n`);
    expect(result.code).toBe(0);
  });

  test('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    expect(result.stdout).toMatch(/^Usage: CHOREO_REDIS_URI=<rediss:\/\/user:password@host:port> choreo-redis verify --plan <plan>/);
    expect(result.stdout).toMatch(/Exit codes: 0 every promise holds \(ACCEPTED, NOT VERIFIED, NOT VISIBLE and REPORTED do not fail\); 1 a promise\nfails; 2 usage or connection error\. With --outputs, the worst over every data store\./);
    expect(result.code).toBe(0);
  });
});

describe('the URI comes from CHOREO_REDIS_URI; a password in --uri is warned about', () => {
  const WARNING = /^choreo-redis: warning: --uri carries a password on the command line, where other users see it in ps .*; pass the URI in the CHOREO_REDIS_URI environment variable instead/m;

  test('a password in --uri prints a warning on stderr, and the verification still runs', async () => {
    const result = await verify(single, 'hobbyist');
    expect(result.stderr).toMatch(WARNING);
    expect(result.rows).toEqual(ALL_PASS);
    expect(result.code).toBe(0);
  });

  test('the URI in CHOREO_REDIS_URI needs no --uri and prints no warning', async () => {
    const result = await runWithEnv({ CHOREO_REDIS_URI: uri(single) }, 'verify', '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json');
    expect(result.stderr).toBe('');
    expect(result.rows).toEqual(ALL_PASS);
    expect(result.code).toBe(0);
  });

  test('--uri without a password prints no warning', async () => {
    const result = await run('verify', '--uri', `rediss://127.0.0.1:${noPassword.port}`, '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--json');
    expect(result.stderr).not.toMatch(WARNING);
    expect(result.rows).toEqual({ ...ALL_PASS, authentication: 'fail' });
  });

  test('bin/choreo-redis as a child process: the URI from the environment, the report on stdout, exit code 0', async () => {
    const result = await runChild(['verify', '--plan', 'business', '--ca', servers.certs.caFile], { CHOREO_REDIS_URI: uri(primary) });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^choreo-redis verify: 127\.0\.0\.1:\d+, plan business, Lua enabled$/m);
    expect(result.stdout).toMatch(/Every promise checked holds\./);
    expect(result.code).toBe(0);
  });
});
