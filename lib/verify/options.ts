import { readFileSync } from 'fs';
import { parseArgs } from 'util';
import { UsageError } from './errors';
import { Expectations, backendIds, expectationsFor } from './expectations';
import { ALL_EVICTION_POLICIES, DEFAULT_EVICTION_POLICY, EvictionPolicy } from '../plan/parity';
import { ALL_PLANS, ServicePlan } from '../plan/service-plan';

export { UsageError } from './errors';

/** Where and how to reach the data store, from its URI. */
export interface Target {
  readonly host: string;
  readonly port: number;
  /** `rediss://`: connect with TLS. */
  readonly tls: boolean;
  /** The ACL user; `default` when the URI names none. */
  readonly username: string;
  readonly password?: string;
  readonly db: number;
}

/** How to connect, the same for every data store of one run. */
export interface ConnectionSettings {
  /** PEM text of the CA to trust instead of the system store. */
  readonly ca?: string;
  readonly insecureSkipVerify: boolean;
  /** `--allow-plaintext-password`: a `redis://` URI may carry a password, which then travels unencrypted. */
  readonly allowPlaintextPassword: boolean;
  /** Per connection and per command, in milliseconds. */
  readonly timeoutMs: number;
}

/** One data store to verify, and what to expect of it. */
export interface VerifyOptions extends ConnectionSettings {
  /**
   * The prefix of the data store's outputs, such as `Redis`, when it came from `--outputs`.
   *
   * @default - none: the URI came from the command line or the environment
   */
  readonly name?: string;
  readonly target: Target;
  readonly expectations: Expectations;
}

/** What to verify: one data store from its URI, or every data store in a stack's outputs. */
export type Source =
  | { readonly kind: 'uri'; readonly dataStore: VerifyOptions }
  /** `terraform output -json` in `file` ('-': standard input), with the settings for every data store in it. */
  | { readonly kind: 'outputs'; readonly file: string; readonly settings: ConnectionSettings };

/** Everything `choreo-redis verify` was asked to do. */
export interface Run {
  readonly source: Source;
  /** Print the report as JSON. */
  readonly json: boolean;
  /**
   * Where to write the JUnit XML report.
   *
   * @default - no JUnit report
   */
  readonly junit?: string;
}

/** The usage text; a function, because it lists the backends, which load only when needed. */
export const help = (): string => `Usage: CHOREO_REDIS_URI=<rediss://user:password@host:port> choreo-redis verify --plan <plan> [options]
       choreo-redis verify --outputs <file|-> [options]
       choreo-redis --version

Checks that a running data store keeps its plan's promises: TLS only, authentication required, the
restricted commands refused, Lua as configured, the connection limit, the standbys of the plan, and the
eviction policy (maxmemory_policy); reports the recovery point and the engine and version it finds.
Prints one row per promise: what was expected, what was seen, and the result. It never runs a
restricted command: it asks with ACL DRYRUN when allowed, otherwise it queues each probe in a
transaction it discards (SAVE and SHUTDOWN: in Pub/Sub context, where Redis refuses to run them).
The only key it writes is one uniquely named key with a 30 s expiry, deleted at once.

Options:
  --uri <uri>              the URI, instead of $CHOREO_REDIS_URI; a password here is visible to other users
                           in ps and stays in the shell history, so prefer the environment variable
  --plan <plan>            ${ALL_PLANS.join(' | ')}
  --lua <enabled|disabled> whether Lua scripting should be allowed (default: enabled)
  --eviction-policy <p>    the maxmemory-policy the data store was made with (default: ${DEFAULT_EVICTION_POLICY}, the
                           product's): ${ALL_EVICTION_POLICIES.slice(0, 4).join(', ')},
                           ${ALL_EVICTION_POLICIES.slice(4).join(', ')}
  --backend <id>           the library's backend: ${backendIds().join(', ')};
                           each promise is checked as the library's conformance data says the backend
                           keeps it: a gap it reports is checked for what the backend does keep and
                           reported ACCEPTED, anything less fails (default: the plan's full promises)
  --outputs <file|->       terraform output -json of a stack ('-': standard input): verifies every data
                           store whose addOutputs() wrote a <prefix>_verify output, taking the URI, CA,
                           plan, backend, Lua setting and eviction policy from the outputs (no --uri, --plan,
                           --lua, --eviction-policy, --backend)
  --junit <file>           also write a JUnit XML report: a test suite per data store, a test case per promise
  --ca <file>              PEM file with the CA certificate(s) to trust instead of the system store (with
                           --outputs: for data stores without a <prefix>_ca_certificate output)
  --insecure-skip-verify   do not verify the server certificate; the TLS row reads NOT VERIFIED
  --allow-plaintext-password
                           accept a redis:// URI that carries a password, which is then sent unencrypted
                           when the port serves plaintext (without it, such a URI is refused before
                           anything is sent)
  --json                   print the report as JSON (errors too)
  --timeout <seconds>      per connection and per command (default: 10)
  --version                print the version
  -h, --help               show this help

Results: PASS; FAIL; ACCEPTED (a gap the backend's conformance data reports, and the server keeps what the
backend does promise); NOT VERIFIED (a check switched off); NOT VISIBLE (the service hides it); NOT CHECKED
(no trusted TLS connection, so no credentials were sent); REPORTED (the engine and version, for the record).

Exit codes: 0 every promise holds (ACCEPTED, NOT VERIFIED, NOT VISIBLE and REPORTED do not fail); 1 a promise
fails; 2 usage or connection error. With --outputs, the worst over every data store.
`;

