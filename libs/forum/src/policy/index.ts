export * from './forum-policy';
