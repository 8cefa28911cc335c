export * from './change-access.service';
export * from './coalition.service';
export * from './indicator.service';
export * from './log-entry.service';
export * from './plan-step.service';
export * from './progress.service';
export * from './target.service';
