import { CallbackRejected } from './callback-rejected.ts';

export type XmlObject = { [name: string]: string | XmlObject };

const MAX_DEPTH = 4;
const NAME = /^[A-Za-z_][\w.-]*/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A small strict parser for WeCom's callback XML: one root, elements holding either text (plain or
 * CDATA, mixed freely as the samples do) or child elements, no attributes. It never expands an
 * entity: a DOCTYPE is refused outright (no billion laughs, no external entities), any other `<!`
 * markup but CDATA and comments is malformed, and only the five predefined entities and character
 * references are decoded.
 */
export function parseXml(xml: string): { name: string; value: XmlObject } {
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (why: string): never => {
    throw new CallbackRejected(`malformed XML: ${why}`);
  };
  const skipSpace = () => {
    while (pos < xml.length && /\s/u.test(xml[pos]!)) pos++;
  };
  const skipComment = () => {
    const end = xml.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    pos = end + 3;
  };
  const readName = (): string => {
    const m = NAME.exec(xml.slice(pos, pos + 200));
    if (!m) return fail(`a tag name was expected at ${pos}`);
    pos += m[0].length;
    return m[0];
  };

  const element = (depth: number): { name: string; value: string | XmlObject } => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    if (xml[pos] !== '<') fail(`"<" expected at ${pos}`);
    pos++;
    const name = readName();
    skipSpace();
    if (xml.startsWith('/>', pos)) {
      pos += 2;
      return { name, value: '' };
    }
    if (xml[pos] !== '>') fail(`attributes are not expected on <${name}>`);
    pos++;
    let text = '';
    let sawText = false;
    const children: XmlObject = {};
    let hasChildren = false;
    for (;;) {
      if (pos >= xml.length) fail(`<${name}> is not closed`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (readName() !== name) fail(`</${name}> expected`);
        skipSpace();
        if (xml[pos] !== '>') fail(`">" expected at ${pos}`);
        pos++;
        break;
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos + 9);
        if (end < 0) fail('unterminated CDATA');
        text += xml.slice(pos + 9, end);
        sawText = true;
        pos = end + 3;
      } else if (xml.startsWith('<!--', pos)) {
        skipComment();
      } else if (xml[pos] === '<') {
        if (xml[pos + 1] === '!' || xml[pos + 1] === '?') fail(`unexpected markup at ${pos}`);
        const child = element(depth + 1);
        if (Object.hasOwn(children, child.name)) fail(`<${child.name}> appears twice`);
        children[child.name] = child.value;
        hasChildren = true;
      } else {
        const end = xml.indexOf('<', pos);
        const raw = xml.slice(pos, end < 0 ? xml.length : end);
        pos += raw.length;
        if (raw.trim() !== '') sawText = true;
        text += decodeText(raw, fail);
      }
    }
    if (hasChildren) {
      if (sawText) fail(`<${name}> mixes text and elements`);
      return { name, value: children };
    }
    return { name, value: text };
  };

  skipSpace();
  if (xml.startsWith('<?xml', pos)) {
    const end = xml.indexOf('?>', pos);
    if (end < 0) fail('unterminated declaration');
    pos = end + 2;
  }
  skipSpace();
  for (;;) {
    if (xml.startsWith('<!--', pos)) skipComment();
    else if (xml.slice(pos, pos + 9).toUpperCase() === '<!DOCTYPE') {
      throw new CallbackRejected('XML with a DOCTYPE (and so entity declarations) is not accepted');
    } else break;
    skipSpace();
  }
  const root = element(0);
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return { name: root.name, value: typeof root.value === 'string' ? {} : root.value };
}

function decodeText(raw: string, fail: (why: string) => never): string {
  return raw.replace(/&([^;&\s]{0,10});?/gu, (whole, ref: string) => {
    if (!whole.endsWith(';')) return fail('a bare "&" in text');
    if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/u.exec(ref);
    if (!m) return fail(`entity &${ref}; is not allowed`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return fail('bad character reference');
    return String.fromCodePoint(code);
  });
}
