export * from './program.module';
export { calendarDate, type CalendarDate } from './calendar-date';
export * from './path';
export * from './sessions';
export * from './assessments';
export * from './change';
