import { calendarDate, type CalendarDate } from '../../calendar-date';

export { calendarDate, type CalendarDate };

const DAY_MS = 86_400_000;

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** Days since 1970-01-01 (Date.UTC of the parts: several times faster than parsing the string as a date). */
const dayNumber = (date: CalendarDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * A one-year term's last day + 1 (terms end exclusive): the same day and month a year later, and 28 February for a
 * term starting on 29 February, as PostgreSQL's `date + interval '1 year'` gives.
 */
export function oneYearAfter(date: CalendarDate): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  // 29 February of a leap year rolls into March in the next year: step back to 28 February.
  if (next.getUTCMonth() !== month - 1) next.setUTCDate(0);
  return calendarDate(next);
}

/** A term covers `today` when it started on or before it and ends after it; no term at all means always. */
export function termCovers(term: { startsOn: CalendarDate | null; endsOn: CalendarDate | null }, today: CalendarDate): boolean {
  if (term.startsOn === null || term.endsOn === null) return true;
  return term.startsOn <= today && today < term.endsOn;
}
