import { renderMarkdown } from '@app/markdown';
import { sanitizePostHtml } from './sanitize';

// Everything the renderer may emit. The checks below read the output as a browser would, independently of
// the renderer's own link policy, so a bug there cannot hide itself.
const ALLOWED_TAGS = new Set([
  'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'class', 'data-handle', 'data-post-number', 'start']);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
const ATTRIBUTE = /\s([^\s=/>]+)(?:="([^"]*)")?/g;

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', quot: '"', lt: '<', gt: '>', amp: '&' };

/** Character references decoded once, as a browser does for an attribute value (semicolons optional). */
function decodeOnce(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+);?|#([0-9]+);?|([a-z]+);)/gi, (match, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    if (dec !== undefined) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    return NAMED[name!.toLowerCase()] ?? match;
  });
}

/** The scheme a browser would see: it drops ASCII tab/newline anywhere and C0 controls/space at the start. */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  url = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1].toLowerCase();
}

function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|img|svg|math|style|object|embed|form|input|link|meta|base|video|audio)\b/i);
  for (const [tag, name, attributes] of html.matchAll(TAG)) {
    expect(ALLOWED_TAGS).toContain(name.toLowerCase());
    expect(tag).not.toMatch(/\son\w+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(decodeOnce(tag)).not.toMatch(/javascript:|vbscript:/i);
    for (const [, attribute, value = ''] of attributes.matchAll(ATTRIBUTE)) {
      expect(ALLOWED_ATTRIBUTES).toContain(attribute.toLowerCase());
      if (attribute === 'href') expect([undefined, 'http', 'https', 'mailto']).toContain(schemeOf(decodeOnce(value)));
    }
  }
}

