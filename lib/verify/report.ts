import { Report } from './session';

/** The report as a table: one row per promise. */
export function formatTable(report: Report): string {
  const header = ['promise', 'expected', 'seen', 'result'];
  const lines = report.rows.map((r) => [r.promise, r.expected, r.seen, r.status.toUpperCase()]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => Math.min(l[i].length, i === 2 ? 80 : 60))));
  const render = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [
    `choreo-redis verify: ${report.endpoint}, plan ${report.plan}, Lua ${report.luaScripting ? 'enabled' : 'disabled'}`,
    '',
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
    ...lines.map(render),
    '',
    report.ok ? 'Every promise checked holds.' : `Failed: ${report.rows.filter((r) => r.status === 'fail').map((r) => r.promise).join(', ')}.`,
    '',
  ].join('\n');
}

/** The report as JSON. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, undefined, 2)}\n`;
}
