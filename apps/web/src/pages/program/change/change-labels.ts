export { SPHERES, sphereLabel } from '../spheres';
import type { Direction, PlanField, TargetCategory, TargetStatus } from './types';

export const STATUSES: { value: TargetStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'on_hold', label: 'On hold' },
  { value: 'achieved', label: 'Achieved' },
  { value: 'dropped', label: 'Dropped' },
];

export const CATEGORIES: { value: TargetCategory; label: string }[] = [
  { value: 'structural', label: 'Structural' },
  { value: 'relational', label: 'Relational' },
  { value: 'transformative', label: 'Transformative' },
];


export const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: 'increase', label: 'Increase' },
  { value: 'decrease', label: 'Decrease' },
];

export const PLAN_SECTIONS: { field: PlanField; label: string; hint: string }[] = [
  { field: 'stakeholderAnalysis', label: 'Stakeholder analysis', hint: 'Who decides, who is affected, who can help or block.' },
  { field: 'successFactors', label: 'Critical success factors', hint: 'What has to be true for this to work.' },
  { field: 'communicationsPlan', label: 'Communications plan', hint: 'Who hears what, when and how.' },
  { field: 'studentFeedbackLoop', label: 'Student feedback loop', hint: 'How students shape and judge the change.' },
];

const labelIn = <T extends string>(list: { value: T; label: string }[], value: T) => list.find((item) => item.value === value)?.label ?? value;
export const statusLabel = (value: TargetStatus) => labelIn(STATUSES, value);
export const categoryLabel = (value: TargetCategory) => labelIn(CATEGORIES, value);

const calendarFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A 'YYYY-MM-DD' date as the reader writes dates; read as UTC so it never shifts a day with the time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '';
  const moment = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(moment.getTime()) ? date : calendarFormat.format(moment);
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
export const formatValue = (value: number, unit: string) => `${numberFormat.format(value)} ${unit}`.trim();
export const formatPercent = (ratio: number | null) => (ratio === null ? 'not measured yet' : `${Math.round(ratio * 100)}%`);

/** Today in the reader's own calendar, for date inputs' defaults. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const schoolHref = (id: string) => `/change/schools/${id}`;
export const targetHref = (id: string) => `/change/targets/${id}`;
