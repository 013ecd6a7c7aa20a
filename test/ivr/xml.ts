/**
 * A strict, DOM-free XML parser for the tests: enough of XML 1.0 to prove a TwiML document is
 * well-formed (one root, matched tags, quoted and unique attributes, only the five predefined
 * entities or character references, no stray "<" or "&"), and to hand back its tree.
 */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at offset ${i}: …${source.slice(Math.max(0, i - 20), i + 20)}…`);
  };
  const skipSpace = () => {
    while (i < source.length && /[ \t\r\n]/.test(source[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) return fail("expected a name");
    i += m[0].length;
    return m[0];
  };
  const decode = (raw: string): string => {
    if (/[<]/.test(raw)) fail("'<' in text or attribute");
    return raw.replace(/&([^;]*);|&/g, (_whole, ref: string | undefined) => {
      if (ref === undefined) return fail("bare '&'");
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!num) return fail(`unknown entity &${ref};`);
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      if (!(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) {
        fail(`character reference to an illegal character ${cp}`);
      }
      return String.fromCodePoint(cp);
    });
  };
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(source)) fail("a character XML does not allow");

  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected '<'");
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected whitespace before an attribute");
      const attr = name();
      skipSpace();
      if (source[i] !== "=") fail("expected '='");
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail("expected a quoted attribute value");
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail("unterminated attribute value");
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(source.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const lt = source.indexOf("<", i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(source.slice(i, lt));
      i = lt;
      if (source.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (source[i] !== ">") fail("expected '>'");
        i++;
        return el;
      }
      if (source.startsWith("<!--", i) || source.startsWith("<![CDATA[", i) || source.startsWith("<?", i))
        fail("comments, CDATA and processing instructions are not expected in TwiML");
      el.children.push(element());
    }
  };

  const decl = /^<\?xml version="1\.0"(?: encoding="UTF-8")?\?>/.exec(source);
  if (decl) i = decl[0].length;
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== source.length) fail("content after the root element");
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
