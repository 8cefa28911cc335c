import { AccessPolicy, type Actor } from '@app/identity';

export const ITEM_KINDS = ['video', 'reading', 'activity', 'assessment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemStatus = 'not_started' | 'in_progress' | 'done';

/** What the rules need to know about a cohort. */
export interface CohortFacts {
  id: string;
  institutionId: string;
}

/** What the rules need to know about an activity response. */
export interface ResponseFacts {
  authorId: string;
  sharedWithCohort: boolean;
}

/**
 * Learning-path rules over the identity access policy. The program's content is the consortium's (admins write it,
 * every signed-in member reads it); a cohort's progress and responses belong to its school's facilitators.
 */
export const PathPolicy = {
  canManageContent(actor: Actor): boolean {
    return AccessPolicy.can(actor, 'program.manage', null);
  },

  canFacilitate(actor: Actor, cohort: CohortFacts): boolean {
    return AccessPolicy.can(actor, 'program.facilitate', cohort.institutionId);
  },

  /**
   * An activity response is read by its author, by the facilitators of a cohort the author is in, and by the
   * author's peers in that cohort only when it was shared. `peer` says the reader and author share the cohort.
   */
  canReadResponse(actor: Actor, response: ResponseFacts, cohort: CohortFacts, peer: boolean): boolean {
    if (response.authorId === actor.userId) return true;
    if (PathPolicy.canFacilitate(actor, cohort)) return true;
    return peer && response.sharedWithCohort;
  },

  /** Item kinds a member marks done themselves; an assessment is done when it is submitted. */
  completesByHand(kind: ItemKind): boolean {
    return kind !== 'assessment';
  },
};

/**
 * A required item is overdue once its cohort's phase end date has passed without it being done. Dates are whole
 * days; `today` is the app clock's date in UTC, so an item due today is not overdue until tomorrow.
 */
export function isOverdue(item: { required: boolean; status: ItemStatus; dueOn: string | null }, today: string): boolean {
  return item.required && item.status !== 'done' && item.dueOn !== null && item.dueOn < today;
}

/** 'YYYY-MM-DD' of a moment, in UTC. */
