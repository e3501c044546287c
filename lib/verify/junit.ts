/**
 * The report as JUnit XML, which CI systems read: a test suite per data store and a test case per promise. A
 * failed promise is a `<failure>` with what was expected and seen; an accepted gap, a check switched off, or a
 * promise the service hides or that could not be checked is `<skipped>` with the reason; a data store that could
 * not be reached is an `<error>`.
 */
import { Row, RowStatus } from './judge';
import { Outcome } from './report';

/** XML 1.0 refuses these characters even as references: control characters but tab, newline and return, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/**
 * Text for XML character data, or, with `attribute`, for a quoted attribute value, where tab, newline and
 * return are written as references so that a parser's attribute-value normalisation keeps them.
 */
export function escapeXml(text: string, attribute = false): string {
  return text.replace(NOT_XML, '\uFFFD').replace(attribute ? /[&<>"'\t\n\r]/g : /[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * An element: empty, with `content` text, or with child elements, indented. Text is escaped as attribute values are,
 * newlines as references, so that every line break in the document is between elements and indenting keeps the text.
 */
function element(name: string, attributes: Readonly<Record<string, string | number>>, content?: string | readonly string[]): string {
  const attrs = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXml(String(value), true)}"`).join('');
  if (content === undefined) return `<${name}${attrs}/>`;
  if (typeof content === 'string') return `<${name}${attrs}>${escapeXml(content, true)}</${name}>`;
  return [`<${name}${attrs}>`, ...content.map((child) => child.replace(/^/gm, '  ')), `</${name}>`].join('\n');
}

function testCase(suite: string, row: Row): string {
  const attributes = { classname: suite, name: row.promise };
  if (row.status === RowStatus.PASS) return element('testcase', attributes);
  if (row.status === RowStatus.FAIL) {
    const message = `expected: ${row.expected}; seen: ${row.seen}`;
    return element('testcase', attributes, [element('failure', { message, type: 'promise not kept' }, `expected: ${row.expected}\nseen: ${row.seen}`)]);
  }
  // A reported row's news is what was seen (the engine and version); other rows that hold say why they are not a pass.
  const detail = row.status === RowStatus.REPORTED ? row.seen : row.reason ?? row.seen;
  return element('testcase', attributes, [element('skipped', { message: `${row.status}: ${detail}` })]);
}

const seconds = (value: number): string => value.toFixed(3);

function testSuite(outcome: Outcome): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  const { report } = outcome;
  const name = outcome.name ?? report?.endpoint ?? 'data store';
  if (report === undefined) {
    const error = element('error', { message: outcome.error ?? '', type: 'not verified' }, outcome.error ?? '');
    const xml = element('testsuite', { name, tests: 1, failures: 0, errors: 1, skipped: 0, time: seconds(outcome.seconds) },
      [element('testcase', { classname: name, name: 'connection' }, [error])]);
    return { xml, tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  const tests = report.rows.length;
  const failures = report.rows.filter((r) => r.status === RowStatus.FAIL).length;
  const skipped = report.rows.filter((r) => r.status !== RowStatus.FAIL && r.status !== RowStatus.PASS).length;
  const properties = element('properties', {}, Object.entries({
    endpoint: report.endpoint, plan: report.plan, backend: report.backend ?? '', lua: report.luaScripting ? 'enabled' : 'disabled',
  }).map(([key, value]) => element('property', { name: key, value })));
  const xml = element('testsuite', { name, tests, failures, errors: 0, skipped, time: seconds(outcome.seconds) },
    [properties, ...report.rows.map((row) => testCase(name, row))]);
  return { xml, tests, failures, errors: 0, skipped };
}

/** The JUnit XML document for every data store verified in one run. */
export function junitXml(outcomes: readonly Outcome[]): string {
  const suites = outcomes.map(testSuite);
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped'): number => suites.reduce((sum, suite) => sum + suite[key], 0);
  const time = seconds(outcomes.reduce((longest, o) => Math.max(longest, o.seconds), 0));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', {
    name: 'choreo-redis verify', tests: total('tests'), failures: total('failures'), errors: total('errors'), skipped: total('skipped'), time,
  }, suites.map((s) => s.xml))}\n`;
}
