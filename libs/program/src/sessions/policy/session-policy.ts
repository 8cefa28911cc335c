import { AccessPolicy, type Actor, type ScopeKey } from '@app/identity';

export const SESSION_KINDS = [
  'dialogue_framing',
  'coaching',
  'community_of_practice',
  'chats_for_change',
  'site_visit',
  'conference',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export type AudienceKind = 'consortium' | 'inst' | 'cohort' | 'group';

/**
 * How long each kind of session runs when the organiser gives no end, in minutes. The program's design fixes the
 * first three (a 1.5 h dialogue, a 1.5 h coaching session, a 1 h community of practice); the others are sensible
 * starting points the organiser usually overrides.
 */
export const DEFAULT_MINUTES: Record<SessionKind, number> = {
  dialogue_framing: 90,
  coaching: 90,
  community_of_practice: 60,
  chats_for_change: 90,
  site_visit: 240,
  conference: 480,
};

/**
 * Who each kind of session is for. A dialogue or coaching session is a cohort's; the community of practice and the
 * conference gather every school; a site visit is hosted by one school; a Chat for Change follows its room's scope.
 */
export const AUDIENCE_KINDS: Record<SessionKind, readonly AudienceKind[]> = {
  dialogue_framing: ['cohort'],
  coaching: ['cohort'],
  community_of_practice: ['consortium'],
  chats_for_change: ['consortium', 'inst', 'cohort', 'group'],
  site_visit: ['inst'],
  conference: ['consortium'],
};

export const audienceKindOf = (scope: ScopeKey): AudienceKind =>
  scope === 'consortium' ? 'consortium' : (scope.split(':')[0] as AudienceKind);

/** What the rules need to know about a session, loaded with it. */
export interface SessionFacts {
  scopeKey: ScopeKey;
  createdById: string | null;
  facilitatorIds: readonly string[];
}

/**
 * Sessions over the identity access policy. A session exists only for those who can read its audience. Running it
 * (attendance, notes, the RSVP list) is for its facilitators and whoever may facilitate the program at the
 * audience's school ('program.facilitate'); its creator may also edit and cancel it.
 */
export const SessionPolicy = {
  canSee(actor: Actor, session: Pick<SessionFacts, 'scopeKey'>): boolean {
    return AccessPolicy.canRead(actor, session.scopeKey);
  },

  /** `school`: the audience's school (null for the consortium or a consortium-wide group). */
  canRun(actor: Actor, session: SessionFacts, school: string | null): boolean {
    return session.facilitatorIds.includes(actor.userId) || AccessPolicy.can(actor, 'program.facilitate', school);
  },

  canEdit(actor: Actor, session: SessionFacts, school: string | null): boolean {
    return session.createdById === actor.userId || SessionPolicy.canRun(actor, session, school);
  },

  /** Setting one up: facilitating at the audience's school, and reading the audience. */
  canCreate(actor: Actor, scope: ScopeKey, school: string | null): boolean {
    return AccessPolicy.canRead(actor, scope) && AccessPolicy.can(actor, 'program.facilitate', school);
  },

  /**
   * Whether a person belongs to an audience by membership (not merely by being able to read it, which platform
   * facilitators and school leads can everywhere they work): the consortium is everyone, a school its people, a
   * cohort or group its members.
   */
  isInAudience(person: Actor, scope: ScopeKey): boolean {
    if (scope === 'consortium') return true;
    const [kind, id] = scope.split(':');
    if (kind === 'inst') return person.institutionId === id;
    if (kind === 'cohort') return person.cohortIds.includes(id);
    return person.groupIds.includes(id);
  },

  /** The scopes a person belongs to by membership: what "my sessions" are drawn from. */
  memberScopes(person: Actor): ScopeKey[] {
    return [
      'consortium',
      ...(person.institutionId ? [`inst:${person.institutionId}` as ScopeKey] : []),
      ...person.cohortIds.map((id) => `cohort:${id}` as ScopeKey),
      ...person.groupIds.map((id) => `group:${id}` as ScopeKey),
    ];
  },
};
