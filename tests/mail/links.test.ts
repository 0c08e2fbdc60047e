import { extractLinks, htmlToText, MAX_LINKS } from '../../src/mail/links';
import { decodeEntities } from '../../src/mail/html';

describe('extractLinks from HTML', () => {
  it('pairs each anchor target with the text the reader sees', () => {
    const html = '<p>Sign in: <a href="http://evil.example/login?a=1&amp;b=2">https://www.paypal.com/<b>signin</b></a></p>';
    expect(extractLinks(html, undefined)).toEqual([{ href: 'http://evil.example/login?a=1&b=2', text: 'https://www.paypal.com/signin', source: 'html' }]);
  });

  it('decodes entities and collapses whitespace in the visible text', () => {
    const html = '<a href="https://example.com/">\n   Account&nbsp;&amp;\n  Billing&#x3000;&#26085;  </a>';
    expect(extractLinks(html, undefined)).toEqual([{ href: 'https://example.com/', text: 'Account & Billing\u3000日', source: 'html' }]);
  });

  it('reads unquoted, single-quoted and upper-case attributes, and hrefs with spaces and tabs', () => {
    const html = "<A HREF=https://a.example/x>A</A><a href='https://b.example/y'>B</a><a href=\" https://c.exa\tmple/z \">C</a>";
    expect(extractLinks(html, undefined).map((link) => link.href)).toEqual(['https://a.example/x', 'https://b.example/y', 'https://c.example/z']);
  });

  it('keeps a query string that looks like a legacy entity (&copy=) intact', () => {
    expect(extractLinks('<a href="https://x.example/?a=1&copy=2&lang=en">x</a>', undefined)[0].href).toBe('https://x.example/?a=1&copy=2&lang=en');
  });

  it('includes <area href> with its alt text, and mailto: and javascript: targets', () => {
    const html = '<map><area shape="rect" href="https://map.example/a" alt="Open"></map><a href="mailto:x@example.com">mail</a><a href="javascript:void(0)">js</a>';
    expect(extractLinks(html, undefined)).toEqual([
      { href: 'https://map.example/a', text: 'Open', source: 'html' },
      { href: 'mailto:x@example.com', text: 'mail', source: 'html' },
      { href: 'javascript:void(0)', text: 'js', source: 'html' },
    ]);
  });

  it('skips fragment-only and empty hrefs and anchors without href', () => {
    expect(extractLinks('<a href="#top">top</a><a href="">e</a><a name="x">n</a>', undefined)).toEqual([]);
  });

  it('ignores links inside comments, scripts and styles', () => {
    const html = '<!-- <a href="http://c.example">c</a> --><script>document.write("<a href=\'http://s.example\'>s</a>")</script><style>a[href="http://t.example"]{}</style><a href="http://real.example">real</a>';
    expect(extractLinks(html, undefined).map((link) => link.href)).toEqual(['http://real.example']);
  });

  it('treats a quoted ">" as part of an attribute, and a new <a> as closing the open one', () => {
    const html = '<a title="a > b" href="http://one.example">one<a href="http://two.example">two</a>';
    expect(extractLinks(html, undefined)).toEqual([
      { href: 'http://one.example', text: 'one', source: 'html' },
      { href: 'http://two.example', text: 'two', source: 'html' },
    ]);
  });

  it('keeps an image-only link with empty text, and an anchor never closed', () => {
    expect(extractLinks('<a href="http://img.example"><img src="cid:x" alt="Click"></a><a href="http://open.example">open', undefined)).toEqual([
      { href: 'http://img.example', text: '', source: 'html' },
      { href: 'http://open.example', text: 'open', source: 'html' },
    ]);
  });

  it('keeps exact duplicates once but the same target with different text twice', () => {
    const html = '<a href="http://x.example">a</a><a href="http://x.example">a</a><a href="http://x.example">b</a>';
    expect(extractLinks(html, undefined).map((link) => link.text)).toEqual(['a', 'b']);
  });
});

describe('extractLinks from text', () => {
  it('finds http, https and www. URLs and trims trailing punctuation', () => {
    const text = 'Go to https://a.example/path. Or (http://b.example/x), or www.c.example/login!';
    expect(extractLinks(undefined, text).map((link) => link.href)).toEqual(['https://a.example/path', 'http://b.example/x', 'www.c.example/login']);
  });

  it('keeps balanced parentheses and stops at Japanese text and full-width punctuation', () => {
    const text = '詳細はhttps://ja.wikipedia.org/wiki/Foo_(bar)を参照。ログイン：https://login.example.jp/verifyから、「www.example.co.jp」';
    expect(extractLinks(undefined, text).map((link) => link.href)).toEqual([
      'https://ja.wikipedia.org/wiki/Foo_(bar)',
      'https://login.example.jp/verify',
      'www.example.co.jp',
    ]);
  });

  it('keeps look-alike Unicode in a URL so rules can see it', () => {
    expect(extractLinks(undefined, 'https://аррӏе.com/id')[0].href).toBe('https://аррӏе.com/id');
  });

  it('does not start a URL inside a word or a host', () => {
    expect(extractLinks(undefined, 'xhttp://no.example foo.www.no.example')).toEqual([]);
  });

  it('uses the URL itself as the text and does not repeat a URL an HTML link already covers', () => {
    const html = '<a href="http://evil.example/">https://bank.example/</a>';
    const text = 'https://bank.example/ http://evil.example/ https://other.example/';
    expect(extractLinks(html, text)).toEqual([
      { href: 'http://evil.example/', text: 'https://bank.example/', source: 'html' },
      { href: 'https://other.example/', text: 'https://other.example/', source: 'text' },
    ]);
  });
});

