export * from './program.module';
export * from './path';
export * from './sessions';
export * from './assessments';
export * from './change';
