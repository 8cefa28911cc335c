import { daysBetween, type CalendarDate } from './change-dates';

export type Direction = 'increase' | 'decrease';

export interface IndicatorFigures {
  baseline: number;
  targetValue: number;
  direction: Direction;
  /** The latest measured value; null before the first measurement. */
  latest: number | null;
}

/** An increase needs a target above the baseline, a decrease one below it: otherwise progress means nothing. */
export function directionFits(figures: Pick<IndicatorFigures, 'baseline' | 'targetValue' | 'direction'>): boolean {
  return figures.direction === 'increase' ? figures.targetValue > figures.baseline : figures.targetValue < figures.baseline;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * How far the latest value has come from the baseline toward the target: 0 at (or behind) the baseline, 1 at (or
 * beyond) the target. Null before the first measurement.
 */
export function progressRatio(figures: IndicatorFigures): number | null {
  if (figures.latest === null) return null;
  const span = figures.targetValue - figures.baseline;
  if (span === 0) return 1;
  return clamp((figures.latest - figures.baseline) / span);
}

/**
 * The share of a target's time gone, from the days since it started and its length in days: 0 before it starts, 1
 * from its due date on.
 */
export function shareOfTime(daysGone: number, length: number): number {
  if (length <= 0) return daysGone >= length ? 1 : 0;
  return clamp(daysGone / length);
}

/** The share of the target's time that has passed by `today`. */
export function elapsedShare(startsOn: CalendarDate, dueOn: CalendarDate, today: CalendarDate): number {
  return shareOfTime(daysBetween(startsOn, today), daysBetween(startsOn, dueOn));
}

/**
 * On track: the indicator has come at least as far toward its target as time has toward the due date — at or above a
 * straight line from the baseline on the start date to the target on the due date. Never on track unmeasured.
 */
export function isOnTrackAt(figures: IndicatorFigures, timeShare: number): boolean {
  const progress = progressRatio(figures);
  return progress !== null && progress >= timeShare - 1e-9;
}

export function isOnTrack(figures: IndicatorFigures, period: { startsOn: CalendarDate; dueOn: CalendarDate }, today: CalendarDate): boolean {
  return isOnTrackAt(figures, elapsedShare(period.startsOn, period.dueOn, today));
}
