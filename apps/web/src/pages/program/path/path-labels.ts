import type { ItemKind, ItemStatus, Tally } from './types';

export const STATUS_LABELS: Record<ItemStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done' };
export const KIND_LABELS: Record<ItemKind, string> = {
  video: 'Video',
  reading: 'Reading',
  activity: 'Activity',
  assessment: 'Assessment',
};

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar day ('YYYY-MM-DD') in words, the same day wherever the reader is. */
export function dayLabel(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function tallyText(tally: Tally): string {
  return `${tally.requiredDone} of ${tally.requiredTotal} required done`;
}

export const itemPath = (id: string) => `/program/items/${encodeURIComponent(id)}`;
