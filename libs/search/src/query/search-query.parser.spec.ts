import { ARTICLE_TYPES, MAX_QUERY_BYTES, parseSearchQuery, SEARCH_STATUSES, SEARCH_TYPES } from './search-query.parser';
import { day, EMPTY, parsed } from './search-query-test-support';

describe('parseSearchQuery: happy paths', () => {
  it('takes every kind of filter out of the text', () => {
    const q = 'racism tag:equity phase:3 in:admissions-lab type:guide status:published author:@lee after:2025-01-01';
    expect(parseSearchQuery(q)).toEqual(
      parsed({
        text: 'racism',
        articleTypes: ['guide'],
        tags: ['equity'],
        phases: [3],
        spaces: ['admissions-lab'],
        statuses: ['published'],
        authors: ['lee'],
        after: day('2025-01-01'),
      }),
    );
  });

  it('reads the remaining filters and aliases: tags:, space:, school:, before:, @handle, search types', () => {
    expect(parseSearchQuery('tags:curriculum space:general school:ucsf-med before:2025-06-01 @Dr.Kim type:topic grief')).toEqual(
      parsed({
        text: 'grief',
        types: ['topic'],
        tags: ['curriculum'],
        spaces: ['general'],
        schools: ['ucsf-med'],
        authors: ['dr.kim'],
        before: day('2025-06-01'),
      }),
    );
  });

  it('keeps free text in order around filters and collapses whitespace', () => {
    expect(parseSearchQuery('  implicit   tag:bias\tbias \n training  ').text).toBe('implicit bias training');
  });

  it('gives empty text when q is only filters, and an empty result for an empty or blank q', () => {
    expect(parseSearchQuery('tag:equity phase:2')).toEqual(parsed({ tags: ['equity'], phases: [2] }));
    expect(parseSearchQuery('')).toEqual(EMPTY);
    expect(parseSearchQuery('   \t\n ')).toEqual(EMPTY);
  });

  it('keeps stop words: the parser knows none, PostgreSQL drops them', () => {
    expect(parseSearchQuery('the and of a')).toEqual(parsed({ text: 'the and of a' }));
  });

  it('takes filter names and enumerated values case-insensitively', () => {
    expect(parseSearchQuery('TYPE:Guide Tag:EQUITY Status:PUBLISHED In:Admissions-Lab Author:LEE')).toEqual(
      parsed({
        articleTypes: ['guide'],
        tags: ['equity'],
        statuses: ['published'],
        spaces: ['admissions-lab'],
        authors: ['lee'],
      }),
    );
  });

  it('accepts every search type, article type and status', () => {
    const q = [...SEARCH_TYPES, ...ARTICLE_TYPES].map((t) => `type:${t}`).join(' ') + ' status:' + SEARCH_STATUSES.join(',');
    expect(parseSearchQuery(q)).toEqual(
      parsed({ types: [...SEARCH_TYPES], articleTypes: [...ARTICLE_TYPES], statuses: [...SEARCH_STATUSES] }),
    );
  });

  it.each<[string, string]>([
    ['case-study', 'case_study'],
    ['research-summary', 'research_summary'],
    ['value-story', 'value_story'],
    ['Case-Study', 'case_study'],
  ])('accepts the hyphen form type:%s', (value, expected) => {
    expect(parseSearchQuery(`type:${value}`).articleTypes).toEqual([expected]);
  });

  it('accepts hyphen forms of statuses too', () => {
    expect(parseSearchQuery('status:needs-review,in-review').statuses).toEqual(['needs_review', 'in_review']);
  });

  it('splits comma lists', () => {
    expect(parseSearchQuery('tag:a,b phase:1,2,6 type:topic,guide in:x,y-z school:s1,s2 author:lee,@kim')).toEqual(
      parsed({
        tags: ['a', 'b'],
        phases: [1, 2, 6],
        types: ['topic'],
        articleTypes: ['guide'],
        spaces: ['x', 'y-z'],
        schools: ['s1', 's2'],
        authors: ['lee', 'kim'],
      }),
    );
  });

  it('deduplicates values, keeping first-seen order, across repeats, lists, aliases and case', () => {
    expect(
      parseSearchQuery('tag:b,a tags:A tag:b,c phase:3 phase:1,3 in:x space:x @lee author:LEE type:guide,case-study,guide'),
    ).toEqual(
      parsed({ tags: ['b', 'a', 'c'], phases: [3, 1], spaces: ['x'], authors: ['lee'], articleTypes: ['guide', 'case_study'] }),
    );
  });

  it('accepts the same date twice', () => {
    expect(parseSearchQuery('after:2025-01-01 after:2025-01-01').after).toEqual(day('2025-01-01'));
  });

  it('accepts after: earlier than before:', () => {
    expect(parseSearchQuery('after:2024-12-31 before:2025-01-01')).toEqual(
      parsed({ after: day('2024-12-31'), before: day('2025-01-01') }),
    );
  });

  it('accepts a leap day', () => {
    expect(parseSearchQuery('after:2024-02-29').after).toEqual(day('2024-02-29'));
  });

  it('lets tags carry punctuation, apostrophes included (they are bound as parameters later)', () => {
    expect(parseSearchQuery("tag:o'neil tag:c++ tag:équité tag:🩺").tags).toEqual(["o'neil", 'c++', 'équité', '🩺']);
  });

  it('accepts a tag of exactly 50 characters', () => {
    expect(parseSearchQuery(`tag:${'a'.repeat(50)}`).tags).toEqual(['a'.repeat(50)]);
  });

  it('accepts a handle of 40 characters, with dots, hyphens and underscores inside', () => {
    const handle = `a${'b._-'.repeat(9)}bcz`;
    expect(handle).toHaveLength(40);
    expect(parseSearchQuery(`author:${handle}`).authors).toEqual([handle]);
  });

  it('accepts 20 values of one filter', () => {
    const tags = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(parseSearchQuery(`tag:${tags.join(',')}`).tags).toEqual(tags);
  });

  it('accepts a q of exactly MAX_QUERY_BYTES bytes, counting UTF-8 bytes', () => {
    expect(parseSearchQuery('a'.repeat(MAX_QUERY_BYTES)).text).toHaveLength(MAX_QUERY_BYTES);
    expect(parseSearchQuery('é'.repeat(MAX_QUERY_BYTES / 2)).text).toHaveLength(MAX_QUERY_BYTES / 2);
  });
});

