/**
 * The verifier's pure parts: URIs, INFO parsing and the rows for what a service shows or hides.
 */
import { requireRedisServer } from './redis-servers';
import { ProductPromise } from '../../lib/plan/conformance';
import { ServicePlan } from '../../lib/plan/service-plan';
import { InfoObservation, RowStatus, connectionRow, parseInfo, tlsRow, topologyRow } from '../../lib/verify/judge';
import { PASSWORD_ON_COMMAND_LINE, UsageError, parseCommandLine, parseUri } from '../../lib/verify/options';

const info = (clients: string, memory: string, replication: string): InfoObservation => ({
  clients: { value: clients }, memory: { value: memory }, replication: { value: replication },
});

test.each([
  ['rediss://app:p%40ss@cache.example.com:6380/2', { host: 'cache.example.com', port: 6380, tls: true, username: 'app', password: 'p@ss', db: 2 }],
  ['redis://:secret@127.0.0.1', { host: '127.0.0.1', port: 6379, tls: false, username: 'default', password: 'secret', db: 0 }],
  ['rediss://[::1]:7000', { host: '::1', port: 7000, tls: true, username: 'default', password: undefined, db: 0 }],
])('parseUri(%s)', (uri, target) => {
  expect(parseUri(uri)).toEqual(target);
});

test('parseUri reads a password with an "@" that is not percent-encoded', () => {
  expect(parseUri('rediss://app:p@ss@h:1')).toEqual(expect.objectContaining({ host: 'h', username: 'app', password: 'p@ss' }));
});

const PERCENT_ENCODE = /write rediss:\/\/user:password@host:port, and percent-encode any of : \/ \? # \[ \] @ % and spaces in the user name and password \(for example p@ss\/word as p%40ss%2Fword/;

