import { readFileSync } from 'fs';
import { join } from 'path';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { REPLACEMENT_GUARD_ID } from '../lib/backends/replacement-guard';
import { ALERT_SIGNAL_TITLES, AlertSignal, AlertWatch } from '../lib/plan';
import { renderAccess, renderAlerts, updateReadme } from '../scripts/plan-matrix';

test('the README plan matrix is what the code generates (run `npx projen docs:matrix` after changing a backend)', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(updateReadme(readme)).toBe(readme);
});

test('the README access matrix has a column per backend, and each cell is native, emulated, or unavailable with the fix', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const matrix = renderAccess();
  expect(readme).toContain(matrix);
  const rows = matrix.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| access'));
  expect(rows).toHaveLength(4);
  const featureRows = rows.filter((row) => /^\| (credentials|rotation|identity)/.test(row));
  for (const row of featureRows) {
    const cells = row.split(/ (?<!\\)\| /).slice(1);
    expect(cells).toHaveLength(BACKEND_DEFINITIONS.length);
    for (const text of cells) expect(text).toMatch(/^(native: |emulated: |\*\*unavailable\*\*: .*\(fix: .+\)( \|)?$)/);
  }
});

test('the README alert matrix has one row per signal and one column per backend, and gives every unavailable signal its reason', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const matrix = renderAlerts();
  expect(readme).toContain(matrix);
  const rows = matrix.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| signal') && !line.startsWith('| targets'));
  expect(rows.map((row) => row.split(' | ')[0].slice(2))).toEqual(Object.values(AlertSignal).map((s) => ALERT_SIGNAL_TITLES[s]));
  for (const definition of BACKEND_DEFINITIONS.filter((d) => d.alerts !== undefined)) {
    for (const coverage of Object.values(definition.alerts!.coverage)) {
      expect(coverage.detail.length).toBeGreaterThan(20);
      expect(matrix).toContain(`${coverage.watch === AlertWatch.UNAVAILABLE ? '**unavailable**' : coverage.watch}: ${coverage.detail.replace(/\|/g, '\\|')}`);
    }
  }
});

test('the README\'s account of the replacement guard names what the code defines: the guard, the acceptance prop and every restore prop', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deletion protection and changing plans'), readme.indexOf('<!-- changes:begin'));
  expect(section).toContain(`\`${REPLACEMENT_GUARD_ID}\``);
  expect(section).toContain('`acceptReplacement`');
  const restoreProps = [...new Set(BACKEND_DEFINITIONS.map((d) => d.changes.carry.restoreProp).filter((p) => p !== undefined))];
  expect(restoreProps.length).toBeGreaterThan(0);
  for (const prop of restoreProps) expect([prop, section]).toEqual([prop, expect.stringContaining(`\`${prop}\``)]);
});
