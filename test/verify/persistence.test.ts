/** The recovery-point row against real redis-server processes on 127.0.0.1, with AOF on and off. */
import { RedisServers } from './redis-servers';
import { ProductPromise } from '../../lib/plan';
import { RowStatus } from '../../lib/verify/judge';
import { persistenceRow } from '../../lib/verify/persistence';

const servers = new RedisServers();
afterAll(() => servers.stop());

async function rowOf(args: readonly string[]) {
  const server = await servers.start({ tls: false, args });
  const admin = await server.admin();
  await admin.set('key', 'value');
  return persistenceRow({ value: String(await admin.call('info', 'persistence')) });
}

describe('persistence row', () => {
  test('AOF on: reports aof_enabled:1 and the snapshot status, the rest not visible, never a failure', async () => {
    const row = await rowOf(['--appendonly', 'yes', '--appendfsync', 'everysec']);
    expect(row.promise).toBe(ProductPromise.RECOVERY_POINT);
    expect(row.status).toBe(RowStatus.NOT_VISIBLE);
    expect(row.seen).toMatch(/^aof_enabled:1, rdb_last_bgsave_status:ok, rdb_changes_since_last_save:\d+ \(AOF on\); not visible: the AOF fsync policy/);
  });

  test('AOF off: reports aof_enabled:0 and the writes since the last snapshot, not a failure', async () => {
    const row = await rowOf(['--appendonly', 'no']);
    expect(row.status).toBe(RowStatus.NOT_VISIBLE);
    expect(row.seen).toMatch(/^aof_enabled:0, rdb_last_bgsave_status:ok, rdb_changes_since_last_save:[1-9]\d* \(AOF off\); not visible/);
  });

  test('a service that hides INFO persistence: not visible, not a failure', () => {
    const row = persistenceRow({ error: 'NOPERM this user has no permissions to run the \'info\' command' });
    expect(row).toMatchObject({ status: RowStatus.NOT_VISIBLE, seen: expect.stringMatching(/^not visible: INFO persistence shows none of aof_enabled/) });
  });

  test('fails only when the server reports a failed snapshot', () => {
    const row = persistenceRow({ value: 'aof_enabled:0\r\nrdb_last_bgsave_status:err\r\nrdb_changes_since_last_save:12\r\n' });
    expect(row).toMatchObject({ status: RowStatus.FAIL, seen: 'aof_enabled:0, rdb_last_bgsave_status:err, rdb_changes_since_last_save:12 (AOF off): the last RDB snapshot failed' });
  });
});
