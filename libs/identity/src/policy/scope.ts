/** A scope key names where a piece of content lives. */
export type ScopeKey = 'consortium' | `inst:${string}` | `cohort:${string}` | `group:${string}`;

export const CONSORTIUM: ScopeKey = 'consortium';
export const institutionScope = (id: string): ScopeKey => `inst:${id}`;
export const cohortScope = (id: string): ScopeKey => `cohort:${id}`;
export const groupScope = (id: string): ScopeKey => `group:${id}`;

/**
 * The scopes a person may read. `everything` is for consortium admins and facilitators, who
 * run and coach the whole program; everyone else has an explicit list.
 */
export interface ScopeSet {
  readonly everything: boolean;
  readonly keys: readonly ScopeKey[];
}

export const scopeIncludes = (set: ScopeSet, key: ScopeKey): boolean => set.everything || set.keys.includes(key);
