import { RowStatus } from './judge';
import { Report } from './session';

/** The report as text: one block per promise, with its result, what was expected and what was seen. */
export function formatTable(report: Report): string {
  const promiseWidth = Math.max('promise'.length, ...report.rows.map((r) => r.promise.length));
  const resultWidth = Math.max('result'.length, ...report.rows.map((r) => r.status.length));
  const indent = ' '.repeat(promiseWidth + resultWidth + 4);
  const failed = report.rows.filter((r) => r.status === RowStatus.FAIL).map((r) => r.promise);
  return [
    `choreo-redis verify: ${report.endpoint}, plan ${report.plan}, Lua ${report.luaScripting ? 'enabled' : 'disabled'}`,
    '',
    `${'promise'.padEnd(promiseWidth)}  ${'result'.padEnd(resultWidth)}  expected / seen`,
    ...report.rows.flatMap((r) => [
      `${r.promise.padEnd(promiseWidth)}  ${r.status.toUpperCase().padEnd(resultWidth)}  expected: ${r.expected}`,
      `${indent}seen:     ${r.seen}`,
    ]),
    '',
    failed.length === 0 ? 'Every promise checked holds.' : `Failed: ${failed.join(', ')}.`,
    '',
  ].join('\n');
}

/** The report as JSON. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, undefined, 2)}\n`;
}
