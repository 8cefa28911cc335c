export * from './change-dates';
export * from './progress';
export * from './vocabulary';
