export * from './article.presenter';
export * from './collection.presenter';
