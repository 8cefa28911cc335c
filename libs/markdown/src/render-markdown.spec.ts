import { MAX_MARKDOWN_BYTES, RENDERER_VERSION, renderMarkdown } from '@app/markdown';

const html = (source: string) => renderMarkdown(source).html;
const EXTERNAL = 'rel="nofollow ugc noopener noreferrer"';

describe('renderMarkdown: the exported contract', () => {
  it('exposes RENDERER_VERSION as a positive integer to store beside rendered HTML', () => {
    expect(Number.isInteger(RENDERER_VERSION)).toBe(true);
    expect(RENDERER_VERSION).toBeGreaterThan(0);
  });

  it('exposes MAX_MARKDOWN_BYTES as 64 KiB for callers to enforce', () => {
    expect(MAX_MARKDOWN_BYTES).toBe(65_536);
  });

  it('returns empty HTML and empty lists for empty or blank source', () => {
    for (const source of ['', '   ', '\n\n\t\n']) {
      expect(renderMarkdown(source)).toEqual({ html: '', mentions: [], quotes: [], links: [] });
    }
  });

  it('renders the same source to the same HTML on every call (the shared parser keeps no state between calls)', () => {
    const source = '[quote=2]\nhi @bob\n[/quote]\n\n@bob see [x](https://example.org)';
    const options = { mentionable: new Set(['bob']) };
    const first = renderMarkdown(source, options);
    renderMarkdown('[quote=9]\nother\n[/quote]\n@carol', { mentionable: () => true });
    expect(renderMarkdown(source, options)).toEqual(first);
  });
});

