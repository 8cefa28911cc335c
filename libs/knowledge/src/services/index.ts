export * from './article.service';
export * from './article-cycle.service';
export * from './capture.service';
export * from './collection.service';
export * from './curation.service';
export * from './engagement.service';
export { ArticleAccess } from './article-access.service';
