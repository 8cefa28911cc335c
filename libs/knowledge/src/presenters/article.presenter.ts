import type { ArticleStage } from '../policy';
import type { ApplicationRecord, ArticleRecord, ReviewCommentRecord, ReviewRecord } from '../repositories';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

/** Where the article is in the cycle for its readers: a published article past its interval needs review. */
export function stageOf(article: Pick<ArticleRecord, 'status' | 'due'>): ArticleStage {
  return article.status === 'published' && article.due ? 'needs_review' : article.status;
}

/** What the reader may do with the article, so clients show only the actions that will work. */
export interface ArticlePermissions {
  edit: boolean;
  own: boolean;
  review: boolean;
}

/** An article in a list: no body. */
export function presentArticleSummary(article: ArticleRecord) {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    type: article.type,
    phases: article.phases,
    tags: article.tags,
    scope: article.scopeKey,
    spaceId: article.spaceId,
    stage: stageOf(article),
    owner: article.ownerGone
      ? { id: article.ownerId, displayName: article.ownerName, former: true }
      : { id: article.ownerId, displayName: article.ownerName, former: false },
    coauthors: article.coauthors,
    verifiedAt: iso(article.verifiedAt),
    verificationDueAt: article.status === 'published' ? iso(article.dueAt) : null,
    publishedAt: iso(article.publishedAt),
    archivedAt: iso(article.archivedAt),
    revision: article.revision,
    appliedCount: article.appliedCount,
    viewCount: article.viewCount,
    helpful: { yes: article.helpfulYes, no: article.helpfulNo },
    updatedAt: iso(article.updatedAt)!,
    createdAt: iso(article.createdAt)!,
  };
}

/** The whole article for one reader; the Markdown source only for those who may edit it. */
export function presentArticle(article: ArticleRecord, can: ArticlePermissions, mine: { helpful: boolean | null; applied: boolean }) {
  return {
    ...presentArticleSummary(article),
    html: article.html,
    body: can.edit ? article.body : undefined,
    attachments: article.attachments,
    verificationIntervalDays: article.verificationIntervalDays,
    capturedFrom: article.capturedFromKind ? { kind: article.capturedFromKind, id: article.capturedFromId } : null,
    can,
    myHelpfulVote: mine.helpful,
    appliedByMe: mine.applied,
  };
}

export function presentReview(review: ReviewRecord, currentRevision: number) {
  return {
    reviewer: { id: review.reviewerId, displayName: review.reviewerName },
    assignedAt: iso(review.assignedAt),
    decision: review.decision,
    decidedRevision: review.decidedRevision,
    /** A decision on an earlier text is shown, but does not count for publishing the current one. */
    current: review.decision !== null && review.decidedRevision === currentRevision,
    decidedAt: iso(review.decidedAt),
  };
}

export function presentReviewComment(comment: ReviewCommentRecord) {
  return {
    id: comment.id,
    author: comment.authorId ? { id: comment.authorId, displayName: comment.authorName ?? 'Former member' } : null,
    html: comment.html,
    createdAt: iso(comment.createdAt),
  };
}

export function presentApplication(application: ApplicationRecord) {
  return {
    person: { id: application.userId, displayName: application.displayName },
    storyHtml: application.storyHtml,
    storyArticleId: application.storyArticleId,
    createdAt: iso(application.createdAt),
    updatedAt: iso(application.updatedAt),
  };
}
