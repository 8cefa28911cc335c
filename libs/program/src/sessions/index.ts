export * from './sessions.module';
export * from './policy';
export * from './presenters';
export * from './services';
export { writeCalendar, type IcsCalendar, type IcsEvent } from './ical/ical-writer';
export { SessionReminderRepository, type DueSessionReminder, type ReminderWindow, type CalendarView } from './repositories';
