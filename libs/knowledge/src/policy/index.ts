export * from './knowledge-policy';
