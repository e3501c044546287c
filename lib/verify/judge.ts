/**
 * Pure judgement: from what the verifier saw on the server to one row per promise.
 */
import { AcceptedGap, ConnectionExpectation } from './expectations';
import { Probe, ProbeOutcome, Reply } from './probes';
import { LUA_COMMANDS, RESTRICTED_COMMANDS } from '../plan/commands';
import { ProductPromise } from '../plan/conformance';
import { maxConnectionsFor } from '../plan/service-plan';

/** The verdict on one promise. */
export enum RowStatus {
  PASS = 'pass',
  FAIL = 'fail',
  /** The backend's conformance data reports a gap here, and the server keeps what the backend does promise; not a failure. */
  ACCEPTED = 'accepted',
  /** Checked only in part because the user switched a check off (`--insecure-skip-verify`); not a failure. */
  NOT_VERIFIED = 'not verified',
  /** The service does not show what the promise needs; not a failure. */
  NOT_VISIBLE = 'not visible',
  /** Not checked because an earlier promise failed (no trusted TLS connection). */
  NOT_CHECKED = 'not checked',
  /** What the server runs, reported for the record rather than judged (the engine and version); not a failure. */
  REPORTED = 'reported',
}

/** One row of the report. */
export interface Row {
  readonly promise: ProductPromise;
  readonly expected: string;
  readonly seen: string;
  readonly status: RowStatus;
  /**
   * Why a row that holds is not a plain pass: the conformance data's account of an accepted gap, or the check
   * that was switched off.
   *
   * @default - none: the row passed or failed on what was seen
   */
  readonly reason?: string;
}

/** A row that holds becomes `accepted` where the backend's conformance data reports a gap in its promise. */
export function accepting(row: Row, gap: AcceptedGap | undefined): Row {
  return gap === undefined || row.status !== RowStatus.PASS ? row : { ...row, status: RowStatus.ACCEPTED, reason: `${gap.realization}: ${gap.reason}` };
}

/** The result of the TLS handshake on the URI's port. */
export interface TlsObservation {
  /** Negotiated protocol, such as `TLSv1.3`; undefined when the handshake failed. */
  readonly protocol?: string;
  readonly handshakeError?: string;
  /** Whether the certificate chain and host name verified. */
  readonly authorized: boolean;
  readonly authorizationError?: string;
  /** Whether verification was switched off with --insecure-skip-verify. */
  readonly verificationSkipped: boolean;
  /** A plaintext client got a Redis reply on the same port. */
  readonly plaintextReply?: string;
}

export function tlsRow(tls: TlsObservation): Row {
  const expected = 'TLS 1.2 or later with a verified certificate; no plaintext on the port';
  const plaintext = tls.plaintextReply === undefined ? 'plaintext not served' : `plaintext served (PING answered "${tls.plaintextReply}")`;
  if (tls.protocol === undefined) {
    return { promise: ProductPromise.TLS, expected, seen: `no TLS handshake (${tls.handshakeError}); ${plaintext}`, status: RowStatus.FAIL };
  }
  const versionOk = /^TLSv1\.[23]$/.test(tls.protocol);
  const certificate = tls.authorized ? 'certificate verified'
    : tls.verificationSkipped ? 'certificate not verified (--insecure-skip-verify)' : `certificate not trusted (${tls.authorizationError}; pass --ca <PEM file>)`;
  const seen = `${tls.protocol}, ${certificate}; ${plaintext}`;
  if (!versionOk || tls.plaintextReply !== undefined || !(tls.authorized || tls.verificationSkipped)) {
    return { promise: ProductPromise.TLS, expected, seen, status: RowStatus.FAIL };
  }
  return tls.authorized
    ? { promise: ProductPromise.TLS, expected, seen, status: RowStatus.PASS }
    : {
      promise: ProductPromise.TLS,
      expected,
      seen,
      status: RowStatus.NOT_VERIFIED,
      reason: 'the server certificate was not verified: --insecure-skip-verify',
    };
}

/** Whether the TLS row lets the verifier send credentials: a handshake with a trusted (or knowingly unverified) certificate. */
export function trustedTls(tls: TlsObservation): boolean {
  return tls.protocol !== undefined && (tls.authorized || tls.verificationSkipped);
}

/** What an unauthenticated PING and the URI's credentials did. */
export interface AuthObservation {
  readonly anonymousPing: Reply;
  /** Errors from SET, GET or DEL on the verifier's one key; undefined when all worked. */
  readonly dataError?: string;
}

