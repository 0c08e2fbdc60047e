// A small strict XML reader for checking the manifest offline (Microsoft's validator needs the network).
// It accepts only well-formed documents: balanced tags, quoted attributes, no "--" inside comments.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, pos).split('\n').length;
    throw new Error(`XML line ${line}: ${message}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(source[pos] ?? '')) pos++;
      if (source.startsWith('<?', pos)) {
        const end = source.indexOf('?>', pos);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        if (source.slice(pos + 4, end).includes('--')) fail('"--" inside a comment');
        pos = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (source[pos] !== '<') fail('expected an element');
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0] ?? fail('bad element name');
    pos += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(source[pos])) pos++;
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      const attr = NAME.exec(source.slice(pos))?.[0] ?? fail(`bad attribute in <${name}>`);
      pos += attr.length;
      if (source[pos] !== '=') fail(`attribute ${attr} without a value`);
      const quote = source[pos + 1];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
      const end = source.indexOf(quote, pos + 2);
      if (end < 0) fail(`unterminated attribute ${attr}`);
      if (attr in attributes) fail(`duplicate attribute ${attr}`);
      const value = source.slice(pos + 2, end);
      if (value.includes('<') || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(value)) fail(`bad character in attribute ${attr}`);
      attributes[attr] = value;
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`<${name}> is never closed`);
      if (source.startsWith('</', pos)) {
        const close = NAME.exec(source.slice(pos + 2))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        pos += 2 + name.length;
        while (/\s/.test(source[pos])) pos++;
        if (source[pos] !== '>') fail(`bad closing tag for ${name}`);
        pos++;
        return { name, attributes, children, text: text.trim() };
      }
      if (source.startsWith('<!--', pos)) {
        skipMisc();
        continue;
      }
      if (source[pos] === '<') {
        children.push(element());
        continue;
      }
      const next = source.indexOf('<', pos);
      text += source.slice(pos, next < 0 ? source.length : next);
      pos = next < 0 ? source.length : next;
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
