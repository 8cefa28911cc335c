import type { Type } from '@nestjs/common';
import { CalendarFeedController } from './sessions/calendar-feed.controller';
import { ProgramCalendarController } from './sessions/calendar.controller';
import { ProgramSessionParticipationController } from './sessions/session-participation.controller';
import { ProgramSessionController } from './sessions/session.controller';

/** The program's sessions controllers, registered by AppModule. */
export const PROGRAM_SESSIONS_CONTROLLERS: Type<unknown>[] = [
  ProgramSessionController,
  ProgramSessionParticipationController,
  ProgramCalendarController,
  CalendarFeedController,
];