export function authenticationRow(auth: AuthObservation): Row {
  const expected = 'a client without credentials cannot run commands; the URI\'s credentials can read and write';
  const anonymous = auth.anonymousPing.error ?? `"${auth.anonymousPing.value}"`;
  const refused = auth.anonymousPing.error !== undefined && /^(NOAUTH|NOPERM|WRONGPASS)\b/.test(auth.anonymousPing.error);
  const data = auth.dataError === undefined ? 'SET/GET/DEL with the URI\'s credentials worked' : `SET/GET/DEL failed: ${auth.dataError}`;
  return {
    promise: ProductPromise.AUTHENTICATION,
    expected,
    seen: `PING without credentials: ${anonymous}; ${data}`,
    status: refused && auth.dataError === undefined ? RowStatus.PASS : RowStatus.FAIL,
  };
}

/** One probe and what it showed. */
export interface ProbeResult {
  readonly probe: Probe;
  readonly outcome: ProbeOutcome;
  readonly reply: string;
}

/** The probes' results, or why they could not be sent. */
export interface ProbeObservation {
  /** `ACL DRYRUN` or the guards. */
  readonly via: string;
  readonly results: readonly ProbeResult[];
  /** Probes that could not be sent safely, with the reason. */
  readonly notSent: readonly { readonly probe: Probe; readonly reason: string }[];
}

function describe(results: readonly ProbeResult[]): string {
  return results.map((r) => `${r.probe.name} (${r.reply})`).join('; ');
}

