import type { Actor } from './actor';
import { PERMISSIONS, type Action } from './permissions';
import { CONSORTIUM, cohortScope, groupScope, institutionScope, scopeIncludes, type ScopeKey, type ScopeSet } from './scope';

/**
 * The one place that answers "may this person see or do this". Pure functions over an Actor, so
 * services, the search layer and the socket gateway all ask the same questions the same way.
 */
export const AccessPolicy = {
  readableScopes(actor: Actor): ScopeSet {
    if (actor.platformRole === 'admin' || actor.platformRole === 'facilitator') return { everything: true, keys: [] };
    const keys: ScopeKey[] = [CONSORTIUM];
    if (actor.institutionId) keys.push(institutionScope(actor.institutionId));
    const cohorts = new Set([...actor.cohortIds, ...actor.ledCohortIds]);
    const groups = new Set([...actor.groupIds, ...actor.ledGroupIds]);
    for (const id of cohorts) keys.push(cohortScope(id));
    for (const id of groups) keys.push(groupScope(id));
    return { everything: false, keys };
  },

  canRead(actor: Actor, scope: ScopeKey): boolean {
    return scopeIncludes(AccessPolicy.readableScopes(actor), scope);
  },

  can(actor: Actor, action: Action, institutionId: string | null): boolean {
    return PERMISSIONS[action](actor, institutionId);
  },

  /** Schools are listed consortium-wide: every member may see that a school takes part. */
  canSeeInstitution(actor: Actor): boolean {
    return AccessPolicy.canRead(actor, CONSORTIUM);
  },

  /** A cohort is visible to its school and to its own members (and to those who see everything). */
  canSeeCohort(actor: Actor, cohort: { id: string; institutionId: string }): boolean {
    const scopes = AccessPolicy.readableScopes(actor);
    return scopeIncludes(scopes, cohortScope(cohort.id)) || scopeIncludes(scopes, institutionScope(cohort.institutionId));
  },

  /** A group is visible only to its members, its school's leads, and those who see everything. */
  canSeeGroup(actor: Actor, group: { id: string }): boolean {
    return AccessPolicy.canRead(actor, groupScope(group.id));
  },
};
