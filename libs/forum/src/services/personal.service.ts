import { Injectable } from '@nestjs/common';
import {
  badRequest,
  Clock,
  conflict,
  decodeCursor,
  DomainError,
  encodeCursor,
  ErrorCode,
  forbidden,
  notFound,
  type Page,
} from '@app/core';
import { AccessPolicy, type Actor } from '@app/identity';
import { MAX_MARKDOWN_BYTES } from '@app/markdown';
import { ForumPolicy } from '../policy';
import type { PostView, TopicView } from '../presenters';
import { PostRepository } from '../repositories';
import {
  PersonalRepository,
  type After,
  type DraftRow,
  type PersonalTarget,
  type SubscriptionLevel,
} from '../repositories/personal.repository';
import { ForumEvents } from './forum-events';
import { JobName, JobQueue } from '@app/jobs';
import { PostService } from './post.service';
import { SpaceAccess } from './space-access.service';
import { TopicService } from './topic.service';

export const SUBSCRIPTION_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const;
export type { SubscriptionLevel };

export interface BookmarkView {
  post: PostView;
  reminderAt: string | null;
  createdAt: string;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const presentDraft = (draft: DraftRow) => ({ title: draft.title, body: draft.body, updatedAt: iso(draft.updatedAt)! });

function afterOf(cursor: string | undefined): After | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  if (Number.isNaN(Date.parse(position.key)))
    throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid', [{ field: 'cursor', message: 'not a valid cursor' }]);
  return { at: new Date(position.key), id: position.id };
}

/** A lookup that says "this does not exist for you" (404) becomes null; anything else still fails. */
async function unlessNotFound<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  }
}

/**
 * A person's own forum state: bookmarks, subscription levels, drafts, "my posts", and the answer of a
 * question topic. Everything goes through the same read checks as the forum itself, so a bookmark or draft
 * never reveals a post, topic or space the person can no longer read.
 */
@Injectable()
export class PersonalService {
  constructor(
    private readonly personal: PersonalRepository,
    private readonly postRows: PostRepository,
    private readonly posts: PostService,
    private readonly topics: TopicService,
    private readonly access: SpaceAccess,
    private readonly clock: Clock,
    private readonly events: ForumEvents,
    private readonly jobs: JobQueue,
  ) {}

  async bookmark(actor: Actor, postId: string, reminderAt?: string | null) {
    await this.posts.get(actor, postId);
    const reminder = reminderAt ? new Date(reminderAt) : null;
    if (reminder && reminder.getTime() <= this.clock.now().getTime()) {
      throw badRequest(ErrorCode.ValidationFailed, 'The reminder must be in the future', [
        { field: 'reminderAt', message: 'must be in the future' },
      ]);
    }
    const row = await this.personal.upsertBookmark(actor.userId, postId, reminder, this.clock.now());
    return { postId: row.postId, reminderAt: iso(row.reminderAt), createdAt: iso(row.createdAt)! };
  }

  /** Idempotent, and without a read check: removing one's own bookmark reveals nothing and must work after access is lost. */
  async unbookmark(actor: Actor, postId: string): Promise<void> {
    await this.personal.deleteBookmark(actor.userId, postId);
  }

