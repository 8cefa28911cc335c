import { DomainError } from '@app/core';
import { checkItem, isCalendarDate, type ItemFields } from './item-input';

const fields = (over: Partial<ItemFields> = {}): ItemFields => ({
  title: 'An item',
  required: true,
  videoUrl: null,
  body: '',
  articleId: null,
  linkUrl: null,
  instrumentId: null,
  ...over,
});
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return (error.details ?? []).map((d) => d.field ?? '');
    throw error;
  }
  return [];
};

describe('checkItem', () => {
  it('accepts each kind with its own fields, trims the title and renders the body', () => {
    const video = checkItem('video', fields({ title: '  Intro ', videoUrl: 'https://v.test/1', body: '**Transcript**' }));
    expect(video).toMatchObject({ title: 'Intro', bodyHtml: '<p><strong>Transcript</strong></p>' });
    expect(problemsOf(() => checkItem('reading', fields({ linkUrl: 'http://example.test/a' })))).toEqual([]);
    expect(problemsOf(() => checkItem('reading', fields({ articleId: 'a' })))).toEqual([]);
    expect(problemsOf(() => checkItem('activity', fields({ body: 'Do this' })))).toEqual([]);
    expect(problemsOf(() => checkItem('assessment', fields({ instrumentId: 'i' })))).toEqual([]);
  });

  it('reports every problem at once, by field', () => {
    expect(problemsOf(() => checkItem('video', fields({ title: ' ', instrumentId: 'i' })))).toEqual([
      'instrumentId',
      'title',
      'videoUrl',
    ]);
    expect(problemsOf(() => checkItem('video', fields({ videoUrl: 'javascript:alert(1)' })))).toEqual(['videoUrl']);
    expect(problemsOf(() => checkItem('reading', fields()))).toEqual(['articleId']);
    expect(problemsOf(() => checkItem('reading', fields({ articleId: 'a', linkUrl: 'https://x.test' })))).toEqual(['articleId']);
    expect(problemsOf(() => checkItem('activity', fields({ body: '   ' })))).toEqual(['body']);
    expect(problemsOf(() => checkItem('assessment', fields({ videoUrl: 'https://v.test' })))).toEqual([
      'videoUrl',
      'instrumentId',
    ]);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['01/02/2026', false],
  ])('%s → %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});
