import { MAX_MARKDOWN_BYTES, renderMarkdown } from '@app/markdown';

// Each case renders in tens of milliseconds on a developer machine; 2 s leaves room for a loaded CI box
// while still catching anything quadratic (which would take minutes on these sizes).
const BUDGET_MS = 2_000;
const timings: string[] = [];

function timedRender(name: string, source: string) {
  const started = performance.now();
  const result = renderMarkdown(source, { mentionable: (handle) => handle === 'bob', postUrl: (n) => `/p/${n}` });
  const elapsed = performance.now() - started;
  timings.push(`${name.padEnd(44)} ${String(source.length).padStart(9)} chars ${elapsed.toFixed(1).padStart(8)} ms`);
  expect(elapsed).toBeLessThan(BUDGET_MS);
  // Output grows linearly too: the worst case is a mention span per five characters of source.
  expect(result.html.length).toBeLessThan(16 * source.length + 1_000);
  return result;
}

function mixedPost(bytes: number): string {
  const block = [
    '## Session notes for week 3',
    '',
    'Thanks @bob and @carol for *leading* the **discussion** on ~~bias~~ structural racism in clinical vignettes.',
    'See [the reading](https://example.org/readings/3?ref=forum) and www.example.edu/guide, or mail dean@example.edu.',
    '',
    '[quote=12]',
    'We should rewrite case 4: it *assumes* the patient\'s race explains the symptoms.',
    '[/quote]',
    '',
    '> A blockquote with `inline code` and a [relative link](/topics/9#post-2).',
    '',
    '1. First point',
    '2. Second point',
    '   - nested **item**',
    '   - another one with ![a chart](https://img.example.org/c.png)',
    '',
    '| Case | Issue | Action |',
    '|:-----|:-----:|-------:|',
    '| 4 | race as cause | rewrite |',
    '| 7 | missing context | add SDOH |',
    '',
    '```ts',
    'const vignette = cases.filter((c) => c.flagged && c.week === 3);',
    '```',
    '',
    '<b>raw html</b> stays text & so do <script>alert(1)</script> tags.',
    '',
    '---',
    '',
  ].join('\n');
  return block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes);
}

describe('pathological input renders quickly and safely', () => {
  beforeAll(() => {
    // Module loading and JIT warm-up are not part of any one case.
    renderMarkdown('warm *up* @bob [x](/y)');
  });

  afterAll(() => {
    console.log(`render timings (budget ${BUDGET_MS} ms each):\n${timings.join('\n')}`);
  });

  it(`renders a ${MAX_MARKDOWN_BYTES}-byte mixed post`, () => {
    const source = mixedPost(MAX_MARKDOWN_BYTES);
    expect(Buffer.byteLength(source)).toBe(MAX_MARKDOWN_BYTES);
    const result = timedRender('64 KB mixed post', source);
    expect(result.html).toContain('<blockquote class="post-quote" data-post-number="12">');
    expect(result.html).not.toContain('<script');
    expect(result.mentions).toEqual(['bob']);
    expect(result.quotes).toEqual([{ postNumber: 12 }]);
  });

  it.each<[string, () => string]>([
    ['50,000 *', () => '*'.repeat(50_000)],
    ['50,000 * inside a paragraph', () => `a${'*'.repeat(50_000)}a`],
    ['25,000 alternating *a', () => '*a'.repeat(25_000)],
    ['8,000 unbalanced *a **b', () => '*a **b '.repeat(8_000)],
    ['50,000 _', () => `a ${'_'.repeat(50_000)} a`],
    ['50,000 [', () => '['.repeat(50_000)],
    ['25,000 [] pairs', () => '[]'.repeat(25_000)],
    ['50,000 backticks', () => '`'.repeat(50_000)],
    ['50,000 backticks inside a paragraph', () => `a ${'`'.repeat(50_000)}`],
    ['25,000 unmatched code spans', () => 'a`'.repeat(25_000) + 'b``'.repeat(5_000)],
    ['20,000 nested >', () => `${'>'.repeat(20_000)} deep`],
    ['20,000 nested > with spaces', () => `${'> '.repeat(20_000)}deep`],
    ['300 lines of deepening >', () => Array.from({ length: 300 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')],
    ['a chain of 5,000 links', () => Array.from({ length: 5_000 }, (_, i) => `[link ${i}](https://example.org/${i})`).join('')],
    ['5,000 nested link brackets', () => `${'['.repeat(5_000)}x${']'.repeat(5_000)}(https://example.org)`],
    ['5,000 reference links', () => '[a]'.repeat(5_000) + '\n\n' + '[a]: https://example.org\n'.repeat(1_000)],
    ['10,000 bare URLs', () => 'https://example.org/a '.repeat(10_000)],
    ['25,000 ![', () => '!['.repeat(25_000)],
    ['50,000 <', () => '<'.repeat(50_000)],
    ['25,000 &#', () => '&#'.repeat(25_000)],
    ['300 levels of indented lists', () => Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
    ['10,000 list markers on one line', () => `${'- '.repeat(10_000)}x`],
    ['5,000 nested ordered lists on one line', () => `${'1. '.repeat(5_000)}x`],
    ['10,000 table rows', () => '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(10_000)],
    ['20,000 table pipes', () => `${'|'.repeat(20_000)}\n${'|-'.repeat(10_000)}\n${'|x'.repeat(10_000)}`],
    ['20,000 mentions', () => '@bob '.repeat(20_000)],
    ['50,000 @', () => '@'.repeat(50_000)],
    ['a 50,000-character would-be handle', () => `@${'a'.repeat(50_000)}`],
    ['10,000 unclosed [quote=1] lines', () => '[quote=1]\n'.repeat(10_000)],
    ['10,000 stray [/quote] lines', () => '[/quote]\n'.repeat(10_000)],
    ['5,000 nested quotes', () => '[quote=1]\n'.repeat(5_000) + 'x\n' + '[/quote]\n'.repeat(5_000)],
    ['5,000 sibling quotes', () => '[quote=1]\nx\n[/quote]\n'.repeat(5_000)],
    ['20,000 backslash escapes', () => '\\*'.repeat(20_000)],
    ['50,000 blank lines', () => '\n'.repeat(50_000)],
    ['a 200,000-character line', () => 'word '.repeat(40_000)],
  ])('renders %s', (name, build) => {
    const result = timedRender(name, build());
    expect(result.html).not.toMatch(/<script|\son\w+=|style=/i);
  });
});