function refusalKinds(results: readonly ProbeResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const kind = /NOPERM|no permissions/i.test(r.reply) ? 'no permission' : /unknown|not found/i.test(r.reply) ? 'unknown command' : 'disabled';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/**
 * The row for a list of commands that must all be refused (or all allowed), except `tolerated` ones, whose probes
 * may answer either way: the commands a backend's conformance data leaves allowed.
 */
function commandsRow(promise: ProductPromise, commands: readonly string[], wantRefused: boolean, seen: ProbeObservation,
  tolerated: readonly string[] = []): Row {
  const want = wantRefused ? ProbeOutcome.REFUSED : ProbeOutcome.ALLOWED;
  const checked = (probe: Probe): boolean => !tolerated.includes(probe.command);
  const results = seen.results.filter((r) => checked(r.probe));
  const notSent = seen.notSent.filter((n) => checked(n.probe));
  const wrong = results.filter((r) => r.outcome !== want);
  const leftAllowed = seen.results.filter((r) => !checked(r.probe) && r.outcome !== ProbeOutcome.REFUSED);
  const expected = `${wantRefused ? 'refused' : 'allowed'}: ${commands.filter((c) => !tolerated.includes(c)).join(', ')} and their subcommands`
    + (tolerated.length > 0 ? `; may be allowed, as the backend's conformance data says: ${tolerated.join(', ')}` : '');
  const problems = [
    wrong.length > 0 ? `${wantRefused ? 'not refused' : 'not allowed'}: ${describe(wrong)}` : undefined,
    notSent.length > 0 ? `not probed: ${notSent.map((n) => `${n.probe.name} (${n.reason})`).join('; ')}` : undefined,
  ].filter((p) => p !== undefined);
  const count = tolerated.length === 0 ? `all ${results.length} probes` : `all ${results.length} probes of those ${commands.length - tolerated.length} commands`;
  const summary = problems.length > 0 ? problems.join('; ') : `${count} ${wantRefused ? `refused (${refusalKinds(results)})` : 'allowed'}`;
  const accepted = leftAllowed.length > 0 ? `; allowed, as accepted: ${describe(leftAllowed)}` : '';
  return { promise, expected, seen: `${summary}${accepted} [via ${seen.via}]`, status: problems.length === 0 ? RowStatus.PASS : RowStatus.FAIL };
}

/** The restricted commands: `refused` must be, every probe of each; the others may be allowed (a backend's accepted gap). */
export function restrictedRow(seen: ProbeObservation, refused: readonly string[] = RESTRICTED_COMMANDS): Row {
  return commandsRow(ProductPromise.RESTRICTED_COMMANDS, RESTRICTED_COMMANDS, true, seen, RESTRICTED_COMMANDS.filter((c) => !refused.includes(c)));
}

/** The Lua commands, all allowed or all refused. */
export function luaRow(luaAllowed: boolean, seen: ProbeObservation): Row {
  return commandsRow(ProductPromise.LUA_SCRIPTING, LUA_COMMANDS, !luaAllowed, seen);
}

/** `field:value` lines of an INFO section. */
export function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/** INFO sections as text, or the error that refused them. */
export interface InfoObservation {
  readonly clients: Reply;
  readonly memory: Reply;
  readonly replication: Reply;
}

/**
 * The connection limit: `maxclients` against the plan's formula on the server's `maxmemory`, against a stated
 * number (the limit the construct promised, or the service's own where the conformance data accepts it), or, where
 * the service states no limit, only read.
 */
export function connectionRow(info: InfoObservation, expectation: ConnectionExpectation = { kind: 'formula' }): Row {
  const promise = ProductPromise.CONNECTION_LIMIT;
  const floor = maxConnectionsFor(0);
  const expected = expectation.kind === 'at-least' ? `maxclients >= ${expectation.count} (${expectation.source})`
    : expectation.kind === 'unstated' ? 'the service\'s own connection limit, which it does not state'
      : `maxclients >= max(${floor}, 4 x memory in MB)`;
  const maxclients = Number(parseInfo(info.clients.value ?? '').get('maxclients'));
  if (!Number.isFinite(maxclients)) {
    return { promise, expected, seen: `not visible: INFO clients shows no maxclients (${info.clients.error ?? 'field missing'})`, status: RowStatus.NOT_VISIBLE };
  }
  if (expectation.kind === 'at-least') {
    return { promise, expected, seen: `maxclients ${maxclients}`, status: maxclients >= expectation.count ? RowStatus.PASS : RowStatus.FAIL };
  }
  if (expectation.kind === 'unstated') return { promise, expected, seen: `maxclients ${maxclients}`, status: RowStatus.PASS };
  const maxmemory = Number(parseInfo(info.memory.value ?? '').get('maxmemory'));
  if (!(maxmemory > 0)) {
    const why = info.memory.error ?? 'maxmemory is 0 (no limit set)';
    return maxclients >= floor
      ? {
        promise,
        expected,
        seen: `maxclients ${maxclients}; memory cannot be read (${why}), so only the floor of ${floor} was checked`,
        status: RowStatus.NOT_VISIBLE,
      }
      : { promise, expected: `maxclients >= ${floor}`, seen: `maxclients ${maxclients}, below the floor of ${floor}`, status: RowStatus.FAIL };
  }
  const memoryMb = maxmemory / (1024 * 1024);
  const wanted = maxConnectionsFor(memoryMb);
  return {
    promise,
    expected: `maxclients >= max(${floor}, 4 x ${Math.floor(memoryMb)} MB) = ${wanted}`,
    seen: `maxclients ${maxclients} (maxmemory ${Math.floor(memoryMb)} MB)`,
    status: maxclients >= wanted ? RowStatus.PASS : RowStatus.FAIL,
  };
}

/** The nodes: the URI reaches a primary with `nodeCount - 1` online standbys. */
export function topologyRow(nodeCount: number, info: InfoObservation): Row {
  const standbys = nodeCount - 1;
  const expected = `a primary with ${standbys} online standby(s) (${nodeCount} node(s))`;
  const fields = parseInfo(info.replication.value ?? '');
  const role = fields.get('role');
  if (role === undefined) {
    return {
      promise: ProductPromise.NODES,
      expected,
      seen: `not visible: INFO replication shows no role (${info.replication.error ?? 'the service hides it'})`,
      status: RowStatus.NOT_VISIBLE,
    };
  }
  if (role !== 'master') {
    return { promise: ProductPromise.NODES, expected, seen: `the URI reaches a ${role}, not the primary`, status: RowStatus.FAIL };
  }
  const online = [...fields].filter(([key, value]) => /^slave\d+$/.test(key) && /(^|,)state=online(,|$)/.test(value)).length;
  const connected = Number(fields.get('connected_slaves') ?? 0);
  return {
    promise: ProductPromise.NODES,
    expected,
    seen: `primary with ${online} online standby(s)${connected !== online ? ` (${connected} connected)` : ''}`,
    status: online >= standbys ? RowStatus.PASS : RowStatus.FAIL,
  };
}

/** Rows for promises that could not be checked without a trusted connection. */
export function notCheckedRows(reason: string): Row[] {
  return [ProductPromise.AUTHENTICATION, ProductPromise.RESTRICTED_COMMANDS, ProductPromise.LUA_SCRIPTING,
    ProductPromise.CONNECTION_LIMIT, ProductPromise.NODES, ProductPromise.RECOVERY_POINT, ProductPromise.EVICTION_POLICY,
    ProductPromise.ENGINE_COMPATIBILITY]
    .map((promise) => ({ promise, expected: '-', seen: `not checked: ${reason}`, status: RowStatus.NOT_CHECKED }));
}
