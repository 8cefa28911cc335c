import { api, itemsOf } from './api';
import type { Cohort, Institution, Page } from './types';

/** Schools and cohorts for filter menus; a failure leaves the menu empty rather than breaking the page. */
export async function loadSchools(): Promise<Institution[]> {
  return itemsOf(await api.get<Page<Institution> | Institution[]>('/institutions')).sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadCohorts(institutionId?: string): Promise<Cohort[]> {
  const list = itemsOf(await api.get<Page<Cohort> | Cohort[]>('/cohorts', { institutionId }));
  return list.sort((a, b) => b.programYear - a.programYear || a.name.localeCompare(b.name));
}

export const cohortLabel = (c: Cohort) => `${c.name} (${c.programYear})`;
