import { parseXml } from './xml';

// The manifest checks are only as good as this reader: it must refuse what Outlook's parser refuses.
describe('the strict XML reader used by the manifest checks', () => {
  it('reads elements, attributes and text', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1"><b y=\'2\'/>text<c>more</c></a>');
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0].attributes).toEqual({ y: '2' });
    expect(root.text).toBe('text');
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['a crossed closing tag', '<a><b></a></b>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['a bare ampersand in an attribute', '<a x="a&b"/>'],
    ['"--" inside a comment', '<!-- a -- b --><a/>'],
    ['two root elements', '<a/><b/>'],
    ['a never-closed root', '<a>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(/XML line/);
  });
});
