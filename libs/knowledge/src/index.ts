export * from './knowledge.module';
export * from './policy';
export * from './presenters';
export * from './services';
export { ARTICLE_DUE, ARTICLE_STAGE_SQL, visibleArticles, type ArticleReader } from './repositories';
export { KnowledgeDigestSource, type DigestArticle, type DigestOverdue, type DigestReview, type KnowledgeDigest } from './repositories';
export { KnowledgeNoticeRepository, type DueArticle, type ReviewRequestFacts } from './repositories';
