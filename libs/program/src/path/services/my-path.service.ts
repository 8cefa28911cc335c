import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { AccessPolicy, type Actor } from '@app/identity';
import { calendarDate } from '../../calendar-date';
import { PathPolicy } from '../policy/path-policy';
import { presentPath } from '../presenters/path.presenter';
import { CohortPlanRepository } from '../repositories/cohort-plan.repository';
import { ContentRepository } from '../repositories/content.repository';
import { PhaseRepository } from '../repositories/phase.repository';
import { ProgressRepository } from '../repositories/progress.repository';
import { MyCohort } from './my-cohort.service';

/** A member's learning path: the whole program's content with their own progress and their cohort's dates. */
@Injectable()
export class MyPathService {
  constructor(
    private readonly myCohort: MyCohort,
    private readonly plans: CohortPlanRepository,
    private readonly phases: PhaseRepository,
    private readonly content: ContentRepository,
    private readonly progress: ProgressRepository,
    private readonly clock: Clock,
  ) {}

  async path(actor: Actor, cohortId?: string) {
    const { cohort, cohorts } = await this.myCohort.select(actor, cohortId);
    const [dates, phases, tree, progress] = await Promise.all([
      cohort ? this.plans.phaseDates(cohort.id) : Promise.resolve([]),
      this.phases.list(),
      this.content.tree(),
      this.progress.forUser(actor.userId),
    ]);
    return presentPath({
      cohort,
      cohorts,
      dates,
      phases,
      modules: tree.modules,
      items: tree.items,
      progress,
      today: calendarDate(this.clock.now()),
      can: {
        manage: PathPolicy.canManageContent(actor),
        // Whether to offer the cohort pages at all; each cohort is checked when it is opened.
        facilitate: AccessPolicy.can(actor, 'program.facilitate', actor.institutionId),
      },
    });
  }
}
