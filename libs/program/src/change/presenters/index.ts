export * from './coalition.presenter';
export * from './indicator.presenter';
export * from './progress.presenter';
export * from './target.presenter';
