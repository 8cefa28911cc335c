import { Module } from '@nestjs/common';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { ChatFlagRepository, MessageRepository, ParticipantRepository, RoomRepository, SessionRepository } from './repositories';
import { ChatDigestSource } from './repositories/digest-source.repository';
import { ChatNoticeRepository } from './repositories/notice.repository';
import { BreakoutService } from './services/breakout.service';
import { ChatFlagService } from './services/chat-flag.service';
import { RetentionService } from './services/retention.service';
import { ChatJobs } from './services/chat-jobs';
import { SessionReportService } from './services/session-report.service';
import { ChatEvents } from './services/chat-events';
import { MessageSender } from './services/message-sender.service';
import { MessageService } from './services/message.service';
import { ModerationService } from './services/moderation.service';
import { RoomAccess } from './services/room-access.service';
import { RoomInvitationService } from './services/room-invitation.service';
import { RoomService } from './services/room.service';
import { SessionService } from './services/session.service';
import { SystemNotes } from './services/system-notes.service';

const SERVICES = [
  ChatEvents,
  RoomAccess,
  RoomService,
  SessionService,
  MessageSender,
  MessageService,
  ModerationService,
  BreakoutService,
  SessionReportService,
  ChatFlagService,
  RetentionService,
  RoomInvitationService,
];

@Module({
  imports: [IdentityModule, ForumModule],
  providers: [RoomRepository, SessionRepository, ParticipantRepository, MessageRepository, ChatFlagRepository, SystemNotes, ChatJobs, ChatDigestSource, ChatNoticeRepository, ...SERVICES],
  exports: [...SERVICES, ChatDigestSource, ChatNoticeRepository],
})
export class ChatModule {}
