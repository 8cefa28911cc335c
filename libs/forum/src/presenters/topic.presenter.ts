import type { TopicRecord } from '../repositories';
import { presentAuthor } from './author.presenter';

export function presentTopic(topic: TopicRecord) {
  const read = topic.lastReadPostNumber;
  return {
    id: topic.id,
    spaceId: topic.spaceId,
    title: topic.title,
    author: presentAuthor(
      { id: topic.authorId, displayName: topic.authorName },
      { anonymous: topic.anonymous, pseudonymNumber: topic.authorPseudonym },
    ),
    kind: topic.kind,
    tags: topic.tags,
    phase: topic.phase,
    contentNotes: topic.contentNotes,
    /** This reader's choice: fold the posts behind the notes until they open them. */
    contentNotesCollapsed: topic.contentNotesCollapsed,
    pinned: topic.pinned,
    state: topic.state,
    slowModeSeconds: topic.slowModeSeconds,
    archived: topic.archived,
    unlisted: topic.unlisted,
    answerPostNumber: topic.answerPostNumber,
    replyCount: Math.max(0, topic.postCount - 1),
    lastPostNumber: topic.lastPostNumber,
    createdAt: topic.createdAt.toISOString(),
    bumpedAt: topic.bumpedAt.toISOString(),
    /** Never opened: "new". Opened: how many posts came after the last one read. */
    isNew: read === null,
    unreadCount: read === null ? null : Math.max(0, topic.lastPostNumber - read),
    lastReadPostNumber: read,
  };
}

export type TopicView = ReturnType<typeof presentTopic>;