/** Classic payloads. Raw HTML comes out escaped as text (html is off), so only markup is inspected for them. */
const PAYLOADS: [string, string][] = [
  ['javascript: link', '[x](javascript:alert(1))'],
  ['mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
  ['decimal entity in the scheme', '[x](&#106;avascript:alert(1))'],
  ['hex entity in the scheme', '[x](&#x6A;avascript:alert(1))'],
  ['&colon; entity', '[x](javascript&colon;alert(1))'],
  ['tab entity inside the scheme', '[x](java&#x09;script:alert(1))'],
  ['newline entity inside the scheme', '[x](java&#10;script:alert(1))'],
  ['entities without semicolons', '[x](&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1))'],
  ['leading control character entity', '[x](&#1;javascript:alert(1))'],
  ['NUL inside the scheme', '[x](java\u0000script:alert(1))'],
  ['angle-bracket destination with a space', '[x](<java script:alert(1)>)'],
  ['destination on the next line', '[x](\njavascript:alert(1))'],
  ['javascript:// comment trick', '[x](javascript://%0Aalert(1))'],
  ['reference definition', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['autolink', '<javascript:alert(1)>'],
  ['upper-case autolink', '<JAVASCRIPT:alert(1)>'],
  ['vbscript: link', '[x](vbscript:msgbox(1))'],
  ['data:text/html link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['javascript: image', '![x](javascript:alert(1))'],
  ['file: link', '[x](file:///etc/passwd)'],
  ['script tag', '<script>alert(1)</script>'],
  ['script tag in a paragraph', 'hello <script src="//evil.example/x.js"></script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['raw anchor', '<a href="javascript:alert(1)">x</a>'],
  ['raw anchor with target', '<a href="https://evil.example" target="_blank">x</a>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['style element', '<style>body{display:none}</style>'],
  ['HTML block', '<div onmouseover="alert(1)">\nx\n</div>'],
  ['onmouseover through a link title', '[x](https://example.org "onmouseover=alert(1)")'],
  ['quote-breaking link title', '[x](https://example.org "\\" onmouseover=\\"alert(1)")'],
  ['quote-breaking destination', '[x](https://example.org"onmouseover="alert(1))'],
  ['quote-breaking image alt', '![" onerror="alert(1)](https://example.org/a.png)'],
  ['HTML inside link text', '[<img src=x onerror=alert(1)>](https://example.org)'],
  ['script in a code span', '`<script>alert(1)</script>`'],
  ['script in a fence', '```html\n<script>alert(1)</script>\n```'],
  ['fence info injection', '```" onclick="alert(1)\nx\n```'],
  ['mention injection', '@bob"><script>alert(1)</script>'],
  ['script inside a post quote', '[quote=1]\n<script>alert(1)</script>\n[/quote]'],
  ['javascript: inside a post quote', '[quote=1]\n[x](javascript:alert(1))\n[/quote]'],
  ['HTML comment', '<!-- x --><script>alert(1)</script>'],
  ['CDATA', '<![CDATA[<script>alert(1)</script>]]>'],
  ['table cell with HTML', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
];

describe('XSS payloads render to inert HTML', () => {
  it('covers at least 25 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(PAYLOADS)('%s', (_name, payload) => {
    expectSafe(renderMarkdown(payload, { mentionable: () => true }).html);
  });

  // For link syntax the text stays and the URL disappears entirely, not just from the href.
  const linkPayloads = PAYLOADS.filter(([name, payload]) => /^\[x\]\((?!https)/.test(payload) && name !== 'entities without semicolons');
  it.each(linkPayloads)('%s keeps the text "x" and no trace of the URL', (_name, payload) => {
    const { html, links } = renderMarkdown(payload);
    expect(html).not.toMatch(/javascript:|vbscript:|data:|file:/i);
    expect(html.replace(/<[^>]*>/g, '')).toMatch(/^x/);
    expect(links.filter((href) => schemeOf(href) !== undefined)).toEqual([]);
  });

  it('leaves entities without semicolons undecoded (CommonMark needs the ";"), so the href is an escaped relative path', () => {
    const { html } = renderMarkdown('[x](&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1))');
    expect(html).toBe('<p><a href="&amp;#106&amp;#97&amp;#118&amp;#97&amp;#115&amp;#99&amp;#114&amp;#105&amp;#112&amp;#116&amp;#58alert(1)">x</a></p>');
  });

  it('survives 500 random mixes of markdown syntax and payload fragments', () => {
    const fragments = [
      '[', ']', '(', ')', '<', '>', '!', '`', '*', '_', '"', "'", '\n', ' ', '&#106;', '&colon;', 'javascript:',
      'data:', 'alert(1)', 'onerror=', 'style=', '<script>', '<img', 'http://a.b', '@bob', '[quote=1]\n', '\n[/quote]\n',
      '> ', '- ', '|', '---', '\\', '&', '#', ' "title"',
    ];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const payload = Array.from({ length: 40 }, () => fragments[Math.floor(random() * fragments.length)]).join('');
      expectSafe(renderMarkdown(payload, { mentionable: () => true }).html);
    }
  });
});

describe('the sanitizer on its own (second line of defence)', () => {
  it('removes script, iframe, img, svg, style and object elements', () => {
    const html = sanitizePostHtml(
      '<p>a</p><script>alert(1)</script><iframe src="https://x.org"></iframe><img src=x onerror=alert(1)>' +
        '<svg onload=alert(1)><circle/></svg><style>p{}</style><object data="x"></object>',
    );
    expect(html).toBe('<p>a</p>');
  });

  it('strips event handlers, style, id, name and target, and drops disallowed hrefs', () => {
    expect(
      sanitizePostHtml('<a href="javascript:alert(1)" onclick="x" style="color:red" id="main" name="x" target="_blank">x</a>'),
    ).toBe('<a>x</a>');
    expect(sanitizePostHtml('<a href=" java&#x09;script:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizePostHtml('<a href="data:text/html,x">x</a>')).toBe('<a>x</a>');
    expect(sanitizePostHtml('<p id="top" onmouseover="x" style="x">p</p>')).toBe('<p>p</p>');
  });

  it('sets rel on external links whatever rel they came with, and none on relative ones', () => {
    expect(sanitizePostHtml('<a href="https://x.org" rel="opener" target="_blank">x</a>')).toBe(
      '<a href="https://x.org" rel="nofollow ugc noopener noreferrer">x</a>',
    );
    expect(sanitizePostHtml('<a href="\\\\evil.example">x</a>')).toBe(
      '<a href="\\\\evil.example" rel="nofollow ugc noopener noreferrer">x</a>',
    );
    expect(sanitizePostHtml('<a href="/t/1" rel="opener">x</a>')).toBe('<a href="/t/1">x</a>');
  });

  it('demotes h1 and h2', () => {
    expect(sanitizePostHtml('<h1>a</h1><h2>b</h2>')).toBe('<h3>a</h3><h4>b</h4>');
  });

  it('keeps only the known classes and well-formed data attributes', () => {
    expect(sanitizePostHtml('<span class="mention admin" data-handle="bob">@bob</span>')).toBe(
      '<span class="mention" data-handle="bob">@bob</span>',
    );
    expect(sanitizePostHtml('<span class="mention" data-handle="b&quot;><x">@b</span>')).toBe('<span class="mention">@b</span>');
    expect(sanitizePostHtml('<blockquote class="post-quote x" data-post-number="3 x">q</blockquote>')).toBe(
      '<blockquote class="post-quote">q</blockquote>',
    );
    expect(sanitizePostHtml('<div class="x"><u>t</u></div>')).toBe('t');
  });
});
