import { AuditEntryEntity } from './audit-entry.entity';
import { CohortEntity } from './cohort.entity';
import { GroupEntity } from './group.entity';
import { InstitutionEntity } from './institution.entity';
import { InvitationEntity } from './invitation.entity';
import { CohortMemberEntity, GroupMemberEntity } from './membership.entity';
import { ApiTokenEntity, SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export * from './audit-entry.entity';
export * from './cohort.entity';
export * from './group.entity';
export * from './institution.entity';
export * from './invitation.entity';
export * from './membership.entity';
export * from './session.entity';
export * from './user.entity';

export const IDENTITY_ENTITIES = [
  InstitutionEntity,
  CohortEntity,
  GroupEntity,
  UserEntity,
  CohortMemberEntity,
  GroupMemberEntity,
  InvitationEntity,
  SessionEntity,
  ApiTokenEntity,
  AuditEntryEntity,
];
