import { DomainError } from '@app/core';
import { MAX_QUERY_BYTES, mergeFilters, parseSearchQuery, type ParsedSearchQuery } from './search-query.parser';
import { day, EMPTY, parsed, refusedMessage } from './search-query-test-support';

describe('parseSearchQuery: refusals are 400 VALIDATION_FAILED on field q', () => {
  it.each(['foo:bar', 'Foo:bar', 'tagz:x', 'a:b:c', 'note:', 'constructor:x', 'toString:x', 'hasOwnProperty:x', 'proto:x'])(
    'refuses the unknown filter in %s, naming it and the known ones',
    (q) => {
      const message = refusedMessage(`racism ${q}`);
      expect(message).toContain(q.slice(0, q.indexOf(':') + 1));
      for (const name of [
        'type:',
        'tag:',
        'tags:',
        'phase:',
        'in:',
        'space:',
        'school:',
        'author:',
        'status:',
        'after:',
        'before:',
      ]) {
        expect(message).toContain(name);
      }
    },
  );

  it.each<[string, string, RegExp]>([
    ['phase out of range', 'phase:9', /phase:.*1 to 6/],
    ['phase zero', 'phase:0', /phase:/],
    ['phase with a leading zero', 'phase:03', /phase:/],
    ['phase not a number', 'phase:three', /phase:/],
    ['unknown type', 'type:banana', /type:.*topic, post, article, collection, guide/],
    ['type with underscore typo', 'type:case__study', /type:/],
    ['unknown status', 'status:nope', /status:.*open, closed, archived, published, needs_review, draft, in_review/],
    ['impossible date', 'after:2024-13-45', /after:.*YYYY-MM-DD/],
    ['day that does not exist', 'before:2025-02-30', /before:.*YYYY-MM-DD/],
    ['non-leap February 29', 'after:2025-02-29', /after:/],
    ['date in another format', 'after:01/02/2025', /after:/],
    ['date with time', 'after:2025-01-01T10:00', /after:/],
    ['date list', 'after:2025-01-01,2025-02-01', /after:/],
    ['slug with an underscore', 'in:admissions_lab', /in:.*slug/],
    ['slug with double hyphen', 'space:a--b', /space:.*slug/],
    ['slug with leading hyphen', 'school:-ucsf', /school:.*slug/],
    ['slug with trailing hyphen', 'in:lab-', /in:/],
    ['handle with trailing dot', 'author:lee.', /author:.*handle/],
    ['handle with an illegal character', 'author:lee!', /author:/],
    ['handle too long', `author:${'a'.repeat(41)}`, /author:/],
    ['double @', 'author:@@lee', /author:/],
    ['empty tag', 'tag:', /tag:.*needs a value/],
    ['empty tags', 'tags:', /tags:/],
    ['empty type', 'type:', /type:/],
    ['empty phase', 'phase:', /phase:/],
    ['empty in', 'in:', /in:/],
    ['empty author', 'author:', /author:/],
    ['empty after', 'after:', /after:/],
    ['empty element in a list', 'tag:a,,b', /tag:/],
    ['trailing comma', 'phase:1,', /phase:/],
    ['one bad value in a list', 'phase:1,7', /phase:.*"7"/],
    ['tag too long', `tag:${'a'.repeat(51)}`, /tag:.*50 characters/],
    ['tag with a double quote', 'tag:"equity', /tag:/],
    ['quoted tag with a space', 'tag:"anti racism"', /tag:/],
  ])('%s (%s)', (_name, q, pattern) => {
    expect(refusedMessage(q)).toMatch(pattern);
  });

  it('counts a tag of 51 characters in characters, not bytes or UTF-16 units', () => {
    expect(parseSearchQuery(`tag:${'🩺'.repeat(50)}`).tags).toHaveLength(1);
    expect(refusedMessage(`tag:${'🩺'.repeat(51)}`)).toMatch(/50/);
  });

  it('refuses a q over MAX_QUERY_BYTES, saying the limit', () => {
    expect(refusedMessage('a'.repeat(MAX_QUERY_BYTES + 1))).toContain(String(MAX_QUERY_BYTES));
    expect(refusedMessage('é'.repeat(MAX_QUERY_BYTES / 2 + 1))).toContain(String(MAX_QUERY_BYTES));
  });

  it('refuses a 10 KB q', () => {
    expect(refusedMessage('structural racism '.repeat(600))).toMatch(/1024 bytes/);
  });

  it.each<[string, string]>([
    ['tags', `tag:${Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')}`],
    [
      'tags across tag: and tags:',
      `${Array.from({ length: 11 }, (_, i) => `tag:a${i}`).join(' ')} tags:${Array.from({ length: 10 }, (_, i) => `b${i}`).join(',')}`,
    ],
    ['spaces', Array.from({ length: 21 }, (_, i) => `in:s${i}`).join(' ')],
    ['authors', Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ')],
  ])('refuses more than 20 %s', (_name, q) => {
    expect(refusedMessage(q)).toMatch(/At most 20/);
  });

  it('counts distinct values toward the limit of 20', () => {
    expect(parseSearchQuery(Array.from({ length: 40 }, () => 'tag:same').join(' ')).tags).toEqual(['same']);
  });

  it.each(['after:2025-02-01 before:2025-01-01', 'after:2025-01-01 before:2025-01-01'])(
    'refuses after: not earlier than before: (%s)',
    (q) => {
      expect(refusedMessage(q)).toMatch(/after:.*before:/);
    },
  );

  it('refuses two different values of a single-valued filter', () => {
    expect(refusedMessage('after:2025-01-01 after:2025-02-01')).toMatch(/after:.*once/);
  });

  it('cuts a long offending value short in the message', () => {
    expect(refusedMessage(`in:${'x_'.repeat(200)}`).length).toBeLessThan(200);
  });

  it('refuses a q that is not a string (a repeated ?q= arrives as an array) and reads a missing q as empty', () => {
    expect(refusedMessage(['a', 'b'] as unknown as string)).toMatch(/single string/);
    expect(parseSearchQuery(undefined as unknown as string)).toEqual(EMPTY);
  });
});

describe('parseSearchQuery: fuzz', () => {
  // Deterministic, so a failure reproduces.
  function mulberry32(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = [
    'tag:',
    'tags:',
    'phase:',
    'type:',
    'in:',
    'status:',
    'after:',
    'before:',
    'author:',
    '@',
    'a:b:c',
    ':::',
    ':',
    ',',
    '"',
    '-',
    'or',
    ' ',
    '  ',
    '\t',
    '\n',
    '\u0000',
    '\u007f',
    "'; DROP TABLE post; --",
    'https://x.org',
    '10:30',
    'equity',
    '3',
    '2025-01-01',
    'case-study',
    '🩺',
    'é',
    '\u00a0',
    '\u2028',
    '\ud800',
    '\udfff',
    'İ',
    'ß',
    'constructor',
  ];

  it('either parses to a clean result or throws a 400 DomainError, for 3000 random inputs', () => {
    const random = mulberry32(20250101);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    let accepted = 0;
    for (let run = 0; run < 3000; run++) {
      let q = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) {
        q += random() < 0.7 ? pick(pieces) : String.fromCodePoint(Math.floor(random() * 0x110000));
      }
      let result: ParsedSearchQuery;
      try {
        result = parseSearchQuery(q);
      } catch (error) {
        if (!(error instanceof DomainError) || error.status !== 400 || error.details?.[0].field !== 'q') {
          throw new Error(`unexpected ${String(error)} for ${JSON.stringify(q)}`);
        }
        continue;
      }
      accepted++;
      // eslint-disable-next-line no-control-regex
      expect(result.text).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(result.text).toBe(result.text.trim());
      expect(result.text).not.toMatch(/\s\s/);
      for (const values of [
        result.types,
        result.articleTypes,
        result.tags,
        result.phases,
        result.spaces,
        result.schools,
        result.authors,
        result.statuses,
      ]) {
        expect(new Set<unknown>(values).size).toBe(values.length);
        expect(values.length).toBeLessThanOrEqual(20);
      }
      for (const tag of result.tags) {
        expect(tag).not.toMatch(/[\s,\u0000-\u001f\u007f]/);
        expect([...tag].length).toBeLessThanOrEqual(50);
      }
      expect(result.phases.every((p) => p >= 1 && p <= 6)).toBe(true);
    }
    // Both outcomes are exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(3000);
  });
});

describe('mergeFilters', () => {
  it('returns the parsed query unchanged when nothing explicit is given', () => {
    const inline = parseSearchQuery('racism tag:equity phase:3 after:2025-01-01');
    expect(mergeFilters(inline, {})).toEqual(inline);
  });

  it('unions inline and explicit values, inline first, deduplicated', () => {
    const inline = parseSearchQuery('racism tag:equity,bias phase:3 type:topic in:lab @lee status:open');
    expect(
      mergeFilters(inline, {
        tags: ['Bias', 'curriculum'],
        phases: [3, 1],
        types: ['post'],
        articleTypes: ['toolkit'],
        spaces: ['lab', 'general'],
        schools: ['ucsf'],
        authors: ['lee', 'kim'],
        statuses: ['open', 'closed'],
      }),
    ).toEqual(
      parsed({
        text: 'racism',
        tags: ['equity', 'bias', 'curriculum'],
        phases: [3, 1],
        types: ['topic', 'post'],
        articleTypes: ['toolkit'],
        spaces: ['lab', 'general'],
        schools: ['ucsf'],
        authors: ['lee', 'kim'],
        statuses: ['open', 'closed'],
      }),
    );
  });

  it('keeps the narrower date range, since both bounds apply', () => {
    const inline = parseSearchQuery('after:2025-01-01 before:2025-12-01');
    expect(mergeFilters(inline, { after: day('2025-03-01'), before: day('2026-01-01') })).toMatchObject({
      after: day('2025-03-01'),
      before: day('2025-12-01'),
    });
    expect(mergeFilters(parseSearchQuery(''), { before: day('2025-01-01') })).toMatchObject({
      after: null,
      before: day('2025-01-01'),
    });
  });

  it('refuses a merged range that is empty', () => {
    expect(() => mergeFilters(parseSearchQuery('after:2025-06-01'), { before: day('2025-01-01') })).toThrow(DomainError);
  });

  it('refuses more than 20 values of one kind after merging', () => {
    const inline = parseSearchQuery(`tag:${Array.from({ length: 15 }, (_, i) => `a${i}`).join(',')}`);
    expect(() => mergeFilters(inline, { tags: Array.from({ length: 6 }, (_, i) => `b${i}`) })).toThrow(/not valid/);
  });

  it('does not change its inputs', () => {
    const inline = parseSearchQuery('tag:equity');
    mergeFilters(inline, { tags: ['bias'] });
    expect(inline.tags).toEqual(['equity']);
  });
});