/** How to write a password with special characters into a URI. */
export const PERCENT_ENCODING_HINT = 'percent-encode any of : / ? # [ ] @ % and spaces in the user name and password '
  + '(for example p@ss/word as p%40ss%2Fword: encodeURIComponent() in JavaScript, urlencode() in Terraform)';

/**
 * Reads a `redis://` or `rediss://` URI; `label` names where it came from in errors, which never show the
 * password.
 */
export function parseUri(uri: string, label = 'the URI'): Target {
  const unreadable = (what: string): UsageError => new UsageError(`${label} ${what}; write rediss://user:password@host:port, and ${PERCENT_ENCODING_HINT}`);
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw unreadable('is not a URI');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`${label} has the scheme "${url.protocol}", not redis: or rediss:; write rediss://user:password@host:port`);
  }
  // A "#" or "?" in a password that is not percent-encoded ends the URI's authority there.
  if (url.search !== '' || url.hash !== '') throw unreadable('has a "?" or "#", which no Redis URI has');
  const path = url.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(path)) throw unreadable('has a database that is not a number (after the "/")');
  let username: string;
  let password: string;
  try {
    username = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    throw unreadable('has a "%" that starts no percent-encoded character');
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    tls: url.protocol === 'rediss:',
    username: username === '' ? 'default' : username,
    password: password === '' ? undefined : password,
    db: path === '' ? 0 : Number(path),
  };
}

/**
 * Refuses a `redis://` URI that carries a password, before anything is sent, unless plaintext was accepted:
 * the password would cross the network unencrypted wherever the port serves plaintext.
 */
export function refusePlaintextPassword(target: Target, settings: ConnectionSettings, label: string): void {
  if (target.tls || target.password === undefined || settings.allowPlaintextPassword) return;
  throw new UsageError(`${label} is redis:// and carries a password, which would be sent unencrypted; write it as rediss://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port} (TLS), `
    + 'or pass --allow-plaintext-password to send it over plaintext');
}

/** Printed when a password arrives in `--uri`, where `ps` and the shell history show it. */
export const PASSWORD_ON_COMMAND_LINE = '--uri carries a password on the command line, where other users see it in ps and '
  + 'your shell history keeps it; pass the URI in the CHOREO_REDIS_URI environment variable instead, for example '
  + 'CHOREO_REDIS_URI="$(terraform output -raw <prefix>_uri)" choreo-redis verify --plan <plan>, or verify every data '
  + 'store of the stack with terraform output -json | choreo-redis verify --outputs -';

/** What the command line asks for: help, the version, or a run with the warnings to print first. */
export type Invocation =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'verify'; readonly run: Run; readonly warnings: readonly string[] };

