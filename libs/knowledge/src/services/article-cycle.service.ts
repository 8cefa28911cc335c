import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode, forbidden, notFound, type DomainError } from '@app/core';
import { AccessPolicy, ActorRepository, type Actor } from '@app/identity';
import { renderMarkdown } from '@app/markdown';
import { DataSource } from 'typeorm';
import { KnowledgePolicy, type ArticleStatus } from '../policy';
import { presentReview, presentReviewComment } from '../presenters';
import { ArticleRepository, CurationRepository, ReviewRepository, type ArticleRecord, type ReviewDecision } from '../repositories';
import { ArticleAccess } from './article-access.service';
import { ArticleService } from './article.service';

const illegal = (message: string): DomainError => conflict(ErrorCode.InvalidTransition, message);

/**
 * The knowledge-management cycle: draft → in review (with reviewers) → published (after enough approvals of the
 * current text) → verified now and then, or archived. Each transition is one conditional update, so two people
 * acting at once cannot both move an article.
 */
@Injectable()
export class ArticleCycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly reviews: ReviewRepository,
    private readonly curation: CurationRepository,
    private readonly actors: ActorRepository,
    private readonly access: ArticleAccess,
    private readonly articleService: ArticleService,
  ) {}

  /** The authors send a draft to review, naming at least one reviewer. */
  async submit(actor: Actor, articleId: string, reviewerIds: string[]) {
    const { article } = await this.access.editable(actor, articleId);
    if (article.status !== 'draft') throw illegal('Only a draft can be sent to review');
    const reviewers = await this.eligibleReviewers(article, reviewerIds);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.articles.transition(articleId, ['draft'], 'in_review', manager))) throw illegal('The article is no longer a draft');
      await this.reviews.assign(articleId, reviewers, actor.userId, manager);
    });
    return this.articleService.get(actor, articleId, { countView: false });
  }

  /** Back to draft, e.g. to rework it after changes were requested. Reviewers stay assigned for the next round. */
  async withdraw(actor: Actor, articleId: string) {
    await this.access.editable(actor, articleId);
    if (!(await this.articles.transition(articleId, ['in_review'], 'draft'))) throw illegal('Only an article in review can go back to draft');
    return this.articleService.get(actor, articleId, { countView: false });
  }

  async assignReviewers(actor: Actor, articleId: string, reviewerIds: string[]) {
    const { article } = await this.access.editable(actor, articleId);
    if (article.status !== 'draft' && article.status !== 'in_review') throw illegal('Reviewers are asked before publishing');
    const reviewers = await this.eligibleReviewers(article, reviewerIds);
    await this.dataSource.transaction((manager) => this.reviews.assign(articleId, reviewers, actor.userId, manager));
    return this.reviewsOf(actor, articleId);
  }

  async unassignReviewer(actor: Actor, articleId: string, reviewerId: string) {
    await this.access.editable(actor, articleId);
    if (!(await this.reviews.unassign(articleId, reviewerId))) throw notFound('That person is not a reviewer of this article');
    return this.reviewsOf(actor, articleId);
  }

  /** A reviewer approves the current revision or asks for changes; a later edit needs a new approval. */
  async decide(actor: Actor, articleId: string, decision: ReviewDecision, comment?: string) {
    const { article } = await this.access.readable(actor, articleId);
    if (!article.reviewerIds.includes(actor.userId)) throw forbidden('Only the article’s reviewers decide on it');
    if (article.status !== 'in_review') throw illegal('Decisions are taken while the article is in review');
    await this.dataSource.transaction(async (manager) => {
      await this.articles.lock(articleId, manager);
      const current = await this.articles.findById(articleId, manager);
      if (current?.status !== 'in_review') throw illegal('The article left review meanwhile');
      await this.reviews.decide(articleId, actor.userId, decision, current.revision, manager);
    });
    if (comment?.trim()) await this.reviews.addComment(articleId, actor.userId, comment, renderMarkdown(comment).html);
    return this.reviewsOf(actor, articleId);
  }

  /** Authors, reviewers and curators talk about the draft; readers of a published article never see this. */
  async comment(actor: Actor, articleId: string, body: string) {
    const { article, curator } = await this.access.readable(actor, articleId);
    if (!KnowledgePolicy.canEdit(actor, article, curator) && !article.reviewerIds.includes(actor.userId)) {
      throw forbidden('Only authors, reviewers and curators take part in the review');
    }
    if (!body.trim()) throw badRequest(ErrorCode.ValidationFailed, 'The comment is empty', [{ field: 'body', message: 'must not be blank' }]);
    await this.reviews.addComment(articleId, actor.userId, body, renderMarkdown(body).html);
    return this.reviewsOf(actor, articleId);
  }

  async reviewsOf(actor: Actor, articleId: string) {
    const { article, curator } = await this.access.readable(actor, articleId);
    if (!KnowledgePolicy.canEdit(actor, article, curator) && !article.reviewerIds.includes(actor.userId)) throw notFound();
    const [reviews, comments, required] = await Promise.all([
      this.reviews.list(articleId),
      this.reviews.comments(articleId),
      this.curation.approvalsRequired(article.scopeKey),
    ]);
    const views = reviews.map((review) => presentReview(review, article.revision));
    return {
      revision: article.revision,
      approvalsRequired: required,
      approvals: views.filter((v) => v.current && v.decision === 'approved').length,
      reviewers: views,
      comments: comments.map(presentReviewComment),
    };
  }

  /** Published once the current text has the approvals its scope asks for. */
  async publish(actor: Actor, articleId: string) {
    const { article } = await this.access.editable(actor, articleId);
    if (article.status !== 'in_review') throw illegal(article.status === 'draft' ? 'Send the draft to review first' : 'Only an article in review can be published');
    const required = await this.curation.approvalsRequired(article.scopeKey);
    await this.dataSource.transaction(async (manager) => {
      await this.articles.lock(articleId, manager);
      const current = await this.articles.findById(articleId, manager);
      if (current?.status !== 'in_review') throw illegal('The article left review meanwhile');
      const approvals = await this.reviews.approvals(articleId, current.revision, manager);
      if (approvals < required) {
        throw conflict(ErrorCode.ApprovalRequired, `Publishing needs ${required} approval(s) of revision ${current.revision}; it has ${approvals}`);
      }
      await this.articles.transition(articleId, ['in_review'], 'published', manager);
    });
    return this.articleService.get(actor, articleId, { countView: false });
  }

  /** The owner looked again and it still holds: verified now, badge cleared, nothing else changes. */
  async verify(actor: Actor, articleId: string) {
    const { article } = await this.access.owned(actor, articleId);
    if (article.status !== 'published' || !(await this.articles.verify(articleId))) throw illegal(`A ${article.status.replace('_', ' ')} article cannot be verified`);
    return this.articleService.get(actor, articleId, { countView: false });
  }

  /** Out of lists and default search, still readable by link with a banner. */
  async archive(actor: Actor, articleId: string) {
    await this.access.owned(actor, articleId);
    const from: ArticleStatus[] = ['draft', 'in_review', 'published'];
    if (!(await this.articles.transition(articleId, from, 'archived'))) throw illegal('The article is already archived');
    return this.articleService.get(actor, articleId, { countView: false });
  }

  /** Back to draft: an archived text goes through review again before anyone relies on it. */
  async unarchive(actor: Actor, articleId: string) {
    await this.access.owned(actor, articleId);
    if (!(await this.articles.transition(articleId, ['archived'], 'draft'))) throw illegal('Only an archived article can be restored');
    return this.articleService.get(actor, articleId, { countView: false });
  }

  /**
   * Reviewers are facilitators, the scope's curators or contributors; they must be able to read the article, and
   * nobody reviews their own writing.
   */
  private async eligibleReviewers(article: ArticleRecord, reviewerIds: string[]): Promise<string[]> {
    const unique = [...new Set(reviewerIds)];
    if (unique.length === 0) throw badRequest(ErrorCode.ValidationFailed, 'Name at least one reviewer', [{ field: 'reviewerIds', message: 'must not be empty' }]);
    const contributors = await this.curation.contributorsAmong(unique);
    for (const id of unique) {
      const person = await this.actors.byUserId(id);
      const eligible =
        person !== null &&
        AccessPolicy.canRead(person, article.scopeKey) &&
        !KnowledgePolicy.isAuthor(person, article) &&
        (contributors.has(id) || person.platformRole !== 'member' || KnowledgePolicy.isCurator(person, article.scopeKey));
      if (!eligible) {
        throw badRequest(ErrorCode.ReviewerNotEligible, 'Reviewers are contributors or facilitators who can read the article and did not write it', [
          { field: 'reviewerIds', message: `${id} cannot review this article` },
        ]);
      }
    }
    return unique;
  }
}