describe('parseSearchQuery: text for websearch_to_tsquery', () => {
  it('keeps a quoted phrase as one piece, quotes included, even when it looks like filters', () => {
    expect(parseSearchQuery('"structural racism" tag:equity "tag:not a filter"')).toEqual(
      parsed({ text: '"structural racism" "tag:not a filter"', tags: ['equity'] }),
    );
  });

  it('passes or, a leading - and a negated phrase through untouched', () => {
    expect(parseSearchQuery('bias or prejudice -implicit -"hidden curriculum"').text).toBe(
      'bias or prejudice -implicit -"hidden curriculum"',
    );
  });

  it('closes an unterminated quote at the end', () => {
    expect(parseSearchQuery('tag:equity "structural racism')).toEqual(parsed({ text: '"structural racism"', tags: ['equity'] }));
  });

  it('collapses whitespace inside a phrase and drops an empty phrase', () => {
    expect(parseSearchQuery('"anti   racist\tpedagogy"').text).toBe('"anti racist pedagogy"');
    expect(parseSearchQuery('"" -"  " "').text).toBe('');
  });

  it.each([
    'https://example.org/a?b=c:d',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG',
    'mailto:someone@example.org',
    'ftp://files.example.org',
    '10:30',
    '2:1',
    ':::',
    ':tag',
    'a1:b',
    'snake_case:x',
    'tag-like:x',
  ])('keeps %s as text', (token) => {
    expect(parseSearchQuery(`see ${token} now`)).toEqual(parsed({ text: `see ${token} now` }));
  });

  it('keeps a negated filter-looking word as text (exclusion is for words)', () => {
    expect(parseSearchQuery('-tag:equity').text).toBe('-tag:equity');
  });

  it('keeps an @ token that is not a handle as text', () => {
    expect(parseSearchQuery('@ @@ @lee. email@example.org')).toEqual(parsed({ text: '@ @@ @lee. email@example.org' }));
  });

  it('replaces control characters with spaces, so NUL never survives', () => {
    const result = parseSearchQuery('a\u0000b\u0007c\u001fd\u007fe tag:x\u0000tag:y');
    expect(result.text).toBe('a b c d e');
    expect(result.tags).toEqual(['x', 'y']);
    expect(parseSearchQuery('\u0000').text).toBe('');
  });

  it('passes SQL-looking text through as text (it is bound as a parameter, never spliced)', () => {
    expect(parseSearchQuery("'; DROP TABLE post; --")).toEqual(parsed({ text: "'; DROP TABLE post; --" }));
    expect(parseSearchQuery("tag:'; --")).toEqual(parsed({ tags: ["';"], text: '--' }));
  });

  it('keeps lone dashes, or, and lone quotes harmless', () => {
    expect(parseSearchQuery('-').text).toBe('-');
    expect(parseSearchQuery('or').text).toBe('or');
    expect(parseSearchQuery('"').text).toBe('');
    expect(parseSearchQuery('a " b').text).toBe('a " b"');
  });
});
