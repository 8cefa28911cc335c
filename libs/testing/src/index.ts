export * from './factories';
export * from './test-clock';
