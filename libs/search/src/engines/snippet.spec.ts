import { markedSnippet } from './snippet';

describe('markedSnippet', () => {
  it('marks the matches and escapes everything else', () => {
    expect(markedSnippet('a <b>\uE000racism\uE001</b> & "x"')).toBe('a &lt;b&gt;<mark>racism</mark>&lt;/b&gt; &amp; &quot;x&quot;');
  });

  it('never leaves a mark open or closes one that was not opened', () => {
    expect(markedSnippet('\uE001stray \uE000open')).toBe('stray <mark>open</mark>');
  });

  it('turns markers of another engine into marks the same way', () => {
    expect(markedSnippet('see <em>__m__x__/m__', '\u0001', '\u0002')).toBe('see &lt;em&gt;__m__x__/m__');
  });
});
