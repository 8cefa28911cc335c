export * from './coalition.repository';
export * from './indicator.repository';
export * from './log-entry.repository';
export * from './progress.repository';
export * from './school.repository';
export * from './step.repository';
export * from './target.repository';
