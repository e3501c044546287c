/**
 * How the verifier asks a data store whether a command is refused, without ever running it.
 *
 * Each restricted or Lua command is probed once per subcommand. A probe is only ever sent in one of
 * three ways, none of which executes the command:
 * - `ACL DRYRUN <user> <probe>`, when the user may run ACL DRYRUN: Redis answers from the ACL alone;
 * - queued inside `MULTI` and thrown away with `DISCARD`: Redis checks permissions when it queues a
 *   command and never runs what was discarded;
 * - for SAVE and SHUTDOWN, which Redis will not queue in a transaction: on a RESP2 connection that has
 *   subscribed to a channel, where Redis checks permissions and then refuses every non-Pub/Sub command.
 * Where a command takes arguments, the probe's arguments are also ones the command would reject, as a
 * second guard.
 */
import { LUA_COMMANDS, RESTRICTED_COMMANDS } from '../plan/commands';

/** A placeholder argument that names no existing key, user, node, function, library or option. */
export const PLACEHOLDER = 'choreo-redis-verify-probe';
const NO_SUCH_SHA = '0000000000000000000000000000000000000000';

/** How a probe reaches the server. */
export enum ProbeGuard {
  /** Queued in MULTI, then DISCARD. */
  TRANSACTION = 'transaction',
  /** Sent on a RESP2 connection in Pub/Sub context. */
  SUBSCRIBED = 'subscribed',
}

/** One command line to probe, with the guard that keeps it from running. */
export interface Probe {
  /** The command as listed in lib/plan (`config`, `eval`, ...). */
  readonly command: string;
  /** The name Redis uses for ACL purposes: `config|set`, or the command itself. */
  readonly name: string;
  /** The full command line. */
  readonly argv: readonly string[];
  readonly guard: ProbeGuard;
}

/**
 * Subcommands of container commands (Redis 7.0), with arguments that satisfy the subcommand's arity and,
 * where the subcommand takes any, that it rejects. A server that does not know a subcommand answers
 * "unknown subcommand", which counts as refused.
 */
const SUBCOMMANDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  acl: [
    ['cat'], ['deluser', PLACEHOLDER], ['dryrun', PLACEHOLDER, PLACEHOLDER], ['genpass', '-1'], ['getuser', PLACEHOLDER],
    ['help'], ['list'], ['load'], ['log', PLACEHOLDER], ['save'], ['setuser', PLACEHOLDER, PLACEHOLDER], ['users'], ['whoami'],
  ],
  cluster: [
    ['addslots', '-1'], ['addslotsrange', '-1', '-1'], ['bumpepoch'], ['count-failure-reports', PLACEHOLDER],
    ['countkeysinslot', '-1'], ['delslots', '-1'], ['delslotsrange', '-1', '-1'], ['failover', PLACEHOLDER], ['flushslots'],
    ['forget', PLACEHOLDER], ['getkeysinslot', '-1', '-1'], ['help'], ['info'], ['keyslot', PLACEHOLDER], ['links'],
    ['meet', PLACEHOLDER, '-1'], ['myid'], ['nodes'], ['replicas', PLACEHOLDER], ['replicate', PLACEHOLDER],
    ['reset', PLACEHOLDER], ['saveconfig'], ['set-config-epoch', '-1'], ['setslot', '-1', PLACEHOLDER], ['shards'],
    ['slaves', PLACEHOLDER], ['slots'],
  ],
  command: [
    [], ['count'], ['docs', PLACEHOLDER], ['getkeys', PLACEHOLDER, PLACEHOLDER], ['getkeysandflags', PLACEHOLDER, PLACEHOLDER],
    ['help'], ['info', PLACEHOLDER], ['list', 'filterby', PLACEHOLDER, PLACEHOLDER],
  ],
  config: [['get', PLACEHOLDER], ['help'], ['resetstat'], ['rewrite'], ['set', PLACEHOLDER, PLACEHOLDER]],
  function: [
    ['delete', PLACEHOLDER], ['dump'], ['flush', PLACEHOLDER], ['help'], ['kill'], ['list', 'libraryname', PLACEHOLDER],
    ['load', PLACEHOLDER], ['restore', PLACEHOLDER], ['stats'],
  ],
  script: [['debug', PLACEHOLDER], ['exists', NO_SUCH_SHA], ['flush', PLACEHOLDER], ['help'], ['kill'], ['load', `${PLACEHOLDER}(`]],
};