describe('renderMarkdown: basic markdown', () => {
  it('renders paragraphs, emphasis, strong and strikethrough', () => {
    expect(html('Hello *there* **friend** ~~old~~')).toBe(
      '<p>Hello <em>there</em> <strong>friend</strong> <s>old</s></p>',
    );
  });

  it('turns a single newline into <br> as people expect in chat and forum replies', () => {
    expect(html('line one\nline two')).toBe('<p>line one<br />\nline two</p>');
  });

  it('renders inline code and fenced code with a language class, escaping the code', () => {
    expect(html('use `a < b`')).toBe('<p>use <code>a &lt; b</code></p>');
    expect(html('```ts\nconst x = "<b>";\n```')).toBe(
      '<pre><code class="language-ts">const x = "&lt;b&gt;";\n</code></pre>',
    );
  });

  it('drops a fence info string that is not a plain language name', () => {
    expect(html('```js" onclick="x\ncode\n```')).toBe('<pre><code>code\n</code></pre>');
  });

  it('renders lists, an ordered list start number, block quotes and rules', () => {
    expect(html('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(html('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p>\n<hr />\n<p>b</p>');
  });

  it('renders tables, turning column alignment into classes instead of style attributes', () => {
    const out = html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(out).toContain('<th class="align-left">a</th>');
    expect(out).toContain('<th class="align-center">b</th>');
    expect(out).toContain('<td class="align-right">3</td>');
    expect(out).not.toContain('style=');
  });

  it('shows raw HTML as text, because html is off in the parser', () => {
    expect(html('<b>bold</b> <em>x</em>')).toBe('<p>&lt;b&gt;bold&lt;/b&gt; &lt;em&gt;x&lt;/em&gt;</p>');
  });

  it('leaves typography alone (no smart quotes or dash replacement)', () => {
    expect(html('"quoted" -- (c)')).toBe('<p>"quoted" -- (c)</p>');
  });
});

describe('renderMarkdown: headings never produce page-level h1/h2', () => {
  it.each([
    ['# one', '<h3>one</h3>'],
    ['## two', '<h4>two</h4>'],
    ['### three', '<h5>three</h5>'],
    ['#### four', '<h6>four</h6>'],
    ['##### five', '<h6>five</h6>'],
    ['###### six', '<h6>six</h6>'],
    ['setext one\n===', '<h3>setext one</h3>'],
    ['setext two\n---', '<h4>setext two</h4>'],
  ])('demotes %j', (source, expected) => {
    expect(html(source)).toBe(expected);
  });

  it('gives headings no id, so user content cannot clobber ids of the page', () => {
    expect(html('# Main\n\n## content')).not.toMatch(/\sid=/);
  });
});

describe('renderMarkdown: links', () => {
  it('marks absolute http(s) links as external user content and never sets target', () => {
    expect(html('[site](https://example.org/a)')).toBe(`<p><a href="https://example.org/a" ${EXTERNAL}>site</a></p>`);
    expect(html('[site](http://example.org)')).toBe(`<p><a href="http://example.org" ${EXTERNAL}>site</a></p>`);
    expect(html('[site](https://example.org)')).not.toContain('target');
  });

  it('treats protocol-relative links as external', () => {
    expect(html('[site](//example.org)')).toBe(`<p><a href="//example.org" ${EXTERNAL}>site</a></p>`);
  });

  it('keeps relative and mailto links without rel', () => {
    expect(html('[t](/topics/1)')).toBe('<p><a href="/topics/1">t</a></p>');
    expect(html('[t](#post-3)')).toBe('<p><a href="#post-3">t</a></p>');
    expect(html('[t](../x?y=1)')).toBe('<p><a href="../x?y=1">t</a></p>');
    expect(html('[mail](mailto:dean@example.edu)')).toBe('<p><a href="mailto:dean@example.edu">mail</a></p>');
  });

  it('keeps the text and drops the link for any other scheme', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.org/f']) {
      expect(html(`[text](${href})`)).toBe('<p>text</p>');
    }
  });

  it('drops link titles (no user text inside attributes)', () => {
    expect(html('[a](https://example.org "Title")')).toBe(`<p><a href="https://example.org" ${EXTERNAL}>a</a></p>`);
  });

  it('linkifies bare URLs, www. hosts and email addresses', () => {
    expect(html('see https://example.org/x and www.example.org')).toBe(
      `<p>see <a href="https://example.org/x" ${EXTERNAL}>https://example.org/x</a> and ` +
        `<a href="http://www.example.org" ${EXTERNAL}>www.example.org</a></p>`,
    );
    expect(html('write to dean@example.edu')).toBe(
      '<p>write to <a href="mailto:dean@example.edu">dean@example.edu</a></p>',
    );
  });

  it('resolves reference-style links under the same policy', () => {
    expect(html('[good][1] [bad][2]\n\n[1]: https://example.org\n[2]: javascript:alert(1)')).toBe(
      `<p><a href="https://example.org" ${EXTERNAL}>good</a> bad</p>`,
    );
  });

  it('returns the distinct hrefs that survived, in order of appearance', () => {
    const result = renderMarkdown(
      '[a](https://b.org) [x](javascript:1) https://a.org [again](https://b.org) [r](/r) [m](mailto:x@y.org)',
    );
    expect(result.links).toEqual(['https://b.org', 'https://a.org', '/r', 'mailto:x@y.org']);
  });
});

describe('renderMarkdown: images are not shown in posts', () => {
  it('renders an image as a plain link to its source, with the alt text as the link text', () => {
    const result = renderMarkdown('![chart of results](https://example.org/chart.png)');
    expect(result.html).toBe(`<p><a href="https://example.org/chart.png" ${EXTERNAL}>chart of results</a></p>`);
    expect(result.links).toEqual(['https://example.org/chart.png']);
  });

  it('uses the URL as the link text when the alt text is empty', () => {
    expect(html('![](/files/a.png)')).toBe('<p><a href="/files/a.png">/files/a.png</a></p>');
  });

  it('keeps only the alt text for an image inside a link (no nested links)', () => {
    expect(html('[![logo](https://img.example/l.png)](https://example.org)')).toBe(
      `<p><a href="https://example.org" ${EXTERNAL}>logo</a></p>`,
    );
  });

  it('keeps only the alt text when the image source breaks the link policy', () => {
    expect(html('![pic](data:image/png;base64,AAAA)')).toBe('<p>pic</p>');
    expect(html('![](javascript:alert(1))')).toBe('<p></p>');
  });

  it('never emits an <img> element', () => {
    expect(html('![a](https://x.org/a.png) ![b](b.png) ![c][r]\n\n[r]: /c.png')).not.toContain('<img');
  });
});
