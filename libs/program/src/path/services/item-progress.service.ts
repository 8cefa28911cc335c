import { Injectable } from '@nestjs/common';
import { badRequest, Clock, ErrorCode, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { renderMarkdown } from '@app/markdown';
import { calendarDate } from '../../calendar-date';
import { PathPolicy } from '../policy/path-policy';
import { presentItem } from '../presenters/item.presenter';
import { CohortPlanRepository } from '../repositories/cohort-plan.repository';
import { ContentRepository, type ItemRecord } from '../repositories/content.repository';
import { ProgressRepository } from '../repositories/progress.repository';
import { ArticleLookup } from '../../article-lookup.service';
import { MyCohort } from './my-cohort.service';

export interface ResponseInput {
  response: string;
  sharedWithCohort: boolean;
}

/** One item for one member: reading it, starting and completing it, and an activity's written response. */
@Injectable()
export class ItemProgressService {
  constructor(
    private readonly content: ContentRepository,
    private readonly progress: ProgressRepository,
    private readonly plans: CohortPlanRepository,
    private readonly myCohort: MyCohort,
    private readonly articles: ArticleLookup,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, itemId: string, cohortId?: string) {
    const item = await this.item(itemId);
    const { cohort } = await this.myCohort.select(actor, cohortId);
    const [dates, progress, article, peerResponses] = await Promise.all([
      cohort ? this.plans.phaseDates(cohort.id) : Promise.resolve([]),
      this.progress.one(actor.userId, item.id),
      item.articleId ? this.articles.published(actor, item.articleId) : Promise.resolve(null),
      // Peers see only what was shared with the cohort; facilitators read every response on the cohort's page.
      cohort && item.kind === 'activity'
        ? this.progress.cohortResponses(item.id, cohort.id, { sharedOnly: true, excludeUserId: actor.userId })
        : Promise.resolve([]),
    ]);
    return presentItem({
      item,
      article,
      cohort,
      dueOn: dates.find((d) => d.phase === item.phase)?.endsOn ?? null,
      progress,
      // The query already keeps to shared responses of the cohort; the policy states the rule once more, in one place.
      peerResponses: peerResponses.filter((response) => PathPolicy.canReadResponse(actor, response, cohort!, true)),
      today: calendarDate(this.clock.now()),
      can: { manage: PathPolicy.canManageContent(actor) },
    });
  }

  async start(actor: Actor, itemId: string) {
    const item = await this.item(itemId);
    await this.progress.start(actor.userId, item.id, this.clock.now());
    return this.get(actor, item.id);
  }

  /**
   * Marks an item done. An activity needs a saved response first; an assessment is done only by submitting the
   * assessment (the assessments area records it in the same transaction as the response).
   */
  async complete(actor: Actor, itemId: string) {
    const item = await this.item(itemId);
    if (!PathPolicy.completesByHand(item.kind)) {
      throw badRequest(ErrorCode.PathItemCompletedByAssessment, 'An assessment item is done when you submit the assessment');
    }
    const now = this.clock.now();
    if (item.kind === 'activity') {
      if (!(await this.progress.completeWithResponse(actor.userId, item.id, now))) {
        throw badRequest(ErrorCode.PathResponseRequired, 'Save your response to the activity before marking it done');
      }
    } else {
      await this.progress.complete(actor.userId, item.id, now);
    }
    return this.get(actor, item.id);
  }

  async saveResponse(actor: Actor, itemId: string, input: ResponseInput) {
    const item = await this.item(itemId);
    if (item.kind !== 'activity') throw badRequest(ErrorCode.PathNotAnActivity, 'Only activities take a written response');
    const html = renderMarkdown(input.response).html;
    await this.progress.saveResponse(
      actor.userId,
      item.id,
      { body: input.response, html, shared: input.sharedWithCohort },
      this.clock.now(),
    );
    return this.get(actor, item.id);
  }

  /** Every signed-in member reads the program's content; a missing item is a 404. */
  private async item(itemId: string): Promise<ItemRecord> {
    const item = await this.content.itemById(itemId);
    if (!item) throw notFound();
    return item;
  }
}
