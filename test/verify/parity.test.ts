/** The eviction and engine rows from the INFO text services answer with: Valkey's, Redis OSS's, and a service that hides it. */
import { ProductPromise } from '../../lib/plan';
import { RowStatus } from '../../lib/verify/judge';
import { engineRow, evictionRow } from '../../lib/verify/parity';

const VALKEY_8 = '# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.2\r\nredis_mode:standalone\r\n';
const REDIS_6 = '# Server\r\nredis_version:6.2.14\r\nredis_mode:standalone\r\n';

describe('evictionRow', () => {
  test.each([
    ['the policy asked for', 'maxmemory_policy:noeviction\r\n', 'noeviction', RowStatus.PASS, 'maxmemory_policy noeviction'],
    ['a service default that drops keys', 'maxmemory_policy:volatile-lru\r\n', 'noeviction', RowStatus.FAIL, 'maxmemory_policy volatile-lru: full memory drops keys instead'],
    ['noeviction where eviction was asked for', 'maxmemory_policy:noeviction\r\n', 'allkeys-lru', RowStatus.FAIL, 'maxmemory_policy noeviction: full memory refuses writes instead'],
  ])('%s', (_, info, policy, status, seen) => {
    expect(evictionRow({ value: `# Memory\r\nmaxmemory:104857600\r\n${info}` }, policy)).toEqual({
      promise: ProductPromise.EVICTION_POLICY, expected: `maxmemory_policy ${policy}`, seen, status,
    });
  });

  test('a service that hides the field: not visible, not a failure', () => {
    expect(evictionRow({ value: '# Memory\r\nused_memory:1\r\n' }, 'noeviction')).toMatchObject({
      status: RowStatus.NOT_VISIBLE, seen: 'not visible: INFO memory shows no maxmemory_policy (field missing)',
    });
  });
});

describe('engineRow', () => {
  test('Valkey: the engine from server_name and valkey_version, the Redis OSS version it answers for from redis_version', () => {
    const row = engineRow({ value: VALKEY_8 }, { service: 'ElastiCache', engine: 'valkey', version: '8.0', detail: 'valkey 8.0: the Redis OSS 7.2 command set' });
    expect(row).toMatchObject({
      promise: ProductPromise.ENGINE_COMPATIBILITY,
      status: RowStatus.REPORTED,
      expected: 'an engine answering Redis OSS 7.2\'s commands; ElastiCache runs valkey 8.0 by default (valkey 8.0: the Redis OSS 7.2 command set)',
      seen: 'valkey 8.0.2 (redis_version 7.2.4): Redis OSS 7.2.4 compatible, 7.2 or later',
    });
  });

  test('Redis OSS 6.2: what it lacks of 7.2, reported rather than failed', () => {
    expect(engineRow({ value: REDIS_6 })).toMatchObject({
      status: RowStatus.REPORTED,
      seen: expect.stringMatching(/^redis 6\.2\.14: Redis OSS 6\.2\.14, older than 7\.2: lacks functions \(FUNCTION, FCALL, FCALL_RO\); .*; CLIENT NO-TOUCH; CLIENT SETINFO; WAITAOF$/),
    });
  });

  test('a service that refuses INFO server: not visible', () => {
    expect(engineRow({ error: 'NOPERM this user has no permissions to run the \'info\' command' })).toMatchObject({
      status: RowStatus.NOT_VISIBLE, seen: expect.stringMatching(/^not visible: INFO server shows no redis_version \(NOPERM/),
    });
  });
});
