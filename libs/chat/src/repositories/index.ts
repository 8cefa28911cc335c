export * from './room.repository';
export * from './session.repository';
export * from './participant.repository';
export * from './message.repository';
export * from './chat-flag.repository';
export * from './digest-source.repository';
export * from './notice.repository';
