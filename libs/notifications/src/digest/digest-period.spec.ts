import { periodKeyAt, periodOf } from './digest-period';

describe('periodKeyAt', () => {
  it.each([
    ['2026-03-10T19:30:00Z', 'UTC', 'daily:2026-03-10'],
    // Auckland is 13 hours ahead in March: already the next day there.
    ['2026-03-10T19:30:00Z', 'Pacific/Auckland', 'daily:2026-03-11'],
    ['2026-03-10T03:00:00Z', 'America/Los_Angeles', 'daily:2026-03-09'],
  ])('names %s in %s as %s', (at, zone, key) => {
    expect(periodKeyAt(new Date(at), zone, 'daily')).toBe(key);
  });

  it.each([
    ['2026-01-01T12:00:00Z', 'weekly:2026-W01'],
    // 1 January 2027 is a Friday: it belongs to the last ISO week of 2026 (a 53-week year).
    ['2027-01-01T12:00:00Z', 'weekly:2026-W53'],
    // 30 December 2024 is a Monday: the first ISO week of 2025.
    ['2024-12-30T12:00:00Z', 'weekly:2025-W01'],
    ['2026-03-15T23:59:00Z', 'weekly:2026-W11'],
    ['2026-03-16T00:00:00Z', 'weekly:2026-W12'],
  ])('names the ISO week of %s as %s', (at, key) => {
    expect(periodKeyAt(new Date(at), 'UTC', 'weekly')).toBe(key);
  });

  it('uses the local date for the week too (Sunday evening in UTC is Monday in Auckland)', () => {
    expect(periodKeyAt(new Date('2026-03-15T20:00:00Z'), 'UTC', 'weekly')).toBe('weekly:2026-W11');
    expect(periodKeyAt(new Date('2026-03-15T20:00:00Z'), 'Pacific/Auckland', 'weekly')).toBe('weekly:2026-W12');
  });
});

describe('periodOf', () => {
  it('reads the period of the keys the tick makes', () => {
    expect(periodOf('daily:2026-03-10')).toBe('daily');
    expect(periodOf('weekly:2026-W11')).toBe('weekly');
  });

  it.each(['', 'daily', 'daily:2026-3-10', 'weekly:2026-11', 'monthly:2026-03', 'daily:2026-03-10 ', 'never:2026-03-10'])(
    'refuses %j',
    (key) => expect(periodOf(key)).toBeNull(),
  );
});
