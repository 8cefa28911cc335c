import { publishProblems, type InstrumentSection } from './instrument-model';

const likert = (key: string) => ({ key, type: 'likert' as const, prompt: `Prompt ${key}`, required: true });

describe('publishProblems', () => {
  it('passes a complete version', () => {
    expect(
      publishProblems([
        {
          key: 'a',
          title: 'A',
          items: [likert('q1'), { key: 'q2', type: 'single', prompt: 'Pick', options: ['x', 'y'], required: false }],
        },
      ]),
    ).toEqual([]);
  });

  it('needs a section and an item', () => {
    expect(publishProblems([]).map((p) => p.message)).toEqual(['A version needs at least one section']);
    expect(publishProblems([{ key: 'a', title: 'A', items: [] }]).map((p) => p.field)).toEqual(['sections[0].items', 'sections']);
  });

  it('refuses repeated keys, even across sections', () => {
    const sections: InstrumentSection[] = [
      { key: 'a', title: 'A', items: [likert('q1')] },
      { key: 'a', title: 'B', items: [likert('q1')] },
    ];
    expect(publishProblems(sections).map((p) => p.field)).toEqual(['sections[1].key', 'sections[1].items[0].key']);
  });

  it('checks options: 2–20 distinct for choices, none for Likert and text', () => {
    const sections: InstrumentSection[] = [
      {
        key: 'a',
        title: 'A',
        items: [
          { key: 'one', type: 'single', prompt: 'p', options: ['only'], required: true },
          { key: 'dup', type: 'multiple', prompt: 'p', options: ['x', 'X '], required: true },
          { key: 'none', type: 'multiple', prompt: 'p', required: true },
          { key: 'many', type: 'single', prompt: 'p', options: Array.from({ length: 21 }, (_, i) => `o${i}`), required: true },
          { key: 'lik', type: 'likert', prompt: 'p', options: ['a', 'b'], required: true },
        ],
      },
    ];
    expect(publishProblems(sections).map((p) => p.field)).toEqual([
      'sections[0].items[0].options',
      'sections[0].items[1].options',
      'sections[0].items[2].options',
      'sections[0].items[3].options',
      'sections[0].items[4].options',
    ]);
  });
});
