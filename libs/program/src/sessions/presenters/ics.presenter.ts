import type { IcsEvent } from '../ical/ical-writer';
import type { SessionRecord } from '../repositories';
import { sessionPath } from './session.presenter';

/**
 * A session as a calendar event. SEQUENCE counts the seconds from creation to the last change organisers made
 * (edits and cancelling move updated_at; RSVPs and notes do not), so it only grows and needs no column of its own.
 */
export function toIcsEvent(session: SessionRecord, publicUrl: string, now: Date): IcsEvent {
  const url = `${publicUrl}${sessionPath(session.id)}`;
  const created = new Date(session.createdAt);
  const updated = new Date(session.updatedAt);
  const description = [
    session.cancelledAt ? 'This session was cancelled.' : null,
    session.description.trim() || null,
    session.joinUrl ? `Join: ${session.joinUrl}` : null,
    `Details and pre-work: ${url}`,
    `Times are in UTC; the organisers planned it in ${session.timeZone}.`,
  ].filter((part): part is string => part !== null);
  return {
    uid: `${session.id}@art-commons`,
    stamp: now,
    start: new Date(session.startsAt),
    end: new Date(session.endsAt),
    summary: session.title,
    description: description.join('\n\n'),
    location: session.location ?? (session.joinUrl ? session.joinUrl : null),
    url,
    cancelled: session.cancelledAt !== null,
    sequence: Math.max(0, Math.floor((updated.getTime() - created.getTime()) / 1000)),
    created,
    lastModified: updated,
  };
}

/** A file name from the title: letters, digits and dashes only, so no header or file system takes it amiss. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'session'}.ics`;
}
