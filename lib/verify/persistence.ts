/**
 * The recovery-point row: what `INFO persistence` shows of how the server keeps recent writes. Managed services hide
 * the settings that decide the window (the AOF fsync policy and the snapshot schedule, readable only through the
 * restricted CONFIG), so the row reports what it sees, marks the rest "not visible", and never fails for that alone:
 * it fails only when the server reports that its last snapshot or AOF write failed.
 */
import { Row, RowStatus, parseInfo } from './judge';
import { Reply } from './probes';
import { ProductPromise } from '../plan';

/** The `INFO persistence` fields the row reports, in this order. */
export const PERSISTENCE_FIELDS: readonly string[] = ['aof_enabled', 'rdb_last_bgsave_status', 'rdb_changes_since_last_save'];

const NOT_VISIBLE = 'not visible: the AOF fsync policy and the snapshot schedule (CONFIG is restricted), and the standbys\' replication lag';

/** The recovery point as `INFO persistence` shows it. */
export function persistenceRow(persistence: Reply): Row {
  const promise = ProductPromise.RECOVERY_POINT;
  const expected = 'at most about 5 minutes of writes lost: AOF every second, frequent snapshots or standbys';
  const fields = parseInfo(persistence.value ?? '');
  const shown = PERSISTENCE_FIELDS.filter((name) => fields.has(name)).map((name) => `${name}:${fields.get(name)}`);
  if (shown.length === 0) {
    return { promise, expected, seen: `not visible: INFO persistence shows none of ${PERSISTENCE_FIELDS.join(', ')} (${persistence.error ?? 'fields missing'})`, status: RowStatus.NOT_VISIBLE };
  }
  const aofWriteFailed = fields.get('aof_enabled') === '1' && fields.get('aof_last_write_status') === 'err';
  const failures = [
    fields.get('rdb_last_bgsave_status') === 'err' ? 'the last RDB snapshot failed' : undefined,
    aofWriteFailed ? 'the last AOF write failed' : undefined,
  ].filter((f) => f !== undefined);
  const aof = fields.get('aof_enabled') === '1' ? 'AOF on' : fields.has('aof_enabled') ? 'AOF off' : 'AOF not shown';
  if (failures.length > 0) {
    return { promise, expected, seen: `${shown.join(', ')} (${aof}): ${failures.join('; ')}`, status: RowStatus.FAIL };
  }
  return { promise, expected, seen: `${shown.join(', ')} (${aof}); ${NOT_VISIBLE}`, status: RowStatus.NOT_VISIBLE };
}
