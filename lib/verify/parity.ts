/**
 * The rows for the promises that make an application behave the same on every backend, as a client sees them: the
 * eviction policy from `INFO memory` (`maxmemory_policy`), and the engine and version from `INFO server`.
 */
import { EngineExpectation } from './expectations';
import { Row, RowStatus, parseInfo } from './judge';
import { Reply } from './probes';
import { ProductPromise } from '../plan/conformance';
import { REDIS_OSS_BASELINE, redisLacks } from '../plan/parity';

/** The eviction policy: `maxmemory_policy` in `INFO memory` must be the one the data store was made with. */
export function evictionRow(memory: Reply, policy: string): Row {
  const promise = ProductPromise.EVICTION_POLICY;
  const expected = `maxmemory_policy ${policy}`;
  const seen = parseInfo(memory.value ?? '').get('maxmemory_policy');
  if (seen === undefined) {
    return { promise, expected, seen: `not visible: INFO memory shows no maxmemory_policy (${memory.error ?? 'field missing'})`, status: RowStatus.NOT_VISIBLE };
  }
  return seen === policy
    ? { promise, expected, seen: `maxmemory_policy ${seen}`, status: RowStatus.PASS }
    : { promise, expected, seen: `maxmemory_policy ${seen}: ${seen === 'noeviction' ? 'full memory refuses writes' : 'full memory drops keys'} instead`, status: RowStatus.FAIL };
}

/** What `INFO server` says the engine is: Valkey names itself in `server_name` and `valkey_version`. */
export interface EngineSeen {
  readonly engine: string;
  readonly version: string;
  /** The Redis OSS version the engine reports for compatibility (`redis_version`). */
  readonly redisVersion: string;
}

export function engineOf(server: Reply): EngineSeen | undefined {
  const fields = parseInfo(server.value ?? '');
  const redisVersion = fields.get('redis_version');
  if (redisVersion === undefined) return undefined;
  const valkey = fields.get('valkey_version');
  const name = fields.get('server_name') ?? (valkey === undefined ? 'redis' : 'valkey');
  return { engine: name, version: valkey ?? redisVersion, redisVersion };
}

/**
 * The engine and version, reported rather than judged: what a server answers beyond its version cannot be read
 * without COMMAND, which the product restricts. The row compares the reported Redis OSS version with 7.2 in words,
 * and names what the backend's conformance data says it runs.
 */
export function engineRow(server: Reply, backend?: EngineExpectation): Row {
  const promise = ProductPromise.ENGINE_COMPATIBILITY;
  const expected = `an engine answering Redis OSS ${REDIS_OSS_BASELINE}'s commands`
    + (backend === undefined ? '' : `; ${backend.service} runs ${backend.engine} ${backend.version} by default (${backend.detail})`);
  const seen = engineOf(server);
  if (seen === undefined) {
    return { promise, expected, seen: `not visible: INFO server shows no redis_version (${server.error ?? 'field missing'})`, status: RowStatus.NOT_VISIBLE };
  }
  const majorMinor = seen.redisVersion.split('.').slice(0, 2).join('.');
  const lacks = redisLacks(majorMinor);
  const compared = lacks.length === 0
    ? `Redis OSS ${seen.redisVersion} compatible, ${REDIS_OSS_BASELINE} or later`
    : `Redis OSS ${seen.redisVersion}, older than ${REDIS_OSS_BASELINE}: lacks ${lacks.join('; ')}`;
  const name = seen.engine === 'redis' ? `redis ${seen.version}` : `${seen.engine} ${seen.version} (redis_version ${seen.redisVersion})`;
  return { promise, expected, seen: `${name}: ${compared}`, status: RowStatus.REPORTED, reason: 'reported for the record: the engine and version decide which commands beyond Redis OSS 7.2 answer' };
}
