import { AccessPolicy, type Actor } from '@app/identity';

/** The program team: consortium admins and platform facilitators, who run the program across schools. */
const onProgramTeam = (actor: Actor) => actor.platformRole === 'admin' || actor.platformRole === 'facilitator';

/**
 * Assessment rules over the identity access policy. A school's results and landscape belong to the school: other
 * schools' members never learn they exist (404). The permission table answers the named actions; the rules it has
 * no action for (who answers a school-level instrument, who writes the landscape) live here.
 */
export const AssessmentPolicy = {
  canManageInstruments(actor: Actor): boolean {
    return AccessPolicy.can(actor, 'program.manage', null);
  },

  isOfSchool(actor: Actor, schoolId: string): boolean {
    return actor.institutionId === schoolId;
  },

  /** The school's own members see its aggregates; its leads and the program team through 'assessment.schoolResults'. */
  canReadSchoolResults(actor: Actor, schoolId: string): boolean {
    return AssessmentPolicy.isOfSchool(actor, schoolId) || AccessPolicy.can(actor, 'assessment.schoolResults', schoolId);
  },

  canExport(actor: Actor, schoolId: string): boolean {
    return AccessPolicy.can(actor, 'assessment.export', schoolId);
  },

  /**
   * The consortium's distribution of school means is a comparison tool for those who hold 'assessment.schoolResults':
   * the program team anywhere, a school lead for their own school.
   */
  canSeeDistribution(actor: Actor): boolean {
    return AccessPolicy.can(actor, 'assessment.schoolResults', actor.institutionId);
  },

  /** A school is named in the distribution to its own people, to admins, and to everyone once it opted in. */
  mayName(actor: Actor, school: { id: string; namedToPeers: boolean }): boolean {
    return school.namedToPeers || actor.institutionId === school.id || actor.platformRole === 'admin';
  },

  canReadLandscape(actor: Actor, schoolId: string): boolean {
    return AssessmentPolicy.isOfSchool(actor, schoolId) || onProgramTeam(actor);
  },

  /** The school lead, admins, and members of the school's cohorts keep the inventory. */
  canWriteLandscape(actor: Actor, schoolId: string, schoolCohortIds: readonly string[]): boolean {
    if (actor.platformRole === 'admin') return true;
    if (actor.schoolLead && actor.institutionId === schoolId) return true;
    return actor.cohortIds.some((id) => schoolCohortIds.includes(id));
  },
};
