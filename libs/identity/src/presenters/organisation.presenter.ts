import type { CohortWithCount, GroupWithCount, InstitutionWithCount } from '../repositories';
import type { CohortEntity, GroupEntity, InstitutionEntity } from '../entities';

export const presentInstitution = (i: InstitutionEntity | InstitutionWithCount) => ({
  id: i.id,
  name: i.name,
  slug: i.slug,
  description: i.description,
  namedToPeers: i.namedToPeers,
  ...('memberCount' in i ? { memberCount: i.memberCount } : {}),
});

export const presentCohort = (c: CohortEntity | CohortWithCount) => ({
  id: c.id,
  name: c.name,
  programYear: c.programYear,
  institutionId: c.institutionId,
  ...('memberCount' in c ? { memberCount: c.memberCount } : {}),
});

export const presentGroup = (g: GroupEntity | GroupWithCount) => ({
  id: g.id,
  name: g.name,
  kind: g.kind,
  description: g.description,
  institutionId: g.institutionId,
  ...('memberCount' in g ? { memberCount: g.memberCount } : {}),
});
