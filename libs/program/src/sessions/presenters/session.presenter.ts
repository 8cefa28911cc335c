import type { RsvpAnswer } from '../policy/session-policy';
import type { RosterRow, RsvpCounts, RsvpRow, SessionRecord } from '../repositories';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

export const sessionPath = (id: string) => `/program/sessions/${id}`;

/** A session in a list or the calendar: times in UTC plus the zone it was planned in. */
export function presentSessionSummary(session: SessionRecord, myRsvp: RsvpAnswer | null) {
  return {
    id: session.id,
    kind: session.kind,
    phase: session.phase,
    title: session.title,
    startsAt: iso(session.startsAt)!,
    endsAt: iso(session.endsAt)!,
    timeZone: session.timeZone,
    audience: session.scopeKey,
    location: session.location,
    joinUrl: session.joinUrl,
    parentId: session.parentId,
    cancelled: session.cancelledAt !== null,
    cancelledAt: iso(session.cancelledAt),
    myRsvp,
    url: sessionPath(session.id),
  };
}

export type PreworkView =
  { kind: 'item'; id: string; title: string; url: string } | { kind: 'article'; id: string; title: string; url: string };

/** What only those who run the session see. */
export interface FacilitatorView {
  notes: string;
  notesArticleId: string | null;
  rsvps: RsvpRow[];
  attendance: RosterRow[];
}

export interface SessionDetails {
  prework: PreworkView[];
  parent: { id: string; title: string } | null;
  subSessions: SessionRecord[];
  myRsvp: RsvpAnswer | null;
  counts: RsvpCounts;
  ended: boolean;
  can: { edit: boolean; run: boolean };
  facilitator: FacilitatorView | null;
}

export function presentRsvp(row: RsvpRow) {
  return { person: { id: row.userId, displayName: row.displayName }, answer: row.answer, updatedAt: iso(row.updatedAt) };
}

export function presentRosterRow(row: RosterRow) {
  return {
    person: { id: row.userId, displayName: row.displayName },
    rsvp: row.answer,
    attended: row.attended,
    recordedAt: iso(row.recordedAt),
  };
}

/** The session page: the agenda as sanitised HTML (its Markdown too for those who edit it). */
export function presentSession(session: SessionRecord, details: SessionDetails) {
  return {
    ...presentSessionSummary(session, details.myRsvp),
    description: session.description,
    agenda: details.can.edit ? session.agenda : undefined,
    agendaHtml: session.agendaHtml,
    facilitators: session.facilitators,
    room: session.roomId ? { id: session.roomId, url: `/chat/r/${session.roomId}` } : null,
    parent: details.parent,
    subSessions: details.subSessions.map((s) => presentSessionSummary(s, null)),
    prework: details.prework,
    rsvpCounts: details.counts,
    ended: details.ended,
    can: { ...details.can, rsvp: session.cancelledAt === null && !details.ended },
    icsUrl: `/api/v1${sessionPath(session.id)}/ics`,
    createdAt: iso(session.createdAt),
    updatedAt: iso(session.updatedAt),
    notes: details.facilitator?.notes,
    notesArticleId: details.facilitator?.notesArticleId,
    rsvps: details.facilitator?.rsvps.map(presentRsvp),
    attendance: details.facilitator?.attendance.map(presentRosterRow),
  };
}
