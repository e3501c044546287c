/**
 * `choreo-redis verify`: checks a running data store against its plan's promises.
 */
import { HELP, UsageError, parseCommandLine } from './options';
import { formatJson, formatTable } from './report';
import { ConnectionError, verify } from './session';

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_PROMISE_FAILED = 1;
export const EXIT_USAGE_OR_CONNECTION = 2;

/** Runs the command line; resolves to the exit code. */
export async function main(args: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let invocation;
  try {
    invocation = parseCommandLine(args, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`choreo-redis: ${error.message}\n\n${HELP}`);
    return EXIT_USAGE_OR_CONNECTION;
  }
  if (invocation.help) {
    out(HELP);
    return EXIT_OK;
  }
  const { options, warnings } = invocation;
  warnings.forEach((warning) => err(`choreo-redis: warning: ${warning}\n`));
  try {
    const report = await verify(options);
    out(options.json ? formatJson(report) : formatTable(report));
    return report.ok ? EXIT_OK : EXIT_PROMISE_FAILED;
  } catch (error) {
    if (!(error instanceof ConnectionError)) throw error;
    if (options.json) out(`${JSON.stringify({ ok: false, error: error.message }, undefined, 2)}\n`);
    err(`choreo-redis: ${error.message}\n`);
    return EXIT_USAGE_OR_CONNECTION;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: Error) => {
    process.stderr.write(`choreo-redis: ${error.stack ?? error.message}\n`);
    process.exit(EXIT_USAGE_OR_CONNECTION);
  });
}
