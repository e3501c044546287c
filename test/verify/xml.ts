/**
 * A strict reader for XML 1.0 as the JUnit writer produces it: a declaration, one root element, elements with
 * quoted attributes, text, and character and predefined entity references. Anything else that XML allows
 * (comments, CDATA, DOCTYPE, processing instructions after the declaration) is refused, and so is anything a
 * conforming parser would refuse: a bare "&" or "<", an unknown entity, a mismatched or unclosed tag, a repeated
 * attribute, a character XML does not allow, or content after the root. Attribute values are normalised as a
 * conforming parser does (a literal tab, newline or return becomes a space), so that escaping is tested too.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, references resolved. */
  readonly text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

export function parseXml(xml: string): XmlElement {
  const bad = NOT_XML.exec(xml);
  if (bad !== null) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index} is not allowed in XML`);
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const skipSpace = (): void => {
    while (/\s/.test(xml[at] ?? '')) at++;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml) ?? fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  /** Text up to `end`, references resolved; `<` is never allowed in it. In an attribute, a literal tab, newline or return is a space. */
  const characters = (end: RegExp, attribute = false): string => {
    let text = '';
    while (at < xml.length && !end.test(xml[at])) {
      const c = xml[at];
      if (c === '<') fail('a "<" that starts no element');
      if (c === '&') {
        const ref = /^&(?:#(\d+)|#x([0-9a-fA-F]+)|([A-Za-z]+));/.exec(xml.slice(at)) ?? fail('a bare "&"');
        const code = ref[1] !== undefined ? Number(ref[1]) : ref[2] !== undefined ? parseInt(ref[2], 16) : undefined;
        if (code === undefined && PREDEFINED[ref[3]] === undefined) fail(`the unknown entity &${ref[3]};`);
        const value = code === undefined ? PREDEFINED[ref[3]] : String.fromCodePoint(code);
        if (NOT_XML.test(value)) fail(`a reference to a character XML does not allow, ${ref[0]}`);
        text += value;
        at += ref[0].length;
      } else {
        text += attribute && /[\t\n\r]/.test(c) ? ' ' : c;
        at++;
      }
    }
    return text;
  };
  const element = (): XmlElement => {
    if (xml[at] !== '<') fail('expected "<"');
    at++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (xml[at] === '>') break;
      if (at === before) fail('expected a space before an attribute');
      const key = name();
      if (key in attributes) fail(`attribute ${key} repeated`);
      skipSpace();
      if (xml[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== '\'') fail('expected a quoted value');
      at++;
      attributes[key] = characters(new RegExp(quote), true);
      if (xml[at] !== quote) fail('unterminated attribute value');
      at++;
    }
    at++;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      text += characters(/</);
      if (at >= xml.length) fail(`<${tag}> is not closed`);
      if (xml.startsWith('</', at)) break;
      if (/^<[!?]/.test(xml.slice(at))) fail('a comment, CDATA section or processing instruction');
      children.push(element());
    }
    at += 2;
    if (name() !== tag) fail(`the end tag does not match <${tag}>`);
    skipSpace();
    if (xml[at] !== '>') fail('expected ">"');
    at++;
    return { name: tag, attributes, children, text };
  };
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml) ?? fail('expected the XML declaration');
  at = declaration[0].length;
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}
