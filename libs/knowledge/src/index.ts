export * from './knowledge.module';
export * from './policy';
export * from './presenters';
export * from './services';
