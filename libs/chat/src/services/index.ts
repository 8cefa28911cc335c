export * from './chat-events';
export { MessageSender, MAX_MESSAGE_BYTES, type SendInput } from './message-sender.service';
export { MessageService, EDIT_WINDOW_MS } from './message.service';
export { ModerationService } from './moderation.service';
export { RoomAccess } from './room-access.service';
export { RoomService, type RoomInput } from './room.service';
export { SessionService } from './session.service';