test.each([
  ['not a uri', /the URI is not a URI/, PERCENT_ENCODE],
  ['https://example.com', /the URI has the scheme "https:", not redis: or rediss:/, /write rediss:\/\/user:password@host:port$/],
  ['rediss://h:1/x', /the URI has a database that is not a number/, PERCENT_ENCODE],
  ['rediss://app:pa/ss@h:6380', /the URI is not a URI/, PERCENT_ENCODE],
  ['rediss://app:pa#ss@h:6380', /the URI is not a URI/, PERCENT_ENCODE],
  ['rediss://app:6380#ss@h:6380', /the URI has a "\?" or "#", which no Redis URI has/, PERCENT_ENCODE],
  ['rediss://app:6380?ss@h:6380', /the URI has a "\?" or "#"/, PERCENT_ENCODE],
  ['rediss://app:100%@h:6380', /the URI has a "%" that starts no percent-encoded character/, PERCENT_ENCODE],
])('fails to parse the URI %s, with a hint', (uri, message, hint) => {
  expect(() => parseUri(uri)).toThrow(UsageError);
  expect(() => parseUri(uri)).toThrow(message);
  expect(() => parseUri(uri)).toThrow(hint);
  expect(() => parseUri(uri)).not.toThrow(/pa.ss|[#?]ss|100%@/);
});

test('the URI may come from CHOREO_REDIS_URI, and --plan is case-insensitive', () => {
  const invocation = parseCommandLine(['verify', '--plan', 'Premium', '--lua', 'disabled', '--timeout', '2.5'], { CHOREO_REDIS_URI: 'rediss://u:p@h:1' });
  expect(invocation).toEqual({
    kind: 'verify',
    warnings: [],
    run: expect.objectContaining({
      source: {
        kind: 'uri',
        dataStore: expect.objectContaining({
          timeoutMs: 2500,
          target: expect.objectContaining({ host: 'h' }),
          expectations: expect.objectContaining({ plan: ServicePlan.PREMIUM, luaScripting: false, luaAllowed: false, nodeCount: 3 }),
        }),
      },
    }),
  });
});

test.each([
  ['a password in --uri', ['--uri', 'rediss://u:p@h:1'], {}, [PASSWORD_ON_COMMAND_LINE]],
  ['a password in --uri, with CHOREO_REDIS_URI also set', ['--uri', 'rediss://u:p@h:1'], { CHOREO_REDIS_URI: 'rediss://u:q@h:1' }, [PASSWORD_ON_COMMAND_LINE]],
  ['a password in CHOREO_REDIS_URI', [], { CHOREO_REDIS_URI: 'rediss://u:p@h:1' }, []],
  ['--uri without a password', ['--uri', 'rediss://u@h:1'], {}, []],
])('warnings for %s', (_, uriArgs, env, warnings) => {
  const invocation = parseCommandLine(['verify', '--plan', 'business', ...uriArgs], env);
  expect(invocation).toEqual(expect.objectContaining({ warnings }));
});

describe('a password over plaintext', () => {
  const refusal = /^CHOREO_REDIS_URI is redis:\/\/ and carries a password, which would be sent unencrypted; write it as rediss:\/\/h:1 \(TLS\), or pass --allow-plaintext-password to send it over plaintext$/;

  test('fails: a redis:// URI with a password is refused before anything is sent', () => {
    expect(() => parseCommandLine(['verify', '--plan', 'business'], { CHOREO_REDIS_URI: 'redis://u:p@h:1' })).toThrow(UsageError);
    expect(() => parseCommandLine(['verify', '--plan', 'business'], { CHOREO_REDIS_URI: 'redis://u:p@h:1' })).toThrow(refusal);
    expect(() => parseCommandLine(['verify', '--plan', 'business', '--uri', 'redis://:p@[::1]:6380'])).toThrow(/write it as rediss:\/\/\[::1\]:6380 /);
  });

  test.each([
    ['--allow-plaintext-password', 'redis://u:p@h:1', ['--allow-plaintext-password'], true],
    ['a redis:// URI without a password', 'redis://h:1', [], false],
    ['rediss://', 'rediss://u:p@h:1', [], false],
  ])('%s is accepted', (_, uri, extra, allowed) => {
    const invocation = parseCommandLine(['verify', '--plan', 'business', ...extra], { CHOREO_REDIS_URI: uri });
    if (invocation.kind !== 'verify' || invocation.run.source.kind !== 'uri') throw new Error(`unexpected ${invocation.kind}`);
    expect(invocation.run.source.dataStore.allowPlaintextPassword).toBe(allowed);
  });
});

test('parseInfo reads field:value lines and skips section headers', () => {
  expect(parseInfo('# Clients\r\nconnected_clients:1\r\nmaxclients:10000\r\n')).toEqual(new Map([['connected_clients', '1'], ['maxclients', '10000']]));
});

test.each([
  ['maxclients at the formula', 'maxclients:65536', 'maxmemory:17179869184', RowStatus.PASS, /maxclients 65536 \(maxmemory 16384 MB\)/],
  ['maxclients below 4 x memory', 'maxclients:10000', 'maxmemory:17179869184', RowStatus.FAIL, /maxclients >= max\(10000, 4 x 16384 MB\) = 65536/],
  ['memory not readable', 'maxclients:10000', 'maxmemory:0', RowStatus.NOT_VISIBLE, /memory cannot be read \(maxmemory is 0 \(no limit set\)\), so only the floor/],
  ['memory not readable, below the floor', 'maxclients:5000', 'maxmemory:0', RowStatus.FAIL, /maxclients 5000, below the floor of 10000/],
  ['maxclients hidden', '', 'maxmemory:1', RowStatus.NOT_VISIBLE, /not visible: INFO clients shows no maxclients/],
])('connection limit: %s', (_, clients, memory, status, seen) => {
  const row = connectionRow(info(clients, memory, ''));
  expect(row.promise).toBe(ProductPromise.CONNECTION_LIMIT);
  expect(row.status).toBe(status);
  expect(`${row.expected} | ${row.seen}`).toMatch(seen);
});

test.each([
  [3, 'role:master\nconnected_slaves:2\nslave0:ip=a,port=1,state=online,offset=1,lag=0\nslave1:ip=b,port=1,state=online,offset=1,lag=0',
    RowStatus.PASS, /primary with 2 online standby/],
  [3, 'role:master\nconnected_slaves:2\nslave0:ip=a,port=1,state=online,offset=1,lag=0\nslave1:ip=b,port=1,state=wait_bgsave,offset=0,lag=0',
    RowStatus.FAIL, /primary with 1 online standby\(s\) \(2 connected\)/],
  [1, 'role:master\nconnected_slaves:0', RowStatus.PASS, /primary with 0 online standby/],
  [2, 'role:slave\nmaster_host:a', RowStatus.FAIL, /the URI reaches a slave, not the primary/],
  [2, '', RowStatus.NOT_VISIBLE, /not visible: INFO replication shows no role/],
])('topology: %s node(s) with %j', (nodeCount, replication, status, seen) => {
  const row = topologyRow(nodeCount, info('', '', replication));
  expect(row.promise).toBe(ProductPromise.NODES);
  expect(row.status).toBe(status);
  expect(row.seen).toMatch(seen);
});

test('topology: INFO refused is not visible, with the error', () => {
  const row = topologyRow(2, { clients: {}, memory: {}, replication: { error: 'NOPERM no permissions to run info' } });
  expect(row.status).toBe(RowStatus.NOT_VISIBLE);
  expect(row.seen).toMatch(/NOPERM/);
});

test.each([
  [{ protocol: 'TLSv1.1', authorized: true, verificationSkipped: false }, RowStatus.FAIL, /TLSv1\.1, certificate verified/],
  [{ protocol: 'TLSv1.2', authorized: true, verificationSkipped: false }, RowStatus.PASS, /TLSv1\.2, certificate verified; plaintext not served/],
  [{ protocol: 'TLSv1.3', authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', verificationSkipped: false }, RowStatus.FAIL,
    /certificate not trusted \(SELF_SIGNED_CERT_IN_CHAIN; pass --ca <PEM file>\)/],
  [{ protocol: 'TLSv1.3', authorized: true, verificationSkipped: false, plaintextReply: 'NOAUTH Authentication required.' }, RowStatus.FAIL,
    /plaintext served \(PING answered "NOAUTH Authentication required\."\)/],
  [{ protocol: 'TLSv1.3', authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', verificationSkipped: true }, RowStatus.NOT_VERIFIED,
    /TLSv1\.3, certificate not verified \(--insecure-skip-verify\); plaintext not served/],
  [{ protocol: 'TLSv1.1', authorized: false, verificationSkipped: true }, RowStatus.FAIL, /TLSv1\.1, certificate not verified/],
])('TLS: %j', (observation, status, seen) => {
  const row = tlsRow(observation);
  expect(row.status).toBe(status);
  expect(row.seen).toMatch(seen);
});

test('TLS with --insecure-skip-verify: not verified, neither pass nor fail, and says why', () => {
  const row = tlsRow({ protocol: 'TLSv1.3', authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', verificationSkipped: true });
  expect(row).toEqual(expect.objectContaining({ status: RowStatus.NOT_VERIFIED, reason: 'the server certificate was not verified: --insecure-skip-verify' }));
});

test('fails, rather than skips, when redis-server is missing, and says how to install it', () => {
  expect(() => requireRedisServer('redis-server-that-is-not-installed'))
    .toThrow("redis-server and redis-tools are required for the real-Redis tests: run 'sudo apt-get install -y redis-server redis-tools'");
  expect(() => requireRedisServer()).not.toThrow();
});
