export * from './factories';
export * from './test-clock';
export * from './forum-factories';
