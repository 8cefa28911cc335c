import { MAX_QUOTE_DEPTH, renderMarkdown } from '@app/markdown';

const postUrl = (postNumber: number) => `/topics/t1/posts/${postNumber}`;
const render = (source: string) => renderMarkdown(source, { postUrl });
const source = (postNumber: number) => `<p class="post-quote-source"><a href="${postUrl(postNumber)}">Post #${postNumber}</a></p>`;

describe('quotes: [quote=N] … [/quote]', () => {
  it('renders a post-quote blockquote with the content and a link back to post N, and reports N', () => {
    const result = render('[quote=12]\nWe should **change** the rubric.\n[/quote]\n\nI agree.');
    expect(result.html).toBe(
      '<blockquote class="post-quote" data-post-number="12">\n' +
        '<p>We should <strong>change</strong> the rubric.</p>\n' +
        `${source(12)}\n` +
        '</blockquote>\n' +
        '<p>I agree.</p>',
    );
    expect(result.quotes).toEqual([{ postNumber: 12 }]);
  });

  it('links to #post-N when the caller gives no postUrl', () => {
    expect(renderMarkdown('[quote=3]\nx\n[/quote]').html).toContain('<a href="#post-3">Post #3</a>');
  });

  it('accepts any case and trailing spaces on the marker lines', () => {
    expect(render('[QUOTE=5]  \nx\n[/Quote] ').quotes).toEqual([{ postNumber: 5 }]);
  });

  it('renders block markdown inside the quote', () => {
    const html = render('[quote=2]\n- one\n- two\n\n```\ncode\n```\n[/quote]').html;
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<pre><code>code\n</code></pre>');
  });

  it('reports distinct quoted posts in order of appearance, nested quotes included', () => {
    const result = render('[quote=7]\n[quote=3]\ninner\n[/quote]\nouter\n[/quote]\n\n[quote=9]\nb\n[/quote]\n[quote=3]\nc\n[/quote]');
    expect(result.quotes).toEqual([{ postNumber: 7 }, { postNumber: 3 }, { postNumber: 9 }]);
    expect(result.html.match(/<blockquote class="post-quote"/g)).toHaveLength(4);
  });

  it('nests quotes by pairing markers like brackets', () => {
    const html = render('[quote=1]\na\n[quote=2]\nb\n[/quote]\nc\n[/quote]').html;
    expect(html).toBe(
      '<blockquote class="post-quote" data-post-number="1">\n<p>a</p>\n' +
        `<blockquote class="post-quote" data-post-number="2">\n<p>b</p>\n${source(2)}\n</blockquote>\n` +
        `<p>c</p>\n${source(1)}\n</blockquote>`,
    );
  });

  it('can start right after a paragraph line, without a blank line', () => {
    const result = render('As said:\n[quote=4]\nx\n[/quote]');
    expect(result.html).toMatch(/^<p>As said:<\/p>\n<blockquote class="post-quote" data-post-number="4">/);
    expect(result.quotes).toEqual([{ postNumber: 4 }]);
  });

  it(`stops recognising quotes nested deeper than ${MAX_QUOTE_DEPTH} levels (they stay text)`, () => {
    const depth = MAX_QUOTE_DEPTH + 2;
    const nested = Array.from({ length: depth }, (_, i) => `[quote=${i + 1}]`).join('\n') + '\nx\n' + '[/quote]\n'.repeat(depth);
    const result = render(nested);
    expect(result.quotes).toHaveLength(MAX_QUOTE_DEPTH);
    expect(result.html.match(/<blockquote/g)).toHaveLength(MAX_QUOTE_DEPTH);
    expect(result.html).toContain(`[quote=${MAX_QUOTE_DEPTH + 1}]`);
  });
});

describe('quotes: what is not a quote', () => {
  it('leaves an unclosed [quote=N] as text instead of swallowing the rest of the post', () => {
    const result = render('[quote=3]\nnot closed\n\nrest');
    expect(result.html).toBe('<p>[quote=3]<br />\nnot closed</p>\n<p>rest</p>');
    expect(result.quotes).toEqual([]);
  });

  it.each([
    ['a zero post number', '[quote=0]'],
    ['a negative post number', '[quote=-1]'],
    ['a post number that is not a number', '[quote=abc]'],
    ['a post number of more than 9 digits', '[quote=1234567890]'],
    ['text after the marker on the same line', '[quote=3] hello'],
    ['a marker inside a sentence', 'see [quote=3]'],
    ['spaces inside the marker', '[quote = 3]'],
  ])('ignores %s', (_name, opener) => {
    const result = render(`${opener}\nx\n[/quote]`);
    expect(result.quotes).toEqual([]);
    expect(result.html).not.toContain('<blockquote');
  });

  it('ignores markers inside fenced and indented code', () => {
    expect(render('```\n[quote=3]\nx\n[/quote]\n```').quotes).toEqual([]);
    expect(render('    [quote=3]\n    x\n    [/quote]').quotes).toEqual([]);
  });

  it('ignores markers inside a > blockquote or a list item (only the quote button writes them, at top level)', () => {
    expect(render('> [quote=3]\n> x\n> [/quote]').quotes).toEqual([]);
    expect(render('- [quote=3]\n  x\n  [/quote]').quotes).toEqual([]);
  });

  it('leaves a stray [/quote] as text', () => {
    expect(render('a\n[/quote]').html).toBe('<p>a<br />\n[/quote]</p>');
  });
});

describe('quotes: the back-link is held to the link policy', () => {
  it('drops a javascript: URL returned by postUrl and keeps the link text', () => {
    const html = renderMarkdown('[quote=3]\nx\n[/quote]', { postUrl: () => 'javascript:alert(1)' }).html;
    expect(html).toContain('<p class="post-quote-source"><a>Post #3</a></p>');
    expect(html).not.toContain('javascript:');
  });

  it('escapes whatever postUrl returns', () => {
    const html = renderMarkdown('[quote=3]\nx\n[/quote]', { postUrl: () => '/p?a="><script>' }).html;
    expect(html).not.toContain('<script');
    expect(html).toContain('href="/p?a=&quot;&gt;&lt;script&gt;"');
  });

  it('does not count the back-link among the post links', () => {
    expect(render('[quote=3]\nsee [doc](/d)\n[/quote]').links).toEqual(['/d']);
  });
});