/** Options --outputs takes from the outputs instead. */
const PER_DATA_STORE = ['uri', 'plan', 'lua', 'eviction-policy', 'backend'];

/** Parses `choreo-redis <args>`; throws UsageError for anything it cannot use. */
export function parseCommandLine(args: readonly string[], env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): Invocation {
  if (args.length === 0) throw new UsageError('no command given');
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
  if (args.includes('--version')) return { kind: 'version' };
  const [command, ...rest] = args;
  if (command !== 'verify') throw new UsageError(`unknown command "${command}"; the only command is "verify"`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        'uri': { type: 'string' },
        'plan': { type: 'string' },
        'lua': { type: 'string' },
        'eviction-policy': { type: 'string' },
        'backend': { type: 'string' },
        'outputs': { type: 'string' },
        'junit': { type: 'string' },
        'ca': { type: 'string' },
        'insecure-skip-verify': { type: 'boolean' },
        'allow-plaintext-password': { type: 'boolean' },
        'json': { type: 'boolean' },
        'timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout "${values.timeout}" is not a positive number of seconds`);
  const caPath = values.ca as string | undefined;
  let ca: string | undefined;
  if (caPath !== undefined) {
    try {
      ca = readFile(caPath);
    } catch (error) {
      throw new UsageError(`--ca "${caPath}" cannot be read: ${(error as Error).message}`);
    }
  }
  const settings: ConnectionSettings = {
    ca,
    insecureSkipVerify: values['insecure-skip-verify'] === true,
    allowPlaintextPassword: values['allow-plaintext-password'] === true,
    timeoutMs: Math.round(timeout * 1000),
  };
  const output = { json: values.json === true, junit: values.junit as string | undefined };
  const outputs = values.outputs as string | undefined;
  if (outputs !== undefined) {
    const given = PER_DATA_STORE.filter((option) => values[option] !== undefined);
    if (given.length > 0) {
      throw new UsageError(`--outputs takes each data store's URI, plan, backend, Lua setting and eviction policy from the outputs; drop ${given.map((o) => `--${o}`).join(', ')}`);
    }
    return { kind: 'verify', warnings: [], run: { ...output, source: { kind: 'outputs', file: outputs, settings } } };
  }
  const uriArgument = values.uri as string | undefined;
  const uri = uriArgument ?? env.CHOREO_REDIS_URI;
  if (uri === undefined || uri === '') {
    throw new UsageError('the URI is missing: set CHOREO_REDIS_URI=rediss://user:password@host:port (or pass --uri), or give --outputs');
  }
  const plan = values.plan as string | undefined;
  if (plan === undefined) throw new UsageError(`--plan is missing; one of ${ALL_PLANS.join(', ')}`);
  if (!ALL_PLANS.includes(plan.toLowerCase() as ServicePlan)) {
    throw new UsageError(`--plan "${plan}" is not a plan; one of ${ALL_PLANS.join(', ')}`);
  }
  const lua = (values.lua as string | undefined) ?? 'enabled';
  if (lua !== 'enabled' && lua !== 'disabled') throw new UsageError(`--lua "${lua}" is not enabled or disabled`);
  const evictionPolicy = (values['eviction-policy'] as string | undefined) ?? DEFAULT_EVICTION_POLICY;
  if (!ALL_EVICTION_POLICIES.includes(evictionPolicy as EvictionPolicy)) {
    throw new UsageError(`--eviction-policy "${evictionPolicy}" is not an eviction policy; one of ${ALL_EVICTION_POLICIES.join(', ')}`);
  }
  const label = uriArgument === undefined ? 'CHOREO_REDIS_URI' : '--uri';
  const target = parseUri(uri, label);
  refusePlaintextPassword(target, settings, label);
  return {
    kind: 'verify',
    warnings: uriArgument !== undefined && target.password !== undefined ? [PASSWORD_ON_COMMAND_LINE] : [],
    run: {
      ...output,
      source: {
        kind: 'uri',
        dataStore: {
          ...settings,
          target,
          expectations: expectationsFor({
            plan: plan.toLowerCase() as ServicePlan, luaScripting: lua === 'enabled', evictionPolicy, backend: values.backend as string | undefined,
          }),
        },
      },
    },
  };
}
