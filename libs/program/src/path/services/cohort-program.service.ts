import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode, forbidden, notFound, type ErrorDetail } from '@app/core';
import { AccessPolicy, type Actor } from '@app/identity';
import { PathPolicy } from '../policy/path-policy';
import { presentCohortPlan, presentFacilitatorResponse, presentProgressMatrix } from '../presenters/cohort.presenter';
import { CohortPlanRepository, type CohortRecord, type PhaseDates } from '../repositories/cohort-plan.repository';
import { ContentRepository } from '../repositories/content.repository';
import { ProgressRepository } from '../repositories/progress.repository';
import { isCalendarDate } from './item-input';

/**
 * Running a cohort through the program: its current phase and dates, its progress, its activity responses. Only
 * for those who facilitate the cohort's school; a cohort someone cannot see does not exist for them (404), one they
 * see but do not facilitate is a 403.
 */
@Injectable()
export class CohortProgramService {
  constructor(
    private readonly plans: CohortPlanRepository,
    private readonly content: ContentRepository,
    private readonly progress: ProgressRepository,
  ) {}

  async get(actor: Actor, cohortId: string) {
    const cohort = await this.facilitated(actor, cohortId);
    return presentCohortPlan(cohort, await this.plans.phaseDates(cohort.id));
  }

  async setPhase(actor: Actor, cohortId: string, phase: number | null) {
    const cohort = await this.facilitated(actor, cohortId);
    await this.plans.setCurrentPhase(cohort.id, phase);
    return this.get(actor, cohort.id);
  }

  /** Replaces all of the cohort's phase dates; any problem refuses the whole set and nothing changes. */
  async setDates(actor: Actor, cohortId: string, dates: PhaseDates[]) {
    const cohort = await this.facilitated(actor, cohortId);
    checkDates(dates);
    await this.plans.replaceDates(
      cohort.id,
      [...dates].sort((a, b) => a.phase - b.phase),
    );
    return this.get(actor, cohort.id);
  }

  async progressMatrix(actor: Actor, cohortId: string) {
    const cohort = await this.facilitated(actor, cohortId);
    const [dates, members, tree, cells] = await Promise.all([
      this.plans.phaseDates(cohort.id),
      this.plans.members(cohort.id),
      this.content.tree(),
      this.progress.cohortCells(cohort.id),
    ]);
    return presentProgressMatrix(cohort, dates, members, tree.items, cells);
  }

  /** Every response of the cohort's members to one activity, shared or not: facilitators read them all. */
  async responses(actor: Actor, cohortId: string, itemId: string) {
    const cohort = await this.facilitated(actor, cohortId);
    const item = await this.content.itemById(itemId);
    if (!item) throw notFound();
    const responses = await this.progress.cohortResponses(item.id, cohort.id, { sharedOnly: false });
    const readable = responses.filter((response) => PathPolicy.canReadResponse(actor, response, cohort, false));
    return { item: { id: item.id, title: item.title, kind: item.kind }, items: readable.map(presentFacilitatorResponse) };
  }

  private async facilitated(actor: Actor, cohortId: string): Promise<CohortRecord> {
    const cohort = await this.plans.cohort(cohortId);
    if (!cohort || !AccessPolicy.canSeeCohort(actor, cohort)) throw notFound();
    if (!PathPolicy.canFacilitate(actor, cohort))
      throw forbidden('Only the cohort’s facilitators and school leads run it through the program');
    return cohort;
  }
}

/** Each phase at most once, real calendar days, and no phase ending before it starts. */
function checkDates(dates: readonly PhaseDates[]): void {
  const problems: ErrorDetail[] = [];
  const seen = new Set<number>();
  dates.forEach((d, i) => {
    if (seen.has(d.phase)) problems.push({ field: `dates.${i}.phase`, message: `phase ${d.phase} is listed twice` });
    seen.add(d.phase);
    const startOk = isCalendarDate(d.startsOn);
    const endOk = isCalendarDate(d.endsOn);
    if (!startOk) problems.push({ field: `dates.${i}.startsOn`, message: 'startsOn must be a real date, YYYY-MM-DD' });
    if (!endOk) problems.push({ field: `dates.${i}.endsOn`, message: 'endsOn must be a real date, YYYY-MM-DD' });
    if (startOk && endOk && d.endsOn < d.startsOn)
      problems.push({ field: `dates.${i}.endsOn`, message: `phase ${d.phase} ends before it starts` });
  });
  if (problems.length) throw badRequest(ErrorCode.ValidationFailed, problems.map((p) => p.message).join('; '), problems);
}
