export * from './chat.module';
export * from './policy';
export * from './presenters';
export * from './services';
export { CHAT_REACTIONS, ROOM_STATES, STAGES, type ChatReaction, type RoomState, type Stage } from './repositories';
export { ChatDigestSource, type DigestRoom } from './repositories';
export { ChatNoticeRepository, type RoomNoticeFacts } from './repositories';
