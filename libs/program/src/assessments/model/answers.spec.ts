import { checkAnswers, scoreAnswers } from './answers';
import type { InstrumentSection } from './instrument-model';

const SECTIONS: InstrumentSection[] = [
  {
    key: 'climate',
    title: 'Climate',
    items: [
      { key: 'safe', type: 'likert', prompt: 'I feel safe naming racism', required: true },
      { key: 'heard', type: 'likert', prompt: 'Concerns are heard', required: false },
      { key: 'role', type: 'single', prompt: 'Your role', options: ['Student', 'Faculty'], required: true },
    ],
  },
  {
    key: 'practice',
    title: 'Practice',
    items: [
      { key: 'tools', type: 'multiple', prompt: 'Tools used', options: ['A', 'B', 'C'], required: false },
      { key: 'notes', type: 'text', prompt: 'Anything else', required: false },
    ],
  },
];

describe('checkAnswers', () => {
  it('accepts valid answers and drops optional ones sent as null', () => {
    const result = checkAnswers(SECTIONS, { safe: 4, heard: null, role: 'Student', tools: ['A', 'C'], notes: '  fine  ' });
    expect(result).toEqual({ ok: true, answers: { safe: 4, role: 'Student', tools: ['A', 'C'], notes: 'fine' } });
  });

  it('names every wrong item: out of range, not an option, unknown key, missing required', () => {
    const result = checkAnswers(SECTIONS, { safe: 6, heard: 2.5, tools: ['A', 'Z'], notes: 'x'.repeat(2001), extra: 1 });
    expect(result.ok).toBe(false);
    const fields = (result as { problems: { field: string }[] }).problems.map((p) => p.field).sort();
    expect(fields).toEqual(['answers.extra', 'answers.heard', 'answers.notes', 'answers.role', 'answers.safe', 'answers.tools']);
  });

  it('refuses an empty or repeated multiple choice and a non-integer Likert', () => {
    expect(checkAnswers(SECTIONS, { safe: 1, role: 'Faculty', tools: [] }).ok).toBe(false);
    expect(checkAnswers(SECTIONS, { safe: 1, role: 'Faculty', tools: ['A', 'A'] }).ok).toBe(false);
    expect(checkAnswers(SECTIONS, { safe: '3', role: 'Faculty' }).ok).toBe(false);
    expect(checkAnswers(SECTIONS, { safe: 0, role: 'Faculty' }).ok).toBe(false);
  });
});

describe('scoreAnswers', () => {
  it('averages Likert answers overall and per section; a section without Likert items scores null', () => {
    expect(scoreAnswers(SECTIONS, { safe: 4, heard: 1, role: 'Student' })).toEqual({
      overall: 2.5,
      sections: { climate: 2.5, practice: null },
    });
    expect(scoreAnswers(SECTIONS, { safe: 5, role: 'Student' })).toEqual({
      overall: 5,
      sections: { climate: 5, practice: null },
    });
  });

  it('rounds to two decimals', () => {
    const three: InstrumentSection[] = [
      {
        key: 's',
        title: 'S',
        items: ['a', 'b', 'c'].map((key) => ({ key, type: 'likert' as const, prompt: key, required: true })),
      },
    ];
    expect(scoreAnswers(three, { a: 1, b: 2, c: 2 }).overall).toBe(1.67);
  });
});
