import { api, itemsOf } from './api';
import { cohortLabel, loadCohorts, loadSchools } from './directory';
import type { Group, Me, Page } from './types';

export interface ScopeOption {
  value: string;
  label: string;
}

/**
 * The scopes this person may organise something in (a dialogue room, a session), named as they know them: everywhere
 * for the program team, their own school's for a school lead. The server checks again; this only fills a select.
 */
export async function organisedScopeOptions(me: Me): Promise<ScopeOption[]> {
  const everywhere = me.platformRole === 'admin' || me.platformRole === 'facilitator';
  const led = new Set(me.schoolLeadOf);
  const [schools, cohorts, groups] = await Promise.all([
    loadSchools().catch(() => []),
    loadCohorts().catch(() => []),
    api.get<Page<Group> | Group[]>('/groups').then(itemsOf, () => [] as Group[]),
  ]);
  const mine = (institutionId: string | null) => everywhere || (!!institutionId && led.has(institutionId));
  return [
    ...(everywhere ? [{ value: 'consortium', label: 'Whole consortium' }] : []),
    ...schools.filter((s) => mine(s.id)).map((s) => ({ value: `inst:${s.id}`, label: `School: ${s.name}` })),
    ...cohorts
      .filter((c) => mine(c.institutionId))
      .map((c) => ({ value: `cohort:${c.id}`, label: `Cohort: ${cohortLabel(c, everywhere ? schools : undefined)}` })),
    ...groups.filter((g) => mine(g.institutionId)).map((g) => ({ value: `group:${g.id}`, label: `Group: ${g.name}` })),
  ];
}
