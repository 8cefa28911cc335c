import type { Actor } from './actor';

/**
 * Every action that is not a plain read, and who may take it. The whole permission model is this table:
 * a rule gets the actor and the school the target belongs to (null for consortium-wide things).
 */
export type Action =
  | 'institution.create'
  | 'institution.update'
  | 'institution.delete'
  | 'cohort.manage'
  | 'group.manage'
  | 'invitation.manage'
  | 'invitation.grantPlatformRole'
  | 'invitation.grantSchoolLead'
  | 'member.manage'
  | 'member.setPlatformRole'
  | 'member.setSchoolLead'
  | 'member.viewEmail'
  | 'space.manage'
  | 'room.manage'
  | 'knowledge.curate';

type Rule = (actor: Actor, institutionId: string | null) => boolean;

const isAdmin: Rule = (actor) => actor.platformRole === 'admin';
const leadsSchool: Rule = (actor, institutionId) =>
  actor.schoolLead && institutionId !== null && actor.institutionId === institutionId;
const adminOrSchoolLead: Rule = (actor, institutionId) => isAdmin(actor, institutionId) || leadsSchool(actor, institutionId);

export const PERMISSIONS: Readonly<Record<Action, Rule>> = {
  'institution.create': isAdmin,
  'institution.update': adminOrSchoolLead,
  'institution.delete': isAdmin,
  'cohort.manage': adminOrSchoolLead,
  // A consortium-wide group (no school) is the admins' to manage.
  'group.manage': adminOrSchoolLead,
  'invitation.manage': adminOrSchoolLead,
  // Making someone a facilitator or admin is a consortium decision.
  'invitation.grantPlatformRole': isAdmin,
  'invitation.grantSchoolLead': adminOrSchoolLead,
  'member.manage': adminOrSchoolLead,
  'member.setPlatformRole': isAdmin,
  'member.setSchoolLead': adminOrSchoolLead,
  'member.viewEmail': adminOrSchoolLead,
  // Forum spaces of a school (or its cohorts and groups) are its leads' to set up; consortium spaces the admins'.
  'space.manage': adminOrSchoolLead,
  // Chats for Change are run by the program's facilitators anywhere, and by a school's leads for their school.
  'room.manage': (actor, institutionId) => actor.platformRole === 'facilitator' || adminOrSchoolLead(actor, institutionId),
  // Curating the knowledge base (any article's cycle, the dashboard, review settings): the program's facilitators
  // and admins anywhere, a school's leads for their school. An article whose owner left is theirs.
  'knowledge.curate': (actor, institutionId) => actor.platformRole === 'facilitator' || adminOrSchoolLead(actor, institutionId),
};

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];
