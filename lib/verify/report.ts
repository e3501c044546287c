import { Row, RowStatus } from './judge';
import { Report } from './session';

/** One data store's outcome: its report, or why it could not be verified. */
export interface Outcome {
  /**
   * The prefix of the data store's outputs.
   *
   * @default - none: one data store from its URI
   */
  readonly name?: string;
  /**
   * The report, when the data store was reached.
   *
   * @default - none: see `error`
   */
  readonly report?: Report;
  /**
   * Why it could not be verified: it could not be reached, or refused the credentials.
   *
   * @default - none: see `report`
   */
  readonly error?: string;
  /** How long verifying it took. */
  readonly seconds: number;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_PROMISE_FAILED = 1;
export const EXIT_USAGE_OR_CONNECTION = 2;

/** The exit code of one data store: 2 when it could not be verified, 1 when a promise fails, else 0. */
export function exitCodeOf(outcome: Outcome): number {
  if (outcome.report === undefined) return EXIT_USAGE_OR_CONNECTION;
  return outcome.report.ok ? EXIT_OK : EXIT_PROMISE_FAILED;
}

const promisesWith = (rows: readonly Row[], status: RowStatus): string => rows.filter((r) => r.status === status).map((r) => r.promise).join(', ');

/** The report as text: one block per promise, with its result, what was expected and what was seen. */
export function formatTable(report: Report): string {
  const promiseWidth = Math.max('promise'.length, ...report.rows.map((r) => r.promise.length));
  const resultWidth = Math.max('result'.length, ...report.rows.map((r) => r.status.length));
  const indent = ' '.repeat(promiseWidth + resultWidth + 4);
  const failed = promisesWith(report.rows, RowStatus.FAIL);
  const accepted = promisesWith(report.rows, RowStatus.ACCEPTED);
  const notVerified = promisesWith(report.rows, RowStatus.NOT_VERIFIED);
  const subject = report.name === undefined ? report.endpoint : `${report.name} (${report.endpoint})`;
  return [
    `choreo-redis verify: ${subject}, plan ${report.plan}${report.backend === undefined ? '' : ` on ${report.backend}`}, Lua ${report.luaScripting ? 'enabled' : 'disabled'}`,
    '',
    `${'promise'.padEnd(promiseWidth)}  ${'result'.padEnd(resultWidth)}  expected / seen`,
    ...report.rows.flatMap((r) => [
      `${r.promise.padEnd(promiseWidth)}  ${r.status.toUpperCase().padEnd(resultWidth)}  expected: ${r.expected}`,
      `${indent}seen:     ${r.seen}`,
      ...(r.reason === undefined ? [] : [`${indent}reason:   ${r.reason}`]),
    ]),
    '',
    failed === '' ? 'Every promise checked holds.' : `Failed: ${failed}.`,
    ...(accepted === '' ? [] : [`Accepted, as the backend's conformance data reports: ${accepted}.`]),
    ...(notVerified === '' ? [] : [`Not verified: ${notVerified}.`]),
    ...report.hints.map((hint) => `Hint: ${hint}.`),
    '',
  ].join('\n');
}

/** The report as JSON. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

/** Every data store of a stack's outputs as text: a section each, then one line per data store. */
export function formatOutcomesTable(outcomes: readonly Outcome[]): string {
  const verdict = (outcome: Outcome): string => {
    if (outcome.report === undefined) return `could not be verified: ${outcome.error}`;
    const failed = promisesWith(outcome.report.rows, RowStatus.FAIL);
    return failed === '' ? 'every promise checked holds' : `fails: ${failed}`;
  };
  return [
    ...outcomes.map((outcome) => outcome.report === undefined
      ? `choreo-redis verify: ${outcome.name}: could not be verified: ${outcome.error}\n`
      : formatTable(outcome.report)),
    `${outcomes.length} data store(s):`,
    ...outcomes.map((outcome) => `  ${outcome.name}: ${verdict(outcome)}`),
    '',
  ].join('\n');
}

/** Every data store of a stack's outputs as JSON. */
export function formatOutcomesJson(outcomes: readonly Outcome[]): string {
  const dataStores = outcomes.map((outcome) => outcome.report ?? { name: outcome.name, ok: false, error: outcome.error });
  return `${JSON.stringify({ ok: outcomes.every((o) => exitCodeOf(o) === EXIT_OK), dataStores }, undefined, 2)}\n`;
}
