export * from './forum.module';
export * from './policy';
export * from './presenters';
export * from './services';
export type { TopicState } from './repositories';
export { CONTENT_NOTE_COLLAPSE, type ContentNoteCollapse, type ContentNotePreference } from './repositories';
export { ForumNoticeRepository, type DueReminder, type PostFacts } from './repositories';
export { ForumDigestSource, type DigestTopic } from './repositories';
