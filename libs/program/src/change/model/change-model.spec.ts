import { addDays, daysBetween, oneYearAfter, termCovers } from './change-dates';
import { directionFits, elapsedShare, isOnTrack, progressRatio } from './progress';
import { countBy, TARGET_STATUSES } from './vocabulary';

describe('change calendar dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });

  it('ends a term a year on, 29 February on 28 February, as PostgreSQL does', () => {
    expect(oneYearAfter('2025-06-15')).toBe('2026-06-15');
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
  });

  it('counts a term from its first day to the day before it ends; no term at all always counts', () => {
    const term = { startsOn: '2025-01-10', endsOn: '2026-01-10' };
    expect(termCovers(term, '2025-01-09')).toBe(false);
    expect(termCovers(term, '2025-01-10')).toBe(true);
    expect(termCovers(term, '2026-01-09')).toBe(true);
    expect(termCovers(term, '2026-01-10')).toBe(false);
    expect(termCovers({ startsOn: null, endsOn: null }, '1999-01-01')).toBe(true);
  });
});

describe('indicator progress', () => {
  const rise = { baseline: 20, targetValue: 100, direction: 'increase' as const };
  const fall = { baseline: 12, targetValue: 4, direction: 'decrease' as const };

  it('needs a target on the side of the baseline the direction points to', () => {
    expect(directionFits(rise)).toBe(true);
    expect(directionFits(fall)).toBe(true);
    expect(directionFits({ ...rise, direction: 'decrease' })).toBe(false);
    expect(directionFits({ baseline: 5, targetValue: 5, direction: 'increase' })).toBe(false);
  });

  it('measures the way from baseline to target, clamped to 0..1, in both directions', () => {
    expect(progressRatio({ ...rise, latest: null })).toBeNull();
    expect(progressRatio({ ...rise, latest: 60 })).toBe(0.5);
    expect(progressRatio({ ...rise, latest: 10 })).toBe(0);
    expect(progressRatio({ ...rise, latest: 140 })).toBe(1);
    expect(progressRatio({ ...fall, latest: 8 })).toBe(0.5);
    expect(progressRatio({ ...fall, latest: 15 })).toBe(0);
    expect(progressRatio({ ...fall, latest: 0 })).toBe(1);
  });

  it('is on track at or above the straight line from baseline at the start to target at the due date', () => {
    const period = { startsOn: '2025-01-01', dueOn: '2025-01-11' };
    expect(elapsedShare(period.startsOn, period.dueOn, '2024-12-01')).toBe(0);
    expect(elapsedShare(period.startsOn, period.dueOn, '2025-01-06')).toBe(0.5);
    expect(elapsedShare(period.startsOn, period.dueOn, '2026-01-01')).toBe(1);
    expect(isOnTrack({ ...rise, latest: 60 }, period, '2025-01-06')).toBe(true);
    expect(isOnTrack({ ...rise, latest: 59 }, period, '2025-01-06')).toBe(false);
    expect(isOnTrack({ ...rise, latest: 20 }, period, '2024-12-01')).toBe(true);
    expect(isOnTrack({ ...rise, latest: null }, period, '2024-12-01')).toBe(false);
    expect(isOnTrack({ ...fall, latest: 4 }, period, '2030-01-01')).toBe(true);
    // A one-day target is all or nothing.
    expect(elapsedShare('2025-01-01', '2025-01-01', '2025-01-01')).toBe(1);
  });
});

describe('countBy', () => {
  it('has every key, zero where nothing was counted', () => {
    expect(countBy(['planned', 'planned', 'achieved'], TARGET_STATUSES)).toEqual({ planned: 2, in_progress: 0, on_hold: 0, achieved: 1, dropped: 0 });
  });
});
