import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { CohortPlanRepository, type CohortRecord } from '../repositories/cohort-plan.repository';

/**
 * The cohort a person's path is read in: their first cohort by name, or one they name among their own. Naming any
 * other cohort is a 404, like any id they may not see.
 */
@Injectable()
export class MyCohort {
  constructor(private readonly plans: CohortPlanRepository) {}

  async select(actor: Actor, cohortId?: string): Promise<{ cohort: CohortRecord | null; cohorts: CohortRecord[] }> {
    const cohorts = await this.plans.cohortsOf(actor.userId);
    if (cohortId === undefined) return { cohort: cohorts[0] ?? null, cohorts };
    const cohort = cohorts.find((c) => c.id === cohortId);
    if (!cohort) throw notFound();
    return { cohort, cohorts };
  }
}
