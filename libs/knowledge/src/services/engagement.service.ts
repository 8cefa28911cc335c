import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { renderMarkdown } from '@app/markdown';
import { DataSource } from 'typeorm';
import { presentApplication } from '../presenters';
import { ArticleRepository, EngagementRepository } from '../repositories';
import { ArticleAccess } from './article-access.service';
import { ArticleService } from './article.service';
import { DEFAULT_VERIFICATION_DAYS } from './article-input';

export const MAX_STORY_BYTES = 4000;

/** "I applied this" with a story, helpful votes, and turning a story into a value-creation story article. */
@Injectable()
export class EngagementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly engagement: EngagementRepository,
    private readonly access: ArticleAccess,
    private readonly articleService: ArticleService,
  ) {}

  private async published(actor: Actor, articleId: string) {
    const context = await this.access.readable(actor, articleId);
    if (context.article.status !== 'published') throw conflict(ErrorCode.InvalidTransition, 'Only a published article takes this');
    return context;
  }

  async apply(actor: Actor, articleId: string, story: string | null) {
    await this.published(actor, articleId);
    const text = story?.trim() || null;
    if (text && Buffer.byteLength(text, 'utf8') > MAX_STORY_BYTES) {
      throw badRequest(ErrorCode.ValidationFailed, `A story may be at most ${MAX_STORY_BYTES} bytes`, [{ field: 'story', message: 'too long' }]);
    }
    await this.engagement.apply(articleId, actor.userId, text, text ? renderMarkdown(text).html : null);
    return this.applications(actor, articleId);
  }

  async withdraw(actor: Actor, articleId: string) {
    await this.access.readable(actor, articleId);
    if (!(await this.engagement.withdraw(articleId, actor.userId))) throw notFound('You had not marked this article as applied');
    return this.applications(actor, articleId);
  }

  async applications(actor: Actor, articleId: string) {
    const { article } = await this.access.readable(actor, articleId);
    const rows = await this.engagement.applications(articleId);
    return { count: article.appliedCount, items: rows.map(presentApplication) };
  }

  async vote(actor: Actor, articleId: string, helpful: boolean | null) {
    await this.published(actor, articleId);
    await this.engagement.vote(articleId, actor.userId, helpful);
    const article = await this.articles.findById(articleId);
    return { helpful: { yes: article!.helpfulYes, no: article!.helpfulNo }, myHelpfulVote: helpful };
  }

  /**
   * A story becomes a value-creation story draft: by the person who told it, or by a curator (the teller becomes
   * a co-author). It lives in the original article's scope, so it reaches nobody the story did not already reach.
   */
  async storyToArticle(actor: Actor, articleId: string, tellerId: string) {
    const { article, curator } = await this.access.readable(actor, articleId);
    if (tellerId !== actor.userId && !curator) throw forbidden('Only the teller or a curator turns a story into an article');
    const application = await this.engagement.application(articleId, tellerId);
    if (!application?.story) throw notFound('There is no such story');
    if (application.storyArticleId) throw conflict(ErrorCode.Conflict, 'This story is already an article');
    const body = `${application.story}\n\n---\n\nApplied from [${article.title.replace(/[[\]]/g, '')}](/knowledge/a/${article.id}).`;
    const created = await this.articleService.create(
      actor,
      {
        title: `What changed: ${article.title}`.slice(0, 200),
        summary: '',
        body,
        type: 'value_story',
        phases: article.phases,
        tags: article.tags,
        scope: article.scopeKey,
        spaceId: article.spaceId,
        coauthorIds: tellerId === actor.userId ? [] : [tellerId],
        verificationIntervalDays: DEFAULT_VERIFICATION_DAYS,
      },
      { capturedFromKind: 'application', capturedFromId: article.id },
    );
    await this.dataSource.transaction((manager) => this.engagement.linkStoryArticle(articleId, tellerId, created.id, manager));
    return created;
  }
}
