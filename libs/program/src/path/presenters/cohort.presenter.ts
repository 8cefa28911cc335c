import type { CohortMember, CohortRecord, PhaseDates } from '../repositories/cohort-plan.repository';
import type { ItemSummary } from '../repositories/content.repository';
import type { ProgressCell, ResponseRecord } from '../repositories/progress.repository';
import { iso } from './content.presenter';

export function presentCohortPlan(cohort: CohortRecord, dates: PhaseDates[]) {
  return {
    id: cohort.id,
    name: cohort.name,
    institutionId: cohort.institutionId,
    currentPhase: cohort.currentPhase,
    phaseDates: dates,
  };
}

/**
 * The cohort's progress matrix: one row per member, one column per item in path order, each cell the member's status
 * there; counts per member and per item, so neither the page nor an export has to add them up.
 */
export function presentProgressMatrix(
  cohort: CohortRecord,
  dates: PhaseDates[],
  members: CohortMember[],
  items: ItemSummary[],
  cells: ProgressCell[],
) {
  const byKey = new Map(cells.map((cell) => [`${cell.userId}:${cell.itemId}`, cell]));
  const dueByPhase = new Map(dates.map((d) => [d.phase, d.endsOn]));
  const completed = new Map<string, number>();
  const rows = members.map((member) => {
    let done = 0;
    let requiredDone = 0;
    const itemCells = items.map((item) => {
      const cell = byKey.get(`${member.id}:${item.id}`);
      const status = cell?.status ?? 'not_started';
      if (status === 'done') {
        done += 1;
        if (item.required) requiredDone += 1;
        completed.set(item.id, (completed.get(item.id) ?? 0) + 1);
      }
      return { itemId: item.id, status, completedAt: iso(cell?.completedAt ?? null) };
    });
    return { id: member.id, displayName: member.displayName, done, requiredDone, cells: itemCells };
  });
  return {
    cohort: presentCohortPlan(cohort, dates),
    requiredTotal: items.filter((item) => item.required).length,
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      kind: item.kind,
      required: item.required,
      phase: item.phase,
      module: { id: item.moduleId, title: item.moduleTitle },
      dueOn: dueByPhase.get(item.phase) ?? null,
      completedCount: completed.get(item.id) ?? 0,
    })),
    members: rows,
  };
}

/** Facilitators see every response of their cohort, with whether its author shared it with the cohort. */
export function presentFacilitatorResponse(response: ResponseRecord) {
  return {
    author: { id: response.authorId, displayName: response.authorName },
    html: response.responseHtml,
    sharedWithCohort: response.sharedWithCohort,
    status: response.status,
    updatedAt: iso(response.updatedAt),
  };
}
