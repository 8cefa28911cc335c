import { aggregateSchool, schoolMeans, trendOf, type ResponseFacts, type VersionFacts } from './aggregate';
import { toCsv } from './csv';

const VERSION: VersionFacts = {
  id: 'v1',
  version: 1,
  sections: [
    {
      key: 's',
      title: 'Section',
      items: [
        { key: 'l', type: 'likert', prompt: 'Likert', required: true },
        { key: 'c', type: 'single', prompt: 'Choice', options: ['yes', 'no'], required: true },
        { key: 'opt', type: 'likert', prompt: 'Optional', required: false },
        { key: 't', type: 'text', prompt: 'Text', required: false },
      ],
    },
  ],
};

const response = (quarter: string, l: number, c = 'yes', opt?: number): ResponseFacts => ({
  versionId: 'v1',
  quarter,
  answers: { l, c, t: 'private words', ...(opt ? { opt } : {}) },
  scores: { overall: l, sections: { s: l } },
});
const five = (quarter: string) => [1, 2, 3, 4, 5].map((l) => response(quarter, l));

describe('aggregateSchool', () => {
  it('withholds a group below five respondents entirely', () => {
    const groups = aggregateSchool(
      [VERSION],
      [1, 2, 3, 4].map((l) => response('2026-Q1', l)),
      'quarter',
    );
    expect(groups).toEqual([{ versionId: 'v1', version: 1, period: '2026-Q1', status: 'not_enough_responses' }]);
  });

  it('shows n, means, Likert distributions and choice counts from five up, never text, and withholds a thin item', () => {
    const rows = [1, 2, 3, 4, 5].map((l, i) => response('2026-Q1', l, i < 2 ? 'no' : 'yes', i === 0 ? 3 : undefined));
    const [group] = aggregateSchool([VERSION], rows, 'quarter');
    expect(group).toMatchObject({ status: 'ok', n: 5, meanOverall: 3, sections: [{ key: 's', title: 'Section', mean: 3 }] });
    expect((group as { items: unknown[] }).items).toEqual([
      {
        key: 'l',
        sectionKey: 's',
        prompt: 'Likert',
        type: 'likert',
        status: 'ok',
        n: 5,
        mean: 3,
        distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
      },
      {
        key: 'c',
        sectionKey: 's',
        prompt: 'Choice',
        type: 'single',
        status: 'ok',
        n: 5,
        counts: [
          { option: 'yes', count: 3 },
          { option: 'no', count: 2 },
        ],
      },
      { key: 'opt', sectionKey: 's', prompt: 'Optional', type: 'likert', status: 'not_enough_responses' },
    ]);
    expect(JSON.stringify(group)).not.toContain('private words');
  });

  it('builds a year from whole quarters only, so a year minus its quarters never uncovers a small group', () => {
    // Five in Q1 and one late answer in Q2: the year counts the five only; the late one is in no figure.
    const rows = [...five('2026-Q1'), response('2026-Q2', 5)];
    const [year] = aggregateSchool([VERSION], rows, 'year');
    expect(year).toMatchObject({ period: '2026', status: 'ok', n: 5, meanOverall: 3 });
    expect(aggregateSchool([VERSION], rows, 'quarter').map((g) => [g.period, g.status])).toEqual([
      ['2026-Q1', 'ok'],
      ['2026-Q2', 'not_enough_responses'],
    ]);
    // Three and three in a year are not enough either, though six in all.
    expect(aggregateSchool([VERSION], [...five('2025-Q1').slice(0, 3), ...five('2025-Q3').slice(0, 3)], 'year')[0].status).toBe(
      'not_enough_responses',
    );
  });

  it('counts an optional item only from quarters where five or more answered it', () => {
    const q1 = [1, 2, 3, 4, 5].map((l) => response('2026-Q1', l, 'yes', 4));
    const q2 = [1, 2, 3, 4, 5].map((l, i) => response('2026-Q2', l, 'yes', i === 0 ? 1 : undefined));
    const [year] = aggregateSchool([VERSION], [...q1, ...q2], 'year');
    const opt = (year as { items: { key: string }[] }).items.find((i) => i.key === 'opt');
    expect(opt).toMatchObject({ status: 'ok', n: 5, mean: 4 });
  });

  it('withholds a section mean that fewer than five people scored, even in a group of five', () => {
    const rows = [1, 2, 3, 4, 5].map((l, i): ResponseFacts => ({
      ...response('2026-Q1', l),
      scores: { overall: l, sections: { s: l, o: i === 0 ? 5 : null } },
    }));
    const version = { ...VERSION, sections: [...VERSION.sections, { key: 'o', title: 'Optional only', items: [] }] };
    const [group] = aggregateSchool([version], rows, 'quarter');
    expect((group as { sections: { key: string; mean: number | null }[] }).sections).toEqual([
      { key: 's', title: 'Section', mean: 3 },
      { key: 'o', title: 'Optional only', mean: null },
    ]);
  });

  it('trends across versions from counted responses only', () => {
    const rows = [...five('2026-Q2'), response('2025-Q4', 5)];
    expect(trendOf(rows, 'quarter')).toEqual([
      { period: '2025-Q4', status: 'not_enough_responses' },
      { period: '2026-Q2', status: 'ok', n: 5, meanOverall: 3 },
    ]);
    const v2 = { ...response('2026-Q2', 1), versionId: 'v2' };
    expect(trendOf([...five('2026-Q2'), v2], 'quarter')).toEqual([{ period: '2026-Q2', status: 'ok', n: 5, meanOverall: 3 }]);
  });
});

describe('schoolMeans', () => {
  it('gives each school with a counted cell its mean per period, and leaves out the rest', () => {
    const a = five('2026-Q2').map((r) => ({ ...r, institutionId: 'a' }));
    const b = [...five('2026-Q2').slice(0, 4), response('2026-Q3', 5)].map((r) => ({ ...r, institutionId: 'b' }));
    const late = { ...response('2026-Q3', 5), institutionId: 'a' };
    expect(schoolMeans([...a, ...b, late], 'year')).toEqual([{ institutionId: 'a', period: '2026', mean: 3 }]);
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['=1+1', 3],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n\'=1+1,3\r\n"line\nbreak",\r\n');
  });
});
