/**
 * The verifier's I/O: TLS handshakes, ioredis connections, probes and INFO. Judgement is in judge.ts.
 */
import { randomUUID } from 'crypto';
import { isIP } from 'net';
import * as tls from 'tls';
import Redis, { RedisOptions } from 'ioredis';
import {
  AuthObservation, InfoObservation, ProbeObservation, ProbeResult, Row, RowStatus, TlsObservation, accepting, authenticationRow, connectionRow,
  luaRow, notCheckedRows, restrictedRow, tlsRow, topologyRow, trustedTls,
} from './judge';
import { PERCENT_ENCODING_HINT, VerifyOptions } from './options';
import { engineRow, evictionRow } from './parity';
import { persistenceRow } from './persistence';
import { LUA_PROBES, PLACEHOLDER, Probe, ProbeGuard, ProbeOutcome, RESTRICTED_PROBES, Reply, classify } from './probes';
import { RESTRICTED_COMMANDS } from '../plan/commands';
import { ProductPromise } from '../plan/conformance';

/** The server could not be reached, or refused the URI's credentials: exit code 2. */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** The whole verdict on one data store. */
export interface Report {
  /**
   * The prefix of the data store's outputs, with `--outputs`.
   *
   * @default - none: one data store from its URI
   */
  readonly name?: string;
  readonly endpoint: string;
  readonly plan: string;
  /**
   * The backend whose conformance data the rows were checked against.
   *
   * @default - none: the plan's full promises
   */
  readonly backend?: string;
  readonly luaScripting: boolean;
  /** Every promise holds (no row failed). */
  readonly ok: boolean;
  readonly rows: readonly Row[];
  /** What the user may want to change, such as the URI's scheme. */
  readonly hints: readonly string[];
}

const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT'];

function tlsOptions(options: VerifyOptions): tls.ConnectionOptions {
  const { host } = options.target;
  return {
    ca: options.ca,
    rejectUnauthorized: !options.insecureSkipVerify,
    servername: isIP(host) === 0 ? host : undefined,
    minVersion: 'TLSv1.2',
  };
}

/** One ioredis connection: RESP2 (no HELLO), no retries, no reconnection. */
async function connect(options: VerifyOptions, useTls: boolean, withCredentials: boolean): Promise<Redis> {
  const { target, timeoutMs } = options;
  const redisOptions: RedisOptions = {
    host: target.host,
    port: target.port,
    username: withCredentials ? target.username : undefined,
    password: withCredentials ? target.password : undefined,
    db: withCredentials ? target.db : 0,
    tls: useTls ? tlsOptions(options) : undefined,
    protocol: 2,
    lazyConnect: true,
    enableReadyCheck: false,
    autoResubscribe: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    // After disconnect(), destroy a socket the server has not closed within 200 ms, rather than keep it 2 s.
    disconnectTimeout: 200,
  };
  const client = new Redis(redisOptions);
  let lastError: Error | undefined;
  client.on('error', (error: Error) => { lastError = error; });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    // A refused AUTH surfaces as an 'error' event, and connect() only says the connection closed.
    throw lastError !== undefined && /^(WRONGPASS|NOAUTH|NOPERM|ERR)/.test(lastError.message) ? lastError : error;
  }
  return client;
}

async function reply(promise: Promise<unknown>): Promise<Reply> {
  try {
    const value = await promise;
    return { value: Array.isArray(value) ? JSON.stringify(value) : String(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function handshake(options: VerifyOptions): Promise<TlsObservation> {
  const { target, timeoutMs, insecureSkipVerify } = options;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ ...tlsOptions(options), host: target.host, port: target.port, rejectUnauthorized: false });
    const done = (observation: Omit<TlsObservation, 'plaintextReply' | 'verificationSkipped'>): void => {
      socket.destroy();
      resolve({ ...observation, verificationSkipped: insecureSkipVerify });
    };
    socket.setTimeout(timeoutMs, () => done({ authorized: false, handshakeError: `no TLS handshake within ${timeoutMs / 1000} s` }));
    socket.once('secureConnect', () => done({
      protocol: socket.getProtocol() ?? undefined,
      authorized: socket.authorized,
      authorizationError: socket.authorizationError === null ? undefined : String(socket.authorizationError),
    }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (UNREACHABLE.includes(error.code ?? '')) {
        reject(new ConnectionError(`cannot reach ${target.host}:${target.port}: ${error.message}`));
      } else {
        resolve({ authorized: false, handshakeError: error.message, verificationSkipped: insecureSkipVerify });
      }
    });
  });
}

