export * from './knowledge.module';
export * from './policy';
export * from './presenters';
export * from './services';
export { diffLines, type DiffPart } from './text-diff';