/** Commands without subcommands, with their probe arguments. */
const ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  bgrewriteaof: [],
  bgsave: [PLACEHOLDER],
  debug: [PLACEHOLDER],
  failover: [PLACEHOLDER],
  lastsave: [],
  migrate: [PLACEHOLDER, '-1', PLACEHOLDER, '-1', '-1'],
  monitor: [],
  replicaof: [PLACEHOLDER, '-1'],
  role: [],
  save: [],
  shutdown: [PLACEHOLDER],
  slaveof: [PLACEHOLDER, '-1'],
  eval: ['return 1', '-1'],
  eval_ro: ['return 1', '-1'],
  evalsha: [NO_SUCH_SHA, '-1'],
  evalsha_ro: [NO_SUCH_SHA, '-1'],
  fcall: [PLACEHOLDER, '-1'],
  fcall_ro: [PLACEHOLDER, '-1'],
};

/** Commands Redis refuses to queue in a transaction. */
const NOT_IN_TRANSACTIONS = ['save', 'shutdown'];

/** The probes for one command of the restricted or Lua list. */
export function probesFor(command: string): Probe[] {
  const guard = NOT_IN_TRANSACTIONS.includes(command) ? ProbeGuard.SUBSCRIBED : ProbeGuard.TRANSACTION;
  const subcommands = SUBCOMMANDS[command];
  if (subcommands !== undefined) {
    return subcommands.map((args) => ({
      command, name: args.length > 0 ? `${command}|${args[0]}` : command, argv: [command, ...args], guard,
    }));
  }
  const args = ARGUMENTS[command];
  if (args === undefined) throw new Error(`no probe is defined for the command "${command}"`);
  return [{ command, name: command, argv: [command, ...args], guard }];
}

/** Every probe for the 16 restricted commands. */
export const RESTRICTED_PROBES: readonly Probe[] = RESTRICTED_COMMANDS.flatMap(probesFor);
/** Every probe for the Lua commands. */
export const LUA_PROBES: readonly Probe[] = LUA_COMMANDS.flatMap(probesFor);

/** What one probe showed. */
export enum ProbeOutcome {
  /** The server refused it: a permission error, an unknown command or subcommand, or a command disabled by configuration. */
  REFUSED = 'refused',
  /** The server would have run it. */
  ALLOWED = 'allowed',
  /** An answer that shows neither. */
  UNCLEAR = 'unclear',
}

/** A reply: the value as text, or the error message. */
export interface Reply {
  readonly value?: string;
  readonly error?: string;
}

const REFUSALS: readonly RegExp[] = [
  /^NOPERM\b/,
  /has no permissions to run/i, // ACL DRYRUN's answer
  /^ERR unknown (sub)?command\b/i,
  /^ERR Command '.*' not found/i, // ACL DRYRUN's answer for a command the server does not have
  /^ERR \S+ command not allowed\. If the enable-\S+-command option/i, // DEBUG and MODULE off in redis.conf
];

const ALLOWED_BY_GUARD: Readonly<Record<string, (reply: Reply) => boolean>> = {
  dryrun: (reply) => reply.value === 'OK',
  [ProbeGuard.TRANSACTION]: (reply) => reply.value === 'QUEUED',
  [ProbeGuard.SUBSCRIBED]: (reply) => /only \(P\|S\)SUBSCRIBE .*allowed in this context/i.test(reply.error ?? ''),
};

/** Reads a probe's reply, sent through ACL DRYRUN (`via` = 'dryrun') or its guard. */
export function classify(reply: Reply, via: ProbeGuard | 'dryrun'): ProbeOutcome {
  const text = reply.error ?? reply.value ?? '';
  if (REFUSALS.some((pattern) => pattern.test(text))) return ProbeOutcome.REFUSED;
  return ALLOWED_BY_GUARD[via](reply) ? ProbeOutcome.ALLOWED : ProbeOutcome.UNCLEAR;
}