/** A plaintext PING without credentials: any Redis reply, even an error, means plaintext is served. */
async function plaintextReply(options: VerifyOptions): Promise<string | undefined> {
  let client: Redis | undefined;
  try {
    client = await connect(options, false, false);
    const answer = await reply(client.call('ping'));
    const text = answer.value ?? answer.error ?? '';
    return /^(PONG|NOAUTH|NOPERM|WRONGPASS|ERR|-)/.test(text) ? text : undefined;
  } catch {
    return undefined;
  } finally {
    client?.disconnect();
  }
}

async function observeAuth(options: VerifyOptions, client: Redis, useTls: boolean): Promise<AuthObservation> {
  const anonymous = await connect(options, useTls, false).catch((error: Error) => error);
  const anonymousPing = anonymous instanceof Error ? { error: anonymous.message } : await reply(anonymous.call('ping'));
  if (!(anonymous instanceof Error)) anonymous.disconnect();
  // The one key the verifier writes: unique, expiring in 30 s even if DEL never arrives.
  const key = `choreo-redis-verify:${randomUUID()}`;
  const steps: [string, Promise<unknown>, string][] = [
    ['SET', client.call('set', key, '1', 'PX', '30000', 'NX'), 'OK'],
    ['GET', client.call('get', key), '1'],
    ['DEL', client.call('del', key), '1'],
  ];
  const problems: string[] = [];
  for (const [name, promise, want] of steps) {
    const answer = await reply(promise);
    if (answer.value !== want) problems.push(`${name}: ${answer.error ?? answer.value}`);
  }
  return { anonymousPing, dataError: problems.length > 0 ? problems.join(', ') : undefined };
}

async function probeWithDryrun(client: Redis, user: string, probes: readonly Probe[]): Promise<ProbeResult[]> {
  const replies = await Promise.all(probes.map((probe) => reply(client.call('acl', 'dryrun', user, ...probe.argv))));
  return probes.map((probe, i) => ({ probe, outcome: classify(replies[i], 'dryrun'), reply: replies[i].error ?? replies[i].value ?? '' }));
}

/** Queues every probe in one MULTI and discards it; nothing queued is ever run. */
async function probeInTransaction(client: Redis, probes: readonly Probe[]): Promise<ProbeObservation> {
  const multi = await reply(client.call('multi'));
  if (multi.value !== 'OK') {
    return { via: 'MULTI/DISCARD', results: [], notSent: probes.map((probe) => ({ probe, reason: `MULTI refused: ${multi.error ?? multi.value}` })) };
  }
  const queued = probes.map((probe) => reply(client.call(probe.argv[0], ...probe.argv.slice(1))));
  const discard = reply(client.call('discard'));
  const replies = await Promise.all(queued);
  await discard;
  return {
    via: 'MULTI/DISCARD',
    results: probes.map((probe, i) => ({ probe, outcome: classify(replies[i], ProbeGuard.TRANSACTION), reply: replies[i].error ?? replies[i].value ?? '' })),
    notSent: [],
  };
}

const CANARY = ['echo', PLACEHOLDER];

/**
 * Sends probes on a fresh RESP2 connection right behind SUBSCRIBE, where Redis checks permissions and then
 * refuses any command but Pub/Sub. A first connection proves that the server refuses an ECHO there; only
 * then are the probes sent, again behind SUBSCRIBE and the same ECHO.
 */
