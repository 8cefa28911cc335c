import { badRequest, ErrorCode } from '@app/core';
import type { ScopeKey } from '@app/identity';
import { renderMarkdown } from '@app/markdown';
import { AUDIENCE_KINDS, audienceKindOf, DEFAULT_MINUTES, type SessionKind } from '../policy/session-policy';
import type { PreworkEntry } from '../repositories';

export const MAX_PREWORK = 20;
export const MAX_FACILITATORS = 20;
/** A conference may run over days; anything longer than this is a typo, not a session. */
export const MAX_SESSION_DAYS = 31;

export interface SessionInput {
  kind: SessionKind;
  phase?: number | null;
  title: string;
  description?: string;
  startsAt: string;
  endsAt?: string;
  timeZone: string;
  audience: ScopeKey;
  facilitatorIds?: string[];
  joinUrl?: string | null;
  location?: string | null;
  agenda?: string;
  prework?: { itemId?: string; articleId?: string }[];
  roomId?: string;
  parentId?: string;
}

/** What may change after creation: the kind, audience and conference a session belongs to stay as they were. */
export type SessionPatch = Partial<Omit<SessionInput, 'kind' | 'audience' | 'parentId' | 'roomId'>> & { roomId?: string | null };

export const invalid = (field: string, message: string) =>
  badRequest(ErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);

/** An IANA zone name the runtime knows ("Europe/Berlin", "UTC"); offsets and abbreviations are not zones. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function checkTimeZone(zone: string): string {
  if (!isTimeZone(zone)) throw invalid('timeZone', 'must be an IANA time zone such as Europe/Berlin');
  return zone;
}

/** The span of a session: the end defaults to the kind's usual length; it must come after the start. */
export function sessionSpan(
  kind: SessionKind,
  startsAt: string | Date,
  endsAt?: string | Date | null,
): { startsAt: Date; endsAt: Date } {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) throw invalid('startsAt', 'must be a date and time');
  const end = endsAt ? new Date(endsAt) : new Date(start.getTime() + DEFAULT_MINUTES[kind] * 60_000);
  if (Number.isNaN(end.getTime())) throw invalid('endsAt', 'must be a date and time');
  if (end.getTime() <= start.getTime()) throw invalid('endsAt', 'must be after startsAt');
  if (end.getTime() - start.getTime() > MAX_SESSION_DAYS * 86_400_000)
    throw invalid('endsAt', `must be within ${MAX_SESSION_DAYS} days of startsAt`);
  return { startsAt: start, endsAt: end };
}

export function checkAudience(kind: SessionKind, audience: ScopeKey): void {
  const allowed = AUDIENCE_KINDS[kind];
  if (!allowed.includes(audienceKindOf(audience))) {
    throw badRequest(
      ErrorCode.SessionAudienceInvalid,
      `A ${kind.replaceAll('_', ' ')} session is for ${allowed.map(describeAudience).join(' or ')}`,
      [{ field: 'audience', message: `must be ${allowed.map(describeAudience).join(' or ')}` }],
    );
  }
}

const describeAudience = (kind: string) =>
  kind === 'consortium' ? 'the consortium' : kind === 'inst' ? 'a school (inst:<id>)' : `a ${kind}`;

/** A site visit happens somewhere: its place is required. Empty strings mean "none". */
export function checkLocation(kind: SessionKind, location: string | null | undefined): string | null {
  const place = location?.trim() || null;
  if (kind === 'site_visit' && !place) throw invalid('location', 'is required for a site visit');
  return place;
}

export function renderAgenda(agenda: string): string {
  return agenda.trim() ? renderMarkdown(agenda).html : '';
}

/** Each pre-work entry names exactly one thing; the same thing twice is listed once. */
export function normalisePrework(entries: readonly { itemId?: string; articleId?: string }[]): PreworkEntry[] {
  if (entries.length > MAX_PREWORK) throw invalid('prework', `may hold at most ${MAX_PREWORK} entries`);
  const seen = new Set<string>();
  const out: PreworkEntry[] = [];
  entries.forEach((entry, i) => {
    if (!!entry.itemId === !!entry.articleId) throw invalid(`prework[${i}]`, 'must name either itemId or articleId');
    const key = entry.itemId ? `item:${entry.itemId.toLowerCase()}` : `article:${entry.articleId!.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry.itemId ? { itemId: entry.itemId.toLowerCase() } : { articleId: entry.articleId!.toLowerCase() });
  });
  return out;
}
