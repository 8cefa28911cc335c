import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { cohortScope } from '@app/identity';
import { JobName, JobRegistry } from '@app/jobs';
import { PathNoticeRepository, calendarDate, overdueNudgeKey, type OverdueItem } from '@app/program';
import { Notifier } from './notifier.service';

/** Phase end dates are whole days; an hourly look is soon enough and cheap. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_PAGE = 500;
/** A bound on one run; whatever is left (not yet nudged) is picked up next hour. */
const MAX_PAGES = 40;

/**
 * Required learning-path items still not done after the cohort's phase ended → one nudge per person per item, ever
 * (the once key names both). The notifier checks the person may still read the cohort, so someone who left it hears
 * nothing; an item done since is no longer listed.
 */
@Injectable()
export class ProgramNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly path: PathNoticeRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.ProgramOverdueNudges, () => this.sweep());
    this.registry.repeat(JobName.ProgramOverdueNudges, SWEEP_EVERY_MS);
  }

  async sweep(): Promise<void> {
    const today = calendarDate(this.clock.now());
    for (let i = 0; i < MAX_PAGES; i += 1) {
      const page = await this.path.due(today, SWEEP_PAGE);
      for (const overdue of page) await this.nudge(overdue);
      if (page.length < SWEEP_PAGE) return;
    }
  }

  private async nudge(overdue: OverdueItem): Promise<void> {
    await this.notifier.deliver(overdueNudgeKey(overdue.userId, overdue.itemId), [
      {
        kind: 'program_item_overdue',
        userIds: [overdue.userId],
        content: {
          // One unread line per person however many items: "3 required items on your learning path are overdue".
          groupKey: 'program-overdue',
          threadKey: 'program-overdue',
          actorId: null,
          actorName: null,
          subject: overdue.title,
          detail: overdue.dueOn,
          url: `/program/items/${overdue.itemId}`,
          scopeKey: cohortScope(overdue.cohortId),
        },
      },
    ]);
  }
}
