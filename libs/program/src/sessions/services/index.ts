export { SessionAccess, type SessionContext } from './session-access.service';
export { SessionService } from './session.service';
export { SessionRsvpService, type AttendanceEntry } from './session-rsvp.service';
export { SessionNotesService } from './session-notes.service';
export { CalendarService, MAX_RANGE_DAYS, type CalendarListQuery } from './calendar.service';
export { isTimeZone, type SessionInput, type SessionPatch } from './session-input';
