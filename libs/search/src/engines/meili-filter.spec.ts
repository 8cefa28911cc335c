import type { SearchRequest } from '../search-engine';
import { meiliFilter, quoted } from './meili-filter';

const request = (overrides: Partial<SearchRequest['filters']> = {}, everything = false): SearchRequest => ({
  text: 'racism',
  filters: { types: [], articleTypes: [], tags: [], phases: [], spaceIds: [], schoolScopes: null, authorIds: [], statuses: [], after: null, before: null, ...overrides },
  visibility: {
    userId: '11111111-1111-4111-8111-111111111111',
    readable: { everything, keys: everything ? [] : ['consortium', 'inst:22222222-2222-4222-8222-222222222222'] },
    curated: { everything: false, keys: [] },
  },
  asOf: new Date('2026-01-01T00:00:00Z'),
  after: null,
  limit: 20,
});

describe('meiliFilter', () => {
  it('always filters by the reader’s scopes, built on the server', () => {
    const filter = meiliFilter(request());
    expect(filter).toContain('scope IN ["consortium", "inst:22222222-2222-4222-8222-222222222222"]');
    expect(filter.join(' AND ')).toContain('readers = "11111111-1111-4111-8111-111111111111"');
  });

  it('leaves the scope filter out only for those who see everything', () => {
    expect(meiliFilter(request({}, true)).some((c) => c.startsWith('scope IN'))).toBe(false);
  });

  it('hides archived topics and unpublished articles by default, and needs_review is a time comparison', () => {
    const all = meiliFilter(request()).join(' AND ');
    expect(all).toContain('status != "archived"');
    expect(all).toContain(`(status = "published" AND verifyDueAt <= ${Date.parse('2026-01-01T00:00:00Z') / 1000})`);
  });

  it('matches named authors through authorIds, which anonymous documents leave empty', () => {
    expect(meiliFilter(request({ authorIds: ['33333333-3333-4333-8333-333333333333'] }))).toContain('authorIds IN ["33333333-3333-4333-8333-333333333333"]');
  });

  it('quotes values so a tag cannot break out of the filter', () => {
    expect(quoted('a" OR scope = "x')).toBe('"a\\" OR scope = \\"x"');
    expect(meiliFilter(request({ tags: ['x" OR type = "post'] }))).toContain('tags IN ["x\\" OR type = \\"post"]');
  });
});
