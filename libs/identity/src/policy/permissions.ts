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
  | 'knowledge.curate'
  | 'program.manage'
  | 'program.facilitate'
  | 'assessment.schoolResults'
  | 'assessment.export'
  | 'change.manage';

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
  // The program's content (phases, modules, items, assessment instruments) is the consortium's.
  'program.manage': isAdmin,
  // Running a cohort through the program (its phase and dates, progress, activity responses, sessions, attendance):
  // the program's facilitators anywhere, a school's leads for their school.
  'program.facilitate': (actor, institutionId) => actor.platformRole === 'facilitator' || adminOrSchoolLead(actor, institutionId),
  // A school's aggregated readiness results: its leads and the program team; the CSV export is the school lead's.
  'assessment.schoolResults': (actor, institutionId) => actor.platformRole === 'facilitator' || adminOrSchoolLead(actor, institutionId),
  'assessment.export': adminOrSchoolLead,
  // A school's change targets are its own: its leads (the change service adds its guiding coalition and each target's
  // owner); the program team reads them but does not write them.
  'change.manage': adminOrSchoolLead,
};

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];
