import { AccessPolicy, cohortScope, groupScope, institutionScope, scopeIncludes, type Actor, type ScopeKey, type ScopeSet } from '@app/identity';

export const ARTICLE_TYPES = ['guide', 'toolkit', 'template', 'case_study', 'research_summary', 'video', 'value_story'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
/** Where an article is in the cycle as readers see it: a published article past its interval needs review. */
export type ArticleStage = ArticleStatus | 'needs_review';

/** What the rules need to know about an article, loaded with it. */
export interface ArticleFacts {
  scopeKey: ScopeKey;
  status: ArticleStatus;
  ownerId: string;
  /** The owner can no longer act on it (deactivated): the scope's curators own it now. */
  ownerGone: boolean;
  coauthors: readonly { id: string }[];
  reviewerIds: readonly string[];
}

/**
 * Knowledge-base rules over the identity access policy. Published and archived articles follow their scope; drafts
 * and articles in review exist only for their authors, their reviewers and the scope's curators.
 */
export const KnowledgePolicy = {
  /**
   * Where the person curates, as scopes: the permission table's 'knowledge.curate' (facilitators and admins
   * everywhere, a school's leads in their school and its cohorts and groups) without a lookup per article.
   */
  curatedScopes(actor: Actor): ScopeSet {
    if (AccessPolicy.can(actor, 'knowledge.curate', null)) return { everything: true, keys: [] };
    if (!actor.schoolLead || !actor.institutionId || !AccessPolicy.can(actor, 'knowledge.curate', actor.institutionId)) {
      return { everything: false, keys: [] };
    }
    return {
      everything: false,
      keys: [institutionScope(actor.institutionId), ...actor.ledCohortIds.map(cohortScope), ...actor.ledGroupIds.map(groupScope)],
    };
  },

  isCurator(actor: Actor, scopeKey: ScopeKey): boolean {
    return scopeIncludes(KnowledgePolicy.curatedScopes(actor), scopeKey);
  },

  isAuthor(actor: Actor, article: Pick<ArticleFacts, 'ownerId' | 'coauthors'>): boolean {
    return article.ownerId === actor.userId || article.coauthors.some((c) => c.id === actor.userId);
  },

  canRead(actor: Actor, article: ArticleFacts, curator: boolean): boolean {
    if (!AccessPolicy.canRead(actor, article.scopeKey)) return false;
    if (article.status === 'published' || article.status === 'archived') return true;
    return curator || KnowledgePolicy.isAuthor(actor, article) || article.reviewerIds.includes(actor.userId);
  },

  /** Writing the text: its authors, and the scope's curators. */
  canEdit(actor: Actor, article: ArticleFacts, curator: boolean): boolean {
    return curator || KnowledgePolicy.isAuthor(actor, article);
  },

  /** Verifying, archiving, handing over: the owner, or the curators (who own it when the owner left). */
  canOwn(actor: Actor, article: ArticleFacts, curator: boolean): boolean {
    return curator || (!article.ownerGone && article.ownerId === actor.userId);
  },
};
