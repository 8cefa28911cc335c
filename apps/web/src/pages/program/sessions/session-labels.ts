import type { Me } from '../../../lib/types';
import type { RsvpAnswer, SessionKind } from './types';

type AudienceKind = 'consortium' | 'inst' | 'cohort' | 'group';

/** Each kind of session: its name, its usual length (the server's defaults) and who it is for. */
export const SESSION_KINDS: { value: SessionKind; label: string; minutes: number; audiences: AudienceKind[] }[] = [
  { value: 'dialogue_framing', label: 'Dialogue & framing', minutes: 90, audiences: ['cohort'] },
  { value: 'coaching', label: 'Coaching & outcome mapping', minutes: 90, audiences: ['cohort'] },
  { value: 'community_of_practice', label: 'Community of practice', minutes: 60, audiences: ['consortium'] },
  { value: 'chats_for_change', label: 'Chats for Change', minutes: 90, audiences: ['consortium', 'inst', 'cohort', 'group'] },
  { value: 'site_visit', label: 'Site visit', minutes: 240, audiences: ['inst'] },
  { value: 'conference', label: 'Conference', minutes: 480, audiences: ['consortium'] },
];

export const kindLabel = (kind: string) => SESSION_KINDS.find((k) => k.value === kind)?.label ?? kind;
export const audienceKindOf = (scope: string): AudienceKind =>
  scope === 'consortium' ? 'consortium' : (scope.split(':')[0] as AudienceKind);

export const RSVP_OPTIONS: { value: RsvpAnswer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'maybe', label: 'Maybe' },
];

export const RSVP_WORDS: Record<RsvpAnswer, string> = { yes: 'Going', no: 'Not going', maybe: 'Maybe' };

/** Who may set sessions up: the program's facilitators and admins anywhere, school leads for their school. */
export const canPlanSessions = (me: Me) =>
  me.platformRole === 'admin' || me.platformRole === 'facilitator' || me.schoolLeadOf.length > 0;

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
const dayHeadingFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** The viewer's calendar day of an instant, "2025-03-04", for grouping. */
export const dayKey = (iso: string) => dayKeyFormat.format(new Date(iso));
export const dayHeading = (iso: string) => dayHeadingFormat.format(new Date(iso));
export const timeOf = (iso: string) => timeFormat.format(new Date(iso));
export const monthHeading = (date: Date) => monthFormat.format(date);

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "4 March 2025, 9:00 – 10:30 AM" in the viewer's zone. */
export function whenText(startsAt: string, endsAt: string): string {
  const sameDay = dayKey(startsAt) === dayKey(endsAt);
  return sameDay
    ? `${dayHeading(startsAt)}, ${timeOf(startsAt)} – ${timeOf(endsAt)}`
    : `${dayHeading(startsAt)}, ${timeOf(startsAt)} – ${dayHeading(endsAt)}, ${timeOf(endsAt)}`;
}

/** The start as the organisers planned it, in the session's own zone. */
export function plannedText(startsAt: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
      new Date(startsAt),
    );
  } catch {
    return startsAt;
  }
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

/**
 * A wall-clock reading ("2025-03-04T09:00", a datetime-local value) in `zone` as an ISO instant: the organiser plans
 * in the session's zone, whatever zone their own browser is in. Null when empty or unreadable.
 */
export function zonedToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    // Twice, so a reading next to a daylight-saving change takes the offset in force at the result.
    const first = wall - zoneOffset(wall, zone);
    return new Date(wall - zoneOffset(first, zone)).toISOString();
  } catch {
    return null;
  }
}

/** A datetime-local value `minutes` after another (wall clock arithmetic, the way the organiser reads it). */
export function addMinutes(local: string, minutes: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return '';
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return date.toISOString().slice(0, 16);
}
