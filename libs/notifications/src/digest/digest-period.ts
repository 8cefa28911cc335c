import type { DigestFrequency } from '../notification-kinds';

export type DigestPeriod = Exclude<DigestFrequency, 'never'>;

/** How far back a first digest looks, and the length of a period. */
export const PERIOD_DAYS: Record<DigestPeriod, number> = { daily: 1, weekly: 7 };

const DAY_MS = 86_400_000;
const PERIOD_KEY = /^(daily):\d{4}-\d{2}-\d{2}$|^(weekly):\d{4}-W\d{2}$/;

/**
 * The period a digest belongs to, in the person's own calendar: 'daily:YYYY-MM-DD' (their local date) or
 * 'weekly:YYYY-Www' (their ISO week). The tick computes the same key in SQL (PERIOD_KEY_SQL); this one is for
 * checking a job's payload and for tests.
 */
export function periodKeyAt(now: Date, timeZone: string, period: DigestPeriod): string {
  const { year, month, day } = localDate(now, timeZone);
  if (period === 'daily') return `daily:${year}-${pad(month)}-${pad(day)}`;
  const week = isoWeek(year, month, day);
  return `weekly:${week.year}-W${pad(week.week)}`;
}

/** The period of a key, or null when the key is not one the tick makes (a hand-made or corrupted payload). */
export function periodOf(periodKey: string): DigestPeriod | null {
  const match = PERIOD_KEY.exec(periodKey);
  if (!match) return null;
  return (match[1] ?? match[2]) as DigestPeriod;
}

/**
 * The person's local date and ISO week as SQL over `local` (a timestamp without time zone: now AT TIME ZONE
 * their zone). 'IYYY' and 'IW' are PostgreSQL's ISO year and week, so 1 January can belong to the year before.
 */
export const PERIOD_KEY_SQL = (frequency: string, local: string) =>
  `CASE ${frequency} WHEN 'daily' THEN 'daily:' || to_char(${local}, 'YYYY-MM-DD')
     ELSE 'weekly:' || to_char(${local}, 'IYYY-"W"IW') END`;

/**
 * Whether the person's digest for the current period is due at `local`: daily from their hour on; weekly from their
 * hour on Monday, and any later day of that ISO week (someone in quiet mode on Monday gets it when it ends).
 */
export const PERIOD_DUE_SQL = (frequency: string, hour: string, local: string) =>
  `(extract(hour FROM ${local}) >= ${hour} OR (${frequency} = 'weekly' AND extract(isodow FROM ${local}) > 1))`;

function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    at,
  );
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** ISO 8601 week: weeks start on Monday, and week 1 is the one with the year's first Thursday. */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = Date.UTC(year, month - 1, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = new Date(date + (3 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS));
  return { year: isoYear, week };
}

const pad = (n: number) => String(n).padStart(2, '0');
