import { Module } from '@nestjs/common';
import { ChatModule } from '@app/chat';
import { IdentityModule } from '@app/identity';
import { KnowledgeModule } from '@app/knowledge';
import { ArticleLookup } from '../article-lookup.service';
import { CalendarRepository, SessionReminderRepository, SessionRepository, SessionRsvpRepository } from './repositories';
import { CalendarService } from './services/calendar.service';
import { SessionAccess } from './services/session-access.service';
import { SessionLinks } from './services/session-links.service';
import { SessionNotesService } from './services/session-notes.service';
import { SessionRsvpService } from './services/session-rsvp.service';
import { SessionService } from './services/session.service';

const SERVICES = [SessionService, SessionRsvpService, SessionNotesService, CalendarService];

/** Sessions and the calendar. The reminder query is exported for the notifications library, which sends them. */
@Module({
  imports: [IdentityModule, ChatModule, KnowledgeModule],
  providers: [
    SessionRepository,
    SessionRsvpRepository,
    CalendarRepository,
    SessionReminderRepository,
    SessionAccess,
    SessionLinks,
    ArticleLookup,
    ...SERVICES,
  ],
  exports: [...SERVICES, SessionReminderRepository],
})
export class SessionsModule {}
