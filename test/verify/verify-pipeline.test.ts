/**
 * `choreo-redis verify` as a deployment pipeline runs it, against real TLS redis-server processes set up like
 * Memorystore for Redis (FAILOVER, ROLE and SLAVEOF allowed, every other restricted command refused):
 * `--backend` takes the library's conformance data, `--outputs` reads the outputs a synthesized stack's
 * addOutputs() defines, filled in by the local servers, and `--junit` writes a report CI reads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { RedisServer, RedisServers, ruleWords } from './redis-servers';
import { XmlElement, parseXml } from './xml';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../../lib';
import { RESTRICTED_COMMANDS, renderAclRule } from '../../lib/plan/commands';
import { ReadInput, inputReader, main } from '../../lib/verify/cli';

/** Memorystore's AUTH string is generated; this one has characters that must be percent-encoded in the URI. */
const PASSWORD = 'auth/string+with=special@chars';
/** What Memorystore for Redis leaves allowed of the restricted commands. */
const MEMORYSTORE_ALLOWS = ['failover', 'role', 'slaveof'];
const memorystoreLike = (...alsoAllowed: string[]): string[] =>
  ruleWords(renderAclRule(RESTRICTED_COMMANDS.filter((c) => ![...MEMORYSTORE_ALLOWS, ...alsoAllowed].includes(c))));

interface Run { code: number; stdout: string; stderr: string }

async function run(args: string[], readInput?: ReadInput): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, (text) => { stdout += text; }, (text) => { stderr += text; }, {}, readInput);
  return { code, stdout, stderr };
}

const rowsOf = (report: { rows: { promise: string; status: string }[] }): Record<string, string> =>
  Object.fromEntries(report.rows.map((r) => [r.promise, r.status]));

const servers = new RedisServers();
const dir = mkdtempSync(join(tmpdir(), 'choreo-redis-pipeline-'));
/** Memorystore-like; also a user `configtoo` that CONFIG is allowed to as well. */
let memorystore: RedisServer;
/** Memorystore-like, but its default user may also run CONFIG. */
let leaky: RedisServer;

beforeAll(async () => {
  [memorystore, leaky] = await Promise.all([
    servers.start({ users: [['default', 'on', `>${PASSWORD}`, ...memorystoreLike()], ['configtoo', 'on', `>${PASSWORD}`, ...memorystoreLike('config')]] }),
    servers.start({ users: [['default', 'on', `>${PASSWORD}`, ...memorystoreLike('config')]] }),
  ]);
}, 30_000);

afterAll(async () => {
  await servers.stop();
  rmSync(dir, { recursive: true, force: true });
});

const uri = (server: RedisServer, user = 'default'): string => `rediss://${user}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}`;
const verify = (server: RedisServer, user: string, ...args: string[]): Promise<Run> =>
  run(['verify', '--uri', uri(server, user), '--plan', 'hobbyist', '--ca', servers.certs.caFile, '--timeout', '5', ...args]);

