import { Injectable, type OnModuleInit } from '@nestjs/common';
import { KnowledgeNoticeRepository, KnowledgePolicy, type DueArticle } from '@app/knowledge';
import { JobName, JobRegistry, type JobPayloads } from '@app/jobs';
import { Notifier } from './notifier.service';

/** Hourly is precise enough for intervals counted in days. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_PAGE = 200;

export const articlePath = (articleId: string) => `/knowledge/a/${articleId}`;

/** Knowledge events → notifications: a review requested of someone, an article past its verification interval. */
@Injectable()
export class KnowledgeNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly knowledge: KnowledgeNoticeRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.NotifyReviewRequested, (payload) => this.reviewRequested(payload));
    this.registry.handle(JobName.KnowledgeVerificationSweep, () => this.sweep());
    this.registry.repeat(JobName.KnowledgeVerificationSweep, SWEEP_EVERY_MS);
  }

  /**
   * Drafts and articles in review are not readable by scope alone: the reviewer may read it because they are one,
   * which the KnowledgePolicy decides from the article as it is now (unassigned since: told nothing).
   */
  async reviewRequested({ articleId, reviewerId, assignedById }: JobPayloads['notify.review-requested']): Promise<void> {
    const request = await this.knowledge.reviewRequest(articleId, reviewerId);
    if (!request) return;
    const { article } = request;
    await this.notifier.deliver(
      // Unassigned and asked again later is a new request; a retried job is not.
      `review-requested:${articleId}:${reviewerId}:${new Date(request.assignedAt).getTime()}`,
      [
        {
          kind: 'review_requested',
          userIds: [reviewerId],
          content: {
            groupKey: `review-requested:${articleId}`,
            threadKey: `article:${articleId}`,
            actorId: assignedById,
            actorName: request.assignerName,
            subject: request.title,
            url: articlePath(articleId),
            scopeKey: article.scopeKey,
          },
        },
      ],
      {
        excludeUserId: assignedById,
        mayRead: (actor) => KnowledgePolicy.canRead(actor, article, KnowledgePolicy.isCurator(actor, article.scopeKey)),
      },
    );
  }

  /** Every article past due tells its owner once per overdue period: the key names the verification it counts from. */
  async sweep(): Promise<void> {
    let afterId: string | null = null;
    for (;;) {
      const page: DueArticle[] = await this.knowledge.dueArticles(afterId, SWEEP_PAGE);
      for (const article of page) await this.articleDue(article);
      if (page.length < SWEEP_PAGE) return;
      afterId = page[page.length - 1].id;
    }
  }

  private async articleDue(article: DueArticle): Promise<void> {
    await this.notifier.deliver(`article-due:${article.id}:${new Date(article.verifiedAt).getTime()}`, [
      {
        kind: 'article_needs_review',
        userIds: [article.ownerId],
        content: {
          groupKey: `article-due:${article.id}`,
          threadKey: `article:${article.id}`,
          actorId: null,
          actorName: null,
          subject: article.title,
          url: articlePath(article.id),
          scopeKey: article.scopeKey,
        },
      },
    ]);
  }
}