async function probeSubscribed(options: VerifyOptions, useTls: boolean, probes: readonly Probe[]): Promise<ProbeObservation> {
  const channel = `choreo-redis-verify:${randomUUID()}`;
  const inPubSubContext = async (argvs: readonly (readonly string[])[]): Promise<Reply[]> => {
    const client = await connect(options, useTls, true);
    try {
      const subscribed = reply(client.call('subscribe', channel));
      const replies = await Promise.all(argvs.map((argv) => reply(client.call(argv[0], ...argv.slice(1)))));
      await subscribed;
      return replies;
    } finally {
      client.disconnect();
    }
  };
  const refusesInContext = (answer: Reply): boolean => classify(answer, ProbeGuard.SUBSCRIBED) === ProbeOutcome.ALLOWED;
  const [canary] = await inPubSubContext([CANARY]);
  if (!refusesInContext(canary)) {
    const reason = `the server ran ECHO in Pub/Sub context (${canary.error ?? canary.value}), so this probe could not be sent without running it`;
    return { via: 'Pub/Sub context', results: [], notSent: probes.map((probe) => ({ probe, reason })) };
  }
  const [again, ...replies] = await inPubSubContext([CANARY, ...probes.map((probe) => probe.argv)]);
  return {
    via: 'Pub/Sub context',
    results: probes.map((probe, i) => ({
      probe,
      outcome: refusesInContext(again) ? classify(replies[i], ProbeGuard.SUBSCRIBED) : ProbeOutcome.UNCLEAR,
      reply: replies[i].error ?? replies[i].value ?? '',
    })),
    notSent: [],
  };
}

/** Runs every probe: through ACL DRYRUN when the user may use it, otherwise through the guards. */
export async function runProbes(options: VerifyOptions, client: Redis, useTls: boolean, probes: readonly Probe[]): Promise<ProbeObservation> {
  const dryrun = await reply(client.call('acl', 'dryrun', options.target.username, 'ping'));
  if (dryrun.value === 'OK') {
    return { via: 'ACL DRYRUN', results: await probeWithDryrun(client, options.target.username, probes), notSent: [] };
  }
  const inTransaction = await probeInTransaction(client, probes.filter((p) => p.guard === ProbeGuard.TRANSACTION));
  const subscribedProbes = probes.filter((p) => p.guard === ProbeGuard.SUBSCRIBED);
  const subscribed = subscribedProbes.length > 0 ? await probeSubscribed(options, useTls, subscribedProbes)
    : { via: '', results: [], notSent: [] };
  const inOrder = <T extends { probe: Probe }>(items: T[]): T[] => items.sort((a, b) => probes.indexOf(a.probe) - probes.indexOf(b.probe));
  return {
    via: subscribedProbes.length > 0 ? 'MULTI/DISCARD; SAVE and SHUTDOWN in Pub/Sub context' : 'MULTI/DISCARD',
    results: inOrder([...inTransaction.results, ...subscribed.results]),
    notSent: inOrder([...inTransaction.notSent, ...subscribed.notSent]),
  };
}

function split(seen: ProbeObservation, restricted: boolean): ProbeObservation {
  const mine = (probe: Probe): boolean => RESTRICTED_COMMANDS.includes(probe.command) === restricted;
  const results = seen.results.filter((r) => mine(r.probe));
  const notSent = seen.notSent.filter((n) => mine(n.probe));
  const subscribed = [...results, ...notSent].some((r) => r.probe.guard === ProbeGuard.SUBSCRIBED);
  return { via: seen.via === 'ACL DRYRUN' || subscribed ? seen.via : 'MULTI/DISCARD', results, notSent };
}