describe('--backend: the expected realization of each promise comes from the library\'s conformance data', () => {
  test('a Memorystore-like server passes with --backend memorystore: its restricted-commands gap is accepted, with the reason', async () => {
    const result = await verify(memorystore, 'default', '--backend', 'memorystore');
    expect(result.stdout).toMatch(/^choreo-redis verify: 127\.0\.0\.1:\d+, plan hobbyist on memorystore, Lua enabled$/m);
    expect(result.stdout).toMatch(new RegExp('^restricted-commands +ACCEPTED +expected: refused: .*; may be allowed, as the backend\'s conformance data says: failover, role, slaveof\\n'
      + ' +seen: +all 62 probes of those 13 commands refused \\(.*\\); allowed, as accepted: failover \\(QUEUED\\); role \\(QUEUED\\); slaveof \\(QUEUED\\) \\[via .*\\]\\n'
      + ' +reason: +substituted: Memorystore refuses acl, .* natively, but not failover, role, slaveof, and has no ACL to refuse them$', 'm'));
    for (const promise of ['tls', 'authentication', 'lua-scripting', 'connection-limit', 'nodes']) expect(result.stdout).toMatch(new RegExp(`^${promise} +PASS `, 'm'));
    expect(result.stdout).toMatch(/^Every promise checked holds\.\nAccepted, as the backend's conformance data reports: restricted-commands\.$/m);
    expect(result.code).toBe(0);
  });

  test.concurrent.each([
    ['fails with --backend elasticache, which refuses every restricted command', ['--backend', 'elasticache'], 'default',
      /^not refused: failover \(QUEUED\); role \(QUEUED\); slaveof \(QUEUED\) \[via/],
    ['fails without --backend: the plan\'s full promises', [], 'default', /^not refused: failover \(QUEUED\); role \(QUEUED\); slaveof \(QUEUED\) \[via/],
    ['the same server also allowing CONFIG fails with --backend memorystore', ['--backend', 'memorystore'], 'configtoo',
      /^not refused: config\|get \(QUEUED\); config\|help \(QUEUED\); config\|resetstat \(QUEUED\); config\|rewrite \(QUEUED\); config\|set \(QUEUED\); allowed, as accepted: failover/],
  ])('%s', async (_, args, user, seen) => {
    const result = await verify(memorystore, user, '--json', ...args);
    const report = JSON.parse(result.stdout);
    expect(rowsOf(report)).toEqual({
      'tls': 'pass',
      'authentication': 'pass',
      'restricted-commands': 'fail',
      'lua-scripting': 'pass',
      'connection-limit': 'pass',
      'nodes': 'pass',
      'recovery-point': 'not visible',
      'eviction-policy': 'pass',
      'engine-compatibility': 'reported',
    });
    expect(report.rows[2].seen).toMatch(seen);
    expect(result.code).toBe(1);
  });

  test('Lua switched off on Memorystore, which cannot: Lua allowed is accepted', async () => {
    const result = await verify(memorystore, 'default', '--json', '--backend', 'memorystore', '--lua', 'disabled');
    const report = JSON.parse(result.stdout);
    expect(rowsOf(report)).toEqual(expect.objectContaining({ 'restricted-commands': 'accepted', 'lua-scripting': 'accepted' }));
    expect(report.rows[3].reason).toMatch(/^unavailable: Memorystore for Redis always allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT/);
    expect(result.code).toBe(0);
  });
});

/** The outputs of a stack with a data store on Memorystore at each construct path (within the stack), synthesized by the library. */
function synthesizedOutputs(paths: readonly string[]): Record<string, { value: unknown; sensitive: boolean }> {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const backend = RedisBackend.memorystore({ project: 'my-project', region: 'europe-west1', network: 'default' });
  for (const path of paths) {
    const ids = path.split('/');
    const scope = ids.slice(0, -1).reduce<Construct>((parent, id) => new Construct(parent, id), stack);
    new ChoreoRedis(scope, ids[ids.length - 1], { plan: ServicePlan.HOBBYIST, backend }).addOutputs();
  }
  return JSON.parse(Testing.synth(stack)).output;
}

/**
 * `terraform output -json` after apply: the synthesized outputs, with what Terraform computes (host, port,
 * password, URI, CA) filled in by the local server at each path (or a bare port nobody listens on).
 */
function terraformOutputJson(serversByPath: Readonly<Record<string, RedisServer | number>>): string {
  const byPrefix = new Map(Object.entries(serversByPath).map(([path, server]) => [path.replace(/\//g, '_'), server]));
  const outputs: Record<string, { sensitive: boolean; type: string; value: unknown }> = {};
  for (const [name, output] of Object.entries(synthesizedOutputs(Object.keys(serversByPath)))) {
    const [, prefix, key] = /^(.*)_(host|port|user|password|uri|ca_certificate|verify)$/.exec(name) ?? [name, name, name];
    const server = byPrefix.get(prefix)!;
    const port = typeof server === 'number' ? server : server.port;
    const applied: Record<string, unknown> = {
      host: '127.0.0.1',
      port,
      user: output.value,
      password: PASSWORD,
      ca_certificate: servers.certs.ca,
      verify: output.value,
      uri: `rediss://default:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    };
    outputs[name] = { sensitive: output.sensitive, type: typeof applied[key], value: applied[key] };
  }
  return JSON.stringify(outputs, undefined, 2);
}

const children = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

describe('--outputs: every data store of a stack, from terraform output -json', () => {
  test('a synthesized stack\'s outputs name each data store\'s URI, CA and what to expect of it', () => {
    const outputs = synthesizedOutputs(['Team/Cache']);
    expect(Object.keys(outputs).sort()).toEqual([
      'Team_Cache_ca_certificate', 'Team_Cache_host', 'Team_Cache_password', 'Team_Cache_port', 'Team_Cache_uri', 'Team_Cache_user', 'Team_Cache_verify',
    ]);
    expect(outputs.Team_Cache_verify).toEqual(expect.objectContaining({
      sensitive: false, value: { backend: 'memorystore', plan: 'hobbyist', lua_scripting: true, eviction_policy: 'noeviction', max_connections: 10000, node_count: 1 },
    }));
  });

  test('two data stores, one broken: exit 1, and the report names the broken one; no flag but the file, and the JUnit file parses', async () => {
    const file = join(dir, 'outputs.json');
    writeFileSync(file, terraformOutputJson({ 'Redis': memorystore, 'Team/Cache': leaky }));
    const junit = join(dir, 'report.xml');
    const result = await run(['verify', '--outputs', file, '--junit', junit]);
    expect(result.stdout).toMatch(/^choreo-redis verify: Redis \(127\.0\.0\.1:\d+\), plan hobbyist on memorystore, Lua enabled$/m);
    expect(result.stdout).toMatch(/^choreo-redis verify: Team_Cache \(127\.0\.0\.1:\d+\), plan hobbyist on memorystore, Lua enabled$/m);
    expect(result.stdout).toMatch(/^2 data store\(s\):\n {2}Redis: every promise checked holds\n {2}Team_Cache: fails: restricted-commands$/m);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const suites = children(parseXml(readFileSync(junit, 'utf8')), 'testsuite');
    expect(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors, s.attributes.skipped])).toEqual([
      ['Redis', '9', '0', '0', '3'], ['Team_Cache', '9', '1', '0', '2'],
    ]);
  });

  test('from standard input, as JSON, with a data store nobody answers for: exit 2, the worst; the JUnit counts match the report', async () => {
    const outputs = terraformOutputJson({ 'Redis': memorystore, 'Team/Cache': leaky, 'Gone': 1 });
    const junit = join(dir, 'stdin.xml');
    const result = await run(['verify', '--outputs', '-', '--json', '--junit', junit], inputReader(Readable.from([outputs])));
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.dataStores.map((d: { name: string; ok: boolean }) => [d.name, d.ok]))
      .toEqual([['Gone', false], ['Redis', true], ['Team_Cache', false]]);
    expect(report.dataStores[0].error).toMatch(/cannot reach 127\.0\.0\.1:1: connect ECONNREFUSED/);
    expect(result.stderr).toMatch(/^choreo-redis: Gone: cannot reach 127\.0\.0\.1:1/m);
    expect(result.code).toBe(2);
    const root = parseXml(readFileSync(junit, 'utf8'));
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['Gone', 'Redis', 'Team_Cache']);
    for (const [i, store] of report.dataStores.entries()) {
      const rows: { status: string }[] = store.rows ?? [];
      const cases = children(suites[i], 'testcase');
      const { tests, failures, errors, skipped } = suites[i].attributes;
      expect({ tests, failures, errors, skipped }).toEqual({
        tests: String(Math.max(rows.length, 1)),
        failures: String(rows.filter((r) => r.status === 'fail').length),
        errors: store.error === undefined ? '0' : '1',
        skipped: String(rows.filter((r) => !['pass', 'fail'].includes(r.status)).length),
      });
      expect(cases.filter((c) => children(c, 'failure').length > 0)).toHaveLength(Number(suites[i].attributes.failures));
      expect(cases.filter((c) => children(c, 'skipped').length > 0)).toHaveLength(Number(suites[i].attributes.skipped));
    }
    expect(root.attributes).toEqual(expect.objectContaining({ tests: '19', failures: '1', errors: '1', skipped: '5' }));
  });

  test('an output whose URI is redis:// with a password: refused before anything is sent, unless plaintext is accepted', async () => {
    const outputs = JSON.stringify({
      Plain_uri: { sensitive: true, type: 'string', value: 'redis://default:secret@127.0.0.1:1' },
      Plain_verify: { sensitive: false, type: 'object', value: { backend: 'elasticache', plan: 'hobbyist', lua_scripting: true } },
    });
    const refused = await run(['verify', '--outputs', '-'], inputReader(Readable.from([outputs])));
    expect(refused.stderr).toMatch(/output Plain_uri is redis:\/\/ and carries a password, which would be sent unencrypted; write it as rediss:\/\/127\.0\.0\.1:1 \(TLS\)/);
    expect(refused.code).toBe(2);
    const accepted = await run(['verify', '--outputs', '-', '--allow-plaintext-password'], inputReader(Readable.from([outputs])));
    expect(accepted.stderr).toMatch(/Plain: cannot reach 127\.0\.0\.1:1/);
  });
});
