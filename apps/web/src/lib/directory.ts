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

/** Cohort names repeat between schools ("Cohort 2026"), so the school is named when the list spans several. */
export function cohortLabel(c: Cohort, schools?: Institution[]): string {
  const year = c.name.includes(String(c.programYear)) ? '' : ` (${c.programYear})`;
  const school = schools?.find((s) => s.id === c.institutionId)?.name;
  return school ? `${c.name}${year} · ${school}` : `${c.name}${year}`;
}
