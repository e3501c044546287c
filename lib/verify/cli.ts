/**
 * `choreo-redis verify`: checks running data stores against their plans' promises.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { expectationsFor } from './expectations';
import { junitXml } from './junit';
import { Run, UsageError, VerifyOptions, help, parseCommandLine, parseUri, refusePlaintextPassword } from './options';
import { parseOutputs } from './outputs';
import {
  EXIT_OK, EXIT_USAGE_OR_CONNECTION, Outcome, exitCodeOf, formatJson, formatOutcomesJson, formatOutcomesTable, formatTable,
} from './report';
import { ConnectionError, verify } from './session';

export { EXIT_OK, EXIT_PROMISE_FAILED, EXIT_USAGE_OR_CONNECTION } from './report';

/** Reads `--outputs`: a file, or standard input for `-`. */
export type ReadInput = (file: string) => Promise<string>;

/** Reads a file, or `stdin` to its end for `-`. */
export function inputReader(stdin: AsyncIterable<Buffer | string>): ReadInput {
  return async (file) => {
    if (file !== '-') return readFileSync(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  };
}

/** The package's name and version, from its package.json (two folders up, in the sources and the compiled package alike). */
function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/** The data stores a run names: one from its URI, or every one in a stack's outputs. */
async function dataStoresOf(run: Run, readInput: ReadInput): Promise<VerifyOptions[]> {
  const { source } = run;
  if (source.kind === 'uri') return [source.dataStore];
  let text: string;
  try {
    text = await readInput(source.file);
  } catch (error) {
    throw new UsageError(`--outputs ${source.file} cannot be read: ${(error as Error).message}`);
  }
  return parseOutputs(text, source.file).map((store) => {
    let expectations;
    try {
      expectations = expectationsFor(store);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw new UsageError(`output ${store.name}_verify: ${error.message}`);
    }
    const label = `output ${store.name}_uri`;
    const target = parseUri(store.uri, label);
    refusePlaintextPassword(target, source.settings, label);
    return {
      ...source.settings,
      ca: store.ca ?? source.settings.ca,
      name: store.name,
      target,
      expectations,
    };
  });
}

async function verifyOne(options: VerifyOptions): Promise<Outcome> {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const report = await verify(options);
    return { name: options.name, report, seconds: seconds() };
  } catch (error) {
    if (!(error instanceof ConnectionError)) throw error;
    return { name: options.name, error: error.message, seconds: seconds() };
  }
}

/** Runs the command line; resolves to the exit code. */
export async function main(args: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t), env: NodeJS.ProcessEnv = process.env,
  readInput: ReadInput = inputReader(process.stdin)): Promise<number> {
  const json = args.includes('--json');
  const refuse = (error: UsageError, usage: boolean): number => {
    if (json) out(`${JSON.stringify({ ok: false, kind: 'usage', error: error.message }, undefined, 2)}\n`);
    err(`choreo-redis: ${error.message}\n${usage ? `\n${help()}` : ''}`);
    return EXIT_USAGE_OR_CONNECTION;
  };
  let invocation;
  try {
    invocation = parseCommandLine(args, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return refuse(error, true);
  }
  if (invocation.kind === 'help') {
    out(help());
    return EXIT_OK;
  }
  if (invocation.kind === 'version') {
    out(`${version()}\n`);
    return EXIT_OK;
  }
  const { run, warnings } = invocation;
  warnings.forEach((warning) => err(`choreo-redis: warning: ${warning}\n`));
  let dataStores: VerifyOptions[];
  try {
    dataStores = await dataStoresOf(run, readInput);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return refuse(error, false);
  }
  const outcomes = await Promise.all(dataStores.map(verifyOne));
  outcomes.filter((o) => o.error !== undefined).forEach((o) => err(`choreo-redis: ${o.name === undefined ? '' : `${o.name}: `}${o.error}\n`));
  if (run.source.kind === 'outputs') {
    out(json ? formatOutcomesJson(outcomes) : formatOutcomesTable(outcomes));
  } else {
    const [{ report, error }] = outcomes;
    if (report !== undefined) out(json ? formatJson(report) : formatTable(report));
    else if (json) out(`${JSON.stringify({ ok: false, kind: 'connection', error }, undefined, 2)}\n`);
  }
  if (run.junit !== undefined) {
    try {
      writeFileSync(run.junit, junitXml(outcomes));
    } catch (error) {
      err(`choreo-redis: --junit ${run.junit} cannot be written: ${(error as Error).message}\n`);
      return EXIT_USAGE_OR_CONNECTION;
    }
  }
  return Math.max(...outcomes.map(exitCodeOf));
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: Error) => {
    process.stderr.write(`choreo-redis: ${error.stack ?? error.message}\n`);
    process.exit(EXIT_USAGE_OR_CONNECTION);
  });
}
