/**
 * Calendar dates of the program, as 'YYYY-MM-DD' strings. The program's "today" is the UTC date of the app Clock: one
 * date for everyone, so a rule (an overdue item or step, a measurement dated tomorrow) never depends on the server's
 * time zone.
 */
export type CalendarDate = string;

export const calendarDate = (moment: Date): CalendarDate => moment.toISOString().slice(0, 10);