  /** Newest first; a bookmark whose post the person can no longer read is left out (the page may then be short). */
  async bookmarks(actor: Actor, cursor?: string, limit = 30): Promise<Page<BookmarkView>> {
    const rows = await this.personal.bookmarks(actor.userId, AccessPolicy.readableScopes(actor), afterOf(cursor), limit);
    const shown = rows.slice(0, limit);
    const items: BookmarkView[] = [];
    for (const row of shown) {
      const post = await unlessNotFound(this.posts.get(actor, row.postId));
      if (post) items.push({ post, reminderAt: iso(row.reminderAt), createdAt: iso(row.createdAt)! });
    }
    const last = shown[shown.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ key: iso(last.createdAt)!, id: last.postId }) : null,
    };
  }

  /** The person's own posts, anonymous ones included (the list is theirs alone), newest first. */
  async myPosts(actor: Actor, cursor?: string, limit = 30): Promise<Page<PostView>> {
    const rows = await this.personal.postsBy(actor.userId, AccessPolicy.readableScopes(actor), afterOf(cursor), limit);
    const shown = rows.slice(0, limit);
    const items: PostView[] = [];
    for (const row of shown) {
      const post = await unlessNotFound(this.posts.get(actor, row.id));
      if (post) items.push(post);
    }
    const last = shown[shown.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ key: iso(last.createdAt)!, id: last.id }) : null,
    };
  }

  private async assertReadable(actor: Actor, type: PersonalTarget, targetId: string): Promise<void> {
    if (type === 'topic') await this.access.readableTopic(actor, targetId);
    else await this.access.readableSpace(actor, targetId);
  }

  /** Unset, a topic the person posted in is tracked; everything else is normal. */
  async subscription(actor: Actor, type: PersonalTarget, targetId: string): Promise<{ level: SubscriptionLevel }> {
    await this.assertReadable(actor, type, targetId);
    const level = await this.personal.subscription(actor.userId, type, targetId);
    if (level) return { level };
    if (type === 'topic' && (await this.personal.hasPostedIn(actor.userId, targetId))) return { level: 'tracking' };
    return { level: 'normal' };
  }

  async subscribe(actor: Actor, type: PersonalTarget, targetId: string, level: SubscriptionLevel) {
    await this.assertReadable(actor, type, targetId);
    await this.personal.setSubscription(actor.userId, type, targetId, level, this.clock.now());
    return { level };
  }

  async draft(actor: Actor, type: PersonalTarget, targetId: string) {
    await this.assertReadable(actor, type, targetId);
    const draft = await this.personal.draft(actor.userId, type, targetId);
    if (!draft) throw notFound('No draft');
    return presentDraft(draft);
  }

  async saveDraft(actor: Actor, type: PersonalTarget, targetId: string, input: { title?: string | null; body: string }) {
    await this.assertReadable(actor, type, targetId);
    if (Buffer.byteLength(input.body, 'utf8') > MAX_MARKDOWN_BYTES) {
      throw badRequest(ErrorCode.PostTooLong, `A draft may be at most ${MAX_MARKDOWN_BYTES / 1024} KB of Markdown`);
    }
    const title = type === 'space' ? (input.title ?? null) : null;
    return presentDraft(
      await this.personal.saveDraft(actor.userId, type, targetId, { title, body: input.body }, this.clock.now()),
    );
  }

  async deleteDraft(actor: Actor, type: PersonalTarget, targetId: string): Promise<void> {
    await this.assertReadable(actor, type, targetId);
    await this.personal.deleteDraft(actor.userId, type, targetId);
  }

  /** Marks a visible reply as the answer of a question topic: its author or the space's moderators. */
  async setAnswer(actor: Actor, topicId: string, postNumber: number | null): Promise<TopicView> {
    const { topic, space } = await this.access.readableTopic(actor, topicId);
    if (topic.authorId !== actor.userId && !ForumPolicy.canModerate(actor, space))
      throw forbidden('Only the topic’s author or this space’s facilitators choose the answer');
    if (topic.kind !== 'question') throw conflict(ErrorCode.Conflict, 'Only a question topic has an answer');
    if (postNumber !== null && (postNumber < 2 || !(await this.postRows.existsVisible(topicId, postNumber)))) {
      throw badRequest(ErrorCode.ValidationFailed, 'The answer must be a visible reply in this topic', [
        { field: 'postNumber', message: 'not a visible reply' },
      ]);
    }
    await this.personal.setAnswer(topicId, postNumber);
    this.events.publish({ type: 'topic.updated', spaceId: space.id, topicId });
    if (postNumber !== null) await this.jobs.enqueue(JobName.NotifyAnswer, { topicId, actorId: actor.userId });
    return this.topics.get(actor, topicId);
  }
}
