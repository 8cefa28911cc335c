import { isOverdue, type ItemStatus } from '../policy/path-policy';
import type { CohortRecord, PhaseDates } from '../repositories/cohort-plan.repository';
import type { ItemSummary, ModuleRecord } from '../repositories/content.repository';
import type { PhaseRecord } from '../repositories/phase.repository';
import type { ProgressRecord } from '../repositories/progress.repository';
import { iso } from './content.presenter';

export interface Tally {
  done: number;
  total: number;
  requiredDone: number;
  requiredTotal: number;
}

export interface PathFacts {
  cohort: CohortRecord | null;
  cohorts: CohortRecord[];
  dates: PhaseDates[];
  phases: PhaseRecord[];
  modules: ModuleRecord[];
  items: ItemSummary[];
  progress: ProgressRecord[];
  today: string;
  can: { manage: boolean; facilitate: boolean };
}

export const statusOf = (progress: ProgressRecord | undefined): ItemStatus => progress?.status ?? 'not_started';

const emptyTally = (): Tally => ({ done: 0, total: 0, requiredDone: 0, requiredTotal: 0 });

function count(tally: Tally, required: boolean, status: ItemStatus): void {
  tally.total += 1;
  if (status === 'done') tally.done += 1;
  if (required) {
    tally.requiredTotal += 1;
    if (status === 'done') tally.requiredDone += 1;
  }
}

export function presentCohortContext(cohort: CohortRecord, dates: PhaseDates[]) {
  return { id: cohort.id, name: cohort.name, currentPhase: cohort.currentPhase, phaseDates: dates };
}

/** A person's path: every phase with its modules and items, their status, dates from their cohort, and tallies. */
export function presentPath(facts: PathFacts) {
  const progressByItem = new Map(facts.progress.map((p) => [p.itemId, p]));
  const datesByPhase = new Map(facts.dates.map((d) => [d.phase, d]));
  const overall = emptyTally();
  const phases = facts.phases.map((phase) => {
    const dates = datesByPhase.get(phase.number) ?? null;
    const tally = emptyTally();
    const modules = facts.modules
      .filter((m) => m.phase === phase.number)
      .map((module) => ({
        id: module.id,
        title: module.title,
        description: module.description,
        position: module.position,
        items: facts.items
          .filter((item) => item.moduleId === module.id)
          .map((item) => {
            const progress = progressByItem.get(item.id);
            const status = statusOf(progress);
            const dueOn = dates?.endsOn ?? null;
            count(tally, item.required, status);
            count(overall, item.required, status);
            return {
              id: item.id,
              kind: item.kind,
              title: item.title,
              required: item.required,
              position: item.position,
              status,
              completedAt: iso(progress?.completedAt ?? null),
              dueOn,
              overdue: isOverdue({ required: item.required, status, dueOn }, facts.today),
            };
          }),
      }));
    return {
      number: phase.number,
      title: phase.title,
      description: phase.description,
      goals: phase.goals,
      current: facts.cohort?.currentPhase === phase.number,
      startsOn: dates?.startsOn ?? null,
      endsOn: dates?.endsOn ?? null,
      progress: tally,
      modules,
    };
  });
  return {
    cohort: facts.cohort ? presentCohortContext(facts.cohort, facts.dates) : null,
    cohorts: facts.cohorts.map((c) => ({ id: c.id, name: c.name })),
    currentPhase: facts.cohort?.currentPhase ?? null,
    today: facts.today,
    progress: overall,
    phases,
    can: facts.can,
  };
}
