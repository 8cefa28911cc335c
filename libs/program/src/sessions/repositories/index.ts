export * from './session.repository';
export * from './session-rsvp.repository';
export * from './calendar.repository';
export * from './session-reminder.repository';
