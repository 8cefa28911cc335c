import { AccessPolicy, type Actor } from '../policy';
import type { CohortEntity, GroupEntity, InstitutionEntity, UserEntity } from '../entities';

export function presentMe(
  user: UserEntity,
  actor: Actor,
  context: { institution: InstitutionEntity | null; cohorts: CohortEntity[]; groups: GroupEntity[] },
) {
  const scopes = AccessPolicy.readableScopes(actor);
  const school = actor.institutionId;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    pronouns: user.pronouns,
    schoolRole: user.schoolRole,
    bio: user.bio,
    expertise: user.expertise,
    platformRole: user.platformRole,
    institution: context.institution
      ? { id: context.institution.id, name: context.institution.name, slug: context.institution.slug }
      : null,
    schoolLeadOf: actor.schoolLead && school ? [school] : [],
    cohorts: context.cohorts.map((c) => ({ id: c.id, name: c.name, programYear: c.programYear, institutionId: c.institutionId })),
    groups: context.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
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
