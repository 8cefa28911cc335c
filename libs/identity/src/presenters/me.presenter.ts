import { AccessPolicy, type Actor } from '../policy';
import type { OwnProfile } from '../repositories';

export function presentMe(profile: OwnProfile, actor: Actor) {
  const scopes = AccessPolicy.readableScopes(actor);
  const school = actor.institutionId;
  return {
    id: profile.id,
    email: profile.email,
    handle: profile.handle,
    displayName: profile.displayName,
    pronouns: profile.pronouns,
    schoolRole: profile.schoolRole,
    bio: profile.bio,
    expertise: profile.expertise,
    platformRole: profile.platformRole,
    institution: profile.institution
      ? { id: profile.institution.id, name: profile.institution.name, slug: profile.institution.slug }
      : null,
    schoolLeadOf: actor.schoolLead && school ? [school] : [],
    cohorts: profile.cohorts.map((c) => ({ id: c.id, name: c.name, programYear: c.programYear, institutionId: c.institutionId })),
    groups: profile.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
    scopes: scopes.everything ? ['*'] : [...scopes.keys],
    can: {
      manageInstitutions: AccessPolicy.can(actor, 'institution.create', null),
      invite: AccessPolicy.can(actor, 'invitation.manage', school),
      manageCohorts: AccessPolicy.can(actor, 'cohort.manage', school),
      manageGroups: AccessPolicy.can(actor, 'group.manage', school),
    },
  };
}

export type MeView = ReturnType<typeof presentMe>;
