export * from './actor';
export * from './scope';
export * from './permissions';
export * from './access-policy';
