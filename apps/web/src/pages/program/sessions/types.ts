// Shapes of the sessions and calendar API (docs/program-sessions.md).

export type SessionKind =
  'dialogue_framing' | 'coaching' | 'community_of_practice' | 'chats_for_change' | 'site_visit' | 'conference';
export type RsvpAnswer = 'yes' | 'no' | 'maybe';
export type CalendarView = 'mine' | 'cohort' | 'consortium';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface SessionSummary {
  id: string;
  kind: SessionKind;
  phase: number | null;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  audience: string;
  location: string | null;
  joinUrl: string | null;
  parentId: string | null;
  cancelled: boolean;
  cancelledAt: string | null;
  myRsvp: RsvpAnswer | null;
  url: string;
}

export interface PreworkEntry {
  kind: 'item' | 'article';
  id: string;
  title: string;
  url: string;
}

export interface RosterEntry {
  person: PersonRef;
  rsvp: RsvpAnswer | null;
  attended: boolean | null;
  recordedAt: string | null;
}

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
}

export interface SessionDetail extends SessionSummary {
  description: string;
  agenda?: string;
  agendaHtml: string;
  facilitators: PersonRef[];
  room: { id: string; url: string } | null;
  parent: { id: string; title: string } | null;
  subSessions: SessionSummary[];
  prework: PreworkEntry[];
  rsvpCounts: RsvpCounts;
  ended: boolean;
  can: { edit: boolean; run: boolean; rsvp: boolean };
  icsUrl: string;
  notes?: string;
  notesArticleId?: string | null;
  rsvps?: { person: PersonRef; answer: RsvpAnswer; updatedAt: string }[];
  attendance?: RosterEntry[];
}

export interface CalendarPage {
  view: CalendarView;
  from: string;
  to: string;
  items: SessionSummary[];
  nextCursor: string | null;
}

export interface FeedUrls {
  url: string;
  webcalUrl: string;
}
