export * from './article.repository';
export * from './article-list.repository';
export * from './collection.repository';
export * from './curation.repository';
export * from './engagement.repository';
export * from './review.repository';
export * from './digest-source.repository';
export * from './notice.repository';