describe('extractLinks from an HTML-only message', () => {
  it('finds URLs written as text outside anchors, but not the URL an anchor shows', () => {
    const html = '<p>Copy this into your browser: https://evil.example/<b>verify</b></p><p><a href="http://evil.example/x">Visit www.bank.example now</a></p><div>www.other.example</div>';
    expect(extractLinks(html, undefined)).toEqual([
      { href: 'http://evil.example/x', text: 'Visit www.bank.example now', source: 'html' },
      { href: 'https://evil.example/verify', text: 'https://evil.example/verify', source: 'text' },
      { href: 'www.other.example', text: 'www.other.example', source: 'text' },
    ]);
  });

  it('reads only the plain text for text URLs when one is given', () => {
    expect(extractLinks('<p>https://only-in-html.example/</p>', 'no links here')).toEqual([]);
  });
});

describe('extractLinks at scale', () => {
  it('processes at most MAX_LINKS links', () => {
    const html = Array.from({ length: MAX_LINKS + 500 }, (_, i) => `<a href="https://x.example/${i}">${i}</a>`).join('');
    const links = extractLinks(html, 'https://after.example/');
    expect(links).toHaveLength(MAX_LINKS);
    expect(links[MAX_LINKS - 1].href).toBe(`https://x.example/${MAX_LINKS - 1}`);
  });

  it('handles 5 MB of HTML with 20,000 links', () => {
    const filler = '<p style="color:red">Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit &amp; more.</p>\n';
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(`<a href="https://host${i % 50}.example/p/${i}">link ${i}</a>`, filler);
    let html = parts.join('');
    while (html.length < 5 * 1024 * 1024) html += filler.repeat(1000);
    const links = extractLinks(html, undefined);
    expect(links).toHaveLength(20_000);
    expect(links[19_999]).toEqual({ href: 'https://host49.example/p/19999', text: 'link 19999', source: 'html' });
    const text = htmlToText(html);
    expect(text).toContain('link 19999');
    expect(text).not.toContain('<');
  });

  it('stays linear on hostile markup: unclosed comments, quotes, tags and script', () => {
    for (const hostile of ['<!--'.repeat(200_000), '<a href="'.repeat(200_000), '<'.repeat(500_000), '<script>'.repeat(100_000), '&#'.repeat(300_000), '<head>'.repeat(100_000)]) {
      expect(typeof htmlToText(hostile)).toBe('string');
      expect(Array.isArray(extractLinks(hostile, hostile))).toBe(true);
    }
  });
});

describe('htmlToText', () => {
  it('drops head, script, style and comments and keeps the readable text', () => {
    const html = '<html><head><title>Title</title><style>p{color:red}</style><script>alert(1)</script></head><body><!-- hidden --><p>Hello</p></body></html>';
    expect(htmlToText(html)).toBe('Hello');
  });

  it('turns blocks and <br> into line breaks, paragraphs into blank lines, cells into spaces, and joins inline tags without spaces', () => {
    const html = '<div>Pay<b>Pal</b> account</div><p>line one<br>line two</p><table><tr><td>a</td><td>b</td></tr></table><div><div><div>deep</div></div></div>';
    expect(htmlToText(html)).toBe('PayPal account\n\nline one\nline two\n\na b\n\ndeep');
  });

  it('decodes named, decimal and hex entities, including legacy ones without ";"', () => {
    expect(htmlToText('&lt;b&gt; &amp;amp; &copy; &#26085;&#x672C; &#150; &nbsp;x &amp &hellip; &unknown;')).toBe('<b> &amp; © 日本 – x & … &unknown;');
  });

  it('replaces invalid numeric references with U+FFFD rather than failing', () => {
    expect(htmlToText('&#0;&#xD800;&#99999999;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('keeps text a browser shows even when it sits inside <head>', () => {
    expect(htmlToText('<head>Your mailbox is full</head><body>x</body>')).toBe('Your mailbox is full\nx');
  });

  it('collapses whitespace, keeps line breaks in <pre>, and limits blank lines', () => {
    expect(htmlToText('  a \n\t b  ')).toBe('a b');
    expect(htmlToText('<pre>x\n  y</pre>')).toBe('x\ny');
    expect(htmlToText('<p>a</p><p></p><p></p><p>b</p>')).toBe('a\n\nb');
  });

  it('treats a stray "<" as text', () => {
    expect(htmlToText('1 < 2 and 3 <= 4')).toBe('1 < 2 and 3 <= 4');
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToText('')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('leaves legacy entities followed by "=" or a letter alone in attributes only', () => {
    expect(decodeEntities('a&copy=1', true)).toBe('a&copy=1');
    expect(decodeEntities('a&copy=1', false)).toBe('a©=1');
    expect(decodeEntities('a&amp;b', true)).toBe('a&b');
  });
});
