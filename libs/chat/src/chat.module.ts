import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MessageRepository, ParticipantRepository, RoomRepository, SessionRepository } from './repositories';
import { ChatEvents } from './services/chat-events';
import { MessageSender } from './services/message-sender.service';
import { MessageService } from './services/message.service';
import { ModerationService } from './services/moderation.service';
import { RoomAccess } from './services/room-access.service';
import { RoomService } from './services/room.service';
import { SessionService } from './services/session.service';
import { SystemNotes } from './services/system-notes.service';

const SERVICES = [ChatEvents, RoomAccess, RoomService, SessionService, MessageSender, MessageService, ModerationService];

@Module({
  imports: [IdentityModule],
  providers: [RoomRepository, SessionRepository, ParticipantRepository, MessageRepository, SystemNotes, ...SERVICES],
  exports: SERVICES,
})
export class ChatModule {}
