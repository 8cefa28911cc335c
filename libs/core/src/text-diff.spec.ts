import { diffLines } from './text-diff';

describe('diffLines', () => {
  it('says nothing changed for equal texts', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual({ parts: [], skippedLines: 2 });
  });

  it('shows a changed line as removed then added, between unchanged ones', () => {
    expect(diffLines('one\ntwo\nthree', 'one\nTWO\nthree').parts).toEqual([
      { op: 'same', lines: ['one'] },
      { op: 'removed', lines: ['two'] },
      { op: 'added', lines: ['TWO'] },
      { op: 'same', lines: ['three'] },
    ]);
  });

  it('finds insertions and deletions without marking the whole text changed', () => {
    const { parts } = diffLines('a\nb\nc\nd', 'a\nc\nd\ne');
    expect(parts).toEqual([
      { op: 'same', lines: ['a'] },
      { op: 'removed', lines: ['b'] },
      { op: 'same', lines: ['c', 'd'] },
      { op: 'added', lines: ['e'] },
    ]);
  });

  it('cuts long unchanged runs to two lines of context around each change, and counts what it skipped', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    const { parts, skippedLines } = diffLines(before.join('\n'), after.join('\n'));
    expect(parts).toEqual([
      { op: 'same', lines: ['line 8', 'line 9'] },
      { op: 'removed', lines: ['line 10'] },
      { op: 'added', lines: ['changed'] },
      { op: 'same', lines: ['line 11', 'line 12'] },
    ]);
    expect(skippedLines).toBe(15);
  });

  it('compares very long texts as a whole instead of building a huge table', () => {
    const long = Array.from({ length: 5000 }, (_, i) => String(i)).join('\n');
    const { parts } = diffLines(long, `${long}\nmore`);
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
