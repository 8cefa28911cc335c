export * from './change-policy';
