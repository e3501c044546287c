import { readFileSync } from 'fs';
import { parseArgs } from 'util';
import { ALL_PLANS, ServicePlan } from '../plan/service-plan';

/** A bad command line or an unreadable input: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

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

/** Everything `choreo-redis verify` was asked to do. */
export interface VerifyOptions {
  readonly target: Target;
  readonly plan: ServicePlan;
  readonly luaScripting: boolean;
  /** PEM text of the CA to trust instead of the system store. */
  readonly ca?: string;
  readonly insecureSkipVerify: boolean;
  readonly json: boolean;
  /** Per connection and per command, in milliseconds. */
  readonly timeoutMs: number;
}

export const HELP = `Usage: CHOREO_REDIS_URI=<rediss://user:password@host:port> choreo-redis verify --plan <plan> [options]

Checks that a running data store keeps its plan's promises: TLS only, authentication required, the
restricted commands refused, Lua as configured, the connection limit, and the standbys of the plan.
Prints one row per promise: what was expected, what was seen, and pass or fail. It never runs a
restricted command: it asks with ACL DRYRUN when allowed, otherwise it queues each probe in a
transaction it discards (SAVE and SHUTDOWN: in Pub/Sub context, where Redis refuses to run them).
The only key it writes is one uniquely named key with a 30 s expiry, deleted at once.

Options:
  --uri <uri>              the URI, instead of $CHOREO_REDIS_URI; a password here is visible to other users
                           in ps and stays in the shell history, so prefer the environment variable
  --plan <plan>            ${ALL_PLANS.join(' | ')}
  --lua <enabled|disabled> whether Lua scripting should be allowed (default: enabled)
  --ca <file>              PEM file with the CA certificate(s) to trust instead of the system store
  --insecure-skip-verify   do not verify the server certificate (the TLS row says so)
  --json                   print the report as JSON
  --timeout <seconds>      per connection and per command (default: 10)
  -h, --help               show this help

Exit codes: 0 every promise holds; 1 a promise fails; 2 usage or connection error.
`;

/** Reads a `redis://` or `rediss://` URI. */
export function parseUri(uri: string): Target {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new UsageError('--uri is not a URI; write rediss://user:password@host:port');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--uri scheme "${url.protocol}" is not redis: or rediss:; write rediss://user:password@host:port`);
  }
  const path = url.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(path)) throw new UsageError(`--uri database "${path}" is not a number`);
  const port = url.port === '' ? 6379 : Number(url.port);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    tls: url.protocol === 'rediss:',
    username: url.username === '' ? 'default' : decodeURIComponent(url.username),
    password: url.password === '' ? undefined : decodeURIComponent(url.password),
    db: path === '' ? 0 : Number(path),
  };
}

/** Printed when a password arrives in `--uri`, where `ps` and the shell history show it. */
export const PASSWORD_ON_COMMAND_LINE = '--uri carries a password on the command line, where other users see it in ps and '
  + 'your shell history keeps it; pass the URI in the CHOREO_REDIS_URI environment variable instead, for example '
  + 'CHOREO_REDIS_URI="$(terraform output -raw <prefix>_uri)" choreo-redis verify --plan <plan>';

/** What the command line asks for: `help`, or a verification with the warnings to print first. */
export type Invocation = { readonly help: true }
  | { readonly help: false; readonly options: VerifyOptions; readonly warnings: readonly string[] };

/** Parses `choreo-redis <args>`; throws UsageError for anything it cannot use. */
export function parseCommandLine(args: readonly string[], env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): Invocation {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { help: true };
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
        'ca': { type: 'string' },
        'insecure-skip-verify': { type: 'boolean' },
        'json': { type: 'boolean' },
        'timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const uriArgument = values.uri as string | undefined;
  const uri = uriArgument ?? env.CHOREO_REDIS_URI;
  if (uri === undefined || uri === '') throw new UsageError('the URI is missing: set CHOREO_REDIS_URI=rediss://user:password@host:port (or pass --uri)');
  const plan = values.plan as string | undefined;
  if (plan === undefined) throw new UsageError(`--plan is missing; one of ${ALL_PLANS.join(', ')}`);
  if (!ALL_PLANS.includes(plan.toLowerCase() as ServicePlan)) {
    throw new UsageError(`--plan "${plan}" is not a plan; one of ${ALL_PLANS.join(', ')}`);
  }
  const lua = (values.lua as string | undefined) ?? 'enabled';
  if (lua !== 'enabled' && lua !== 'disabled') throw new UsageError(`--lua "${lua}" is not enabled or disabled`);
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
  const target = parseUri(uri);
  return {
    help: false,
    warnings: uriArgument !== undefined && target.password !== undefined ? [PASSWORD_ON_COMMAND_LINE] : [],
    options: {
      target,
      plan: plan.toLowerCase() as ServicePlan,
      luaScripting: lua === 'enabled',
      ca,
      insecureSkipVerify: values['insecure-skip-verify'] === true,
      json: values.json === true,
      timeoutMs: Math.round(timeout * 1000),
    },
  };
}