/** What to add to a connection error: how to write the URI, where that is the likely cause. */
function connectionHint(options: VerifyOptions, message: string): string {
  if (/^(NOAUTH|WRONGPASS)\b/.test(message) && options.target.password === undefined) {
    return '; the URI carries no password: where clients authenticate with their identity (Memorystore for Valkey, whose uri output '
      + 'carries no credential), put an access token of an identity allowed to connect in it as the password, such as '
      + 'CHOREO_REDIS_URI="rediss://default:$(gcloud auth print-access-token)@<host>:6379"';
  }
  if (/^WRONGPASS\b/.test(message)) return `; if the password has special characters, ${PERCENT_ENCODING_HINT}`;
  if (!options.target.tls && /Connection is closed|ECONNRESET/.test(message)) return '; if the port serves TLS, write the URI as rediss://';
  return '';
}

/** Checks every promise on the data store the options name. */
export async function verify(options: VerifyOptions): Promise<Report> {
  const { target, expectations } = options;
  const endpoint = `${target.host}:${target.port}`;
  // A port that answers plaintext is not TLS-only; a TLS handshake there would only wait for the timeout.
  const plaintext = await plaintextReply(options);
  const tlsObservation: TlsObservation = plaintext === undefined ? await handshake(options)
    : { authorized: false, handshakeError: 'not attempted: the port serves plaintext', verificationSkipped: options.insecureSkipVerify, plaintextReply: plaintext };
  const rows: Row[] = [accepting(tlsRow(tlsObservation), expectations.gaps[ProductPromise.TLS])];
  const useTls = trustedTls(tlsObservation);
  // A redis:// URI for a port that speaks TLS: the verifier uses TLS, and never sends the credentials in plaintext.
  const speaksTls = tlsObservation.protocol !== undefined;
  const hints = !target.tls && speaksTls ? [`the port speaks TLS, but the URI is redis://: write it as rediss://${endpoint}`] : [];
  if (!useTls && (target.tls || speaksTls)) {
    rows.push(...notCheckedRows(target.tls
      ? 'the URI is rediss:// and no trusted TLS connection was made, so the credentials were not sent'
      : 'the port speaks TLS and no trusted TLS connection was made, so the credentials were not sent'));
  } else {
    let client: Redis;
    try {
      client = await connect(options, useTls, true);
      await client.call('ping');
    } catch (error) {
      const message = (error as Error).message;
      throw new ConnectionError(`cannot connect to ${endpoint} as "${target.username}": ${message}${connectionHint(options, message)}`);
    }
    try {
      const { gaps } = expectations;
      rows.push(accepting(authenticationRow(await observeAuth(options, client, useTls)), gaps[ProductPromise.AUTHENTICATION]));
      const probes = await runProbes(options, client, useTls, [...RESTRICTED_PROBES, ...LUA_PROBES]);
      rows.push(
        accepting(restrictedRow(split(probes, true), expectations.refusedCommands), gaps[ProductPromise.RESTRICTED_COMMANDS]),
        accepting(luaRow(expectations.luaAllowed, split(probes, false)), gaps[ProductPromise.LUA_SCRIPTING]),
      );
      const info: InfoObservation = {
        clients: await reply(client.call('info', 'clients')),
        memory: await reply(client.call('info', 'memory')),
        replication: await reply(client.call('info', 'replication')),
      };
      rows.push(
        accepting(connectionRow(info, expectations.connections), gaps[ProductPromise.CONNECTION_LIMIT]),
        accepting(topologyRow(expectations.nodeCount, info), gaps[ProductPromise.NODES]),
        accepting(persistenceRow(await reply(client.call('info', 'persistence'))), gaps[ProductPromise.RECOVERY_POINT]),
        accepting(evictionRow(info.memory, expectations.evictionPolicy), gaps[ProductPromise.EVICTION_POLICY]),
        engineRow(await reply(client.call('info', 'server')), expectations.engine),
      );
    } finally {
      client.disconnect();
    }
  }
  return {
    name: options.name,
    endpoint,
    plan: expectations.plan,
    backend: expectations.backend,
    luaScripting: expectations.luaScripting,
    ok: rows.every((r) => r.status !== RowStatus.FAIL),
    rows,
    hints,
  };
}
