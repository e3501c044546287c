/**
 * The JUnit XML writer: escaping, one test suite per data store and one test case per promise, counts that match
 * the report; read back with a strict XML reader that is itself tested to refuse what XML refuses.
 */
import { XmlElement, parseXml } from './xml';
import { ProductPromise } from '../../lib/plan/conformance';
import { Row, RowStatus } from '../../lib/verify/judge';
import { escapeXml, junitXml } from '../../lib/verify/junit';
import { Outcome } from '../../lib/verify/report';
import { Report } from '../../lib/verify/session';

const row = (promise: ProductPromise, status: RowStatus, reason?: string): Row => ({
  promise, status, expected: `expected <${promise}> & "more"`, seen: `seen '${promise}'\nnext line`, reason,
});

const report = (name: string, rows: Row[]): Report => ({
  name, endpoint: '127.0.0.1:6380', plan: 'hobbyist', backend: 'memorystore', luaScripting: true, ok: rows.every((r) => r.status !== RowStatus.FAIL), rows, hints: [],
});

const OUTCOMES: Outcome[] = [
  {
    name: 'Redis',
    seconds: 0.25,
    report: report('Redis', [
      row(ProductPromise.TLS, RowStatus.PASS),
      row(ProductPromise.RESTRICTED_COMMANDS, RowStatus.ACCEPTED, 'substituted: Memorystore refuses ACL <natively> & "more"'),
      row(ProductPromise.CONNECTION_LIMIT, RowStatus.NOT_VISIBLE),
    ]),
  },
  {
    name: 'Team_Cache',
    seconds: 0.5,
    report: report('Team_Cache', [
      row(ProductPromise.TLS, RowStatus.NOT_VERIFIED, 'the server certificate was not verified: --insecure-skip-verify'),
      row(ProductPromise.RESTRICTED_COMMANDS, RowStatus.FAIL),
    ]),
  },
  { name: 'Broken\u0001<Cache>', seconds: 1, error: 'cannot reach 127.0.0.1:1: connect ECONNREFUSED & "gone"' },
];

const children = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);
const counts = (element: XmlElement) => ({
  tests: Number(element.attributes.tests),
  failures: Number(element.attributes.failures),
  errors: Number(element.attributes.errors),
  skipped: Number(element.attributes.skipped),
});

describe('escapeXml', () => {
  test.each([
    ['a & b < c > d', false, 'a &amp; b &lt; c &gt; d'],
    ['"quoted" \'single\'', false, '&quot;quoted&quot; &apos;single&apos;'],
    ['line\nbreak\ttab\rreturn', true, 'line&#10;break&#9;tab&#13;return'],
    ['line\nbreak', false, 'line\nbreak'],
    ['bell\u0007 nul\u0000 fffe\uFFFE lone\uD800', false, 'bell\uFFFD nul\uFFFD fffe\uFFFD lone\uFFFD'],
    ['emoji \uD83D\uDE00 kept', false, 'emoji \uD83D\uDE00 kept'],
  ])('%j (attribute: %s)', (text, attribute, escaped) => {
    expect(escapeXml(text, attribute)).toBe(escaped);
  });
});

describe('junitXml', () => {
  const xml = junitXml(OUTCOMES);
  const root = parseXml(xml);
  const suites = children(root, 'testsuite');

  test('parses, with one test suite per data store and counts that add up', () => {
    expect(root.name).toBe('testsuites');
    expect(suites.map((s) => s.attributes.name)).toEqual(['Redis', 'Team_Cache', 'Broken\uFFFD<Cache>']);
    expect(suites.map(counts)).toEqual([
      { tests: 3, failures: 0, errors: 0, skipped: 2 },
      { tests: 2, failures: 1, errors: 0, skipped: 1 },
      { tests: 1, failures: 0, errors: 1, skipped: 0 },
    ]);
    expect(counts(root)).toEqual({ tests: 6, failures: 1, errors: 1, skipped: 3 });
    for (const suite of suites) expect(children(suite, 'testcase')).toHaveLength(Number(suite.attributes.tests));
    expect(suites.map((s) => s.attributes.time)).toEqual(['0.250', '0.500', '1.000']);
  });

  test('a test case per promise; a failure carries expected and seen, text intact', () => {
    const [redis, team] = suites;
    expect(children(redis, 'testcase').map((c) => c.attributes.name)).toEqual(['tls', 'restricted-commands', 'connection-limit']);
    const [failure] = children(children(team, 'testcase')[1], 'failure');
    expect(failure.attributes.message).toBe('expected: expected <restricted-commands> & "more"; seen: seen \'restricted-commands\'\nnext line');
    expect(failure.text).toBe('expected: expected <restricted-commands> & "more"\nseen: seen \'restricted-commands\'\nnext line');
  });

  test('accepted gaps, checks switched off and hidden promises are skipped, with the reason', () => {
    const skipped = suites.flatMap((s) => children(s, 'testcase')).flatMap((c) => children(c, 'skipped')).map((s) => s.attributes.message);
    expect(skipped).toEqual([
      'accepted: substituted: Memorystore refuses ACL <natively> & "more"',
      'not visible: seen \'connection-limit\'\nnext line',
      'not verified: the server certificate was not verified: --insecure-skip-verify',
    ]);
  });

  test('a data store that could not be reached is an error', () => {
    const [error] = children(children(suites[2], 'testcase')[0], 'error');
    expect(error.attributes.message).toBe('cannot reach 127.0.0.1:1: connect ECONNREFUSED & "gone"');
  });

  test('the report\'s properties name the endpoint, plan, backend and Lua setting', () => {
    const properties = children(children(suites[0], 'properties')[0], 'property').map((p) => [p.attributes.name, p.attributes.value]);
    expect(Object.fromEntries(properties)).toEqual({ endpoint: '127.0.0.1:6380', plan: 'hobbyist', backend: 'memorystore', lua: 'enabled' });
  });
});

describe('the strict XML reader refuses what XML refuses', () => {
  const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
  test.each([
    ['a bare ampersand', '<a>x & y</a>', /a bare "&"/],
    ['a "<" in text', '<a>x < y</a>', /expected a name/],
    ['a "<" in an attribute', '<a b="<"/>', /a "<" that starts no element/],
    ['an unknown entity', '<a>&nbsp;</a>', /the unknown entity &nbsp;/],
    ['a mismatched end tag', '<a><b></a></b>', /does not match <b>/],
    ['an unclosed element', '<a><b/>', /<a> is not closed/],
    ['a repeated attribute', '<a b="1" b="2"/>', /attribute b repeated/],
    ['an unquoted attribute', '<a b=1/>', /expected a quoted value/],
    ['a control character', '<a>\u0001</a>', /character U\+1 at/],
    ['a reference to a control character', '<a>&#1;</a>', /a reference to a character XML does not allow/],
    ['two roots', '<a/><b/>', /content after the root element/],
  ])('%s', (_, body, message) => {
    expect(() => parseXml(`${DECLARATION}${body}`)).toThrow(message);
  });

  test('a literal newline in an attribute becomes a space; a reference keeps it', () => {
    expect(parseXml(`${DECLARATION}<a b="1\n2" c="1&#10;2"/>`).attributes).toEqual({ b: '1 2', c: '1\n2' });
  });
});
