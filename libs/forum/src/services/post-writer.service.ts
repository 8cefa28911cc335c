import { Injectable } from '@nestjs/common';
import { badRequest, Clock, ErrorCode } from '@app/core';
import type { Actor } from '@app/identity';
import { RENDERER_VERSION } from '@app/markdown';
import type { ScopeKey } from '@app/identity';
import type { EntityManager } from 'typeorm';
import { PostRepository, TopicRepository, type PostStatus } from '../repositories';
import { MentionRenderer } from './mention-renderer.service';

export interface PostDraft {
  topicId: string;
  /** The space's scope: who may be mentioned. */
  scopeKey: ScopeKey;
  source: string;
  anonymous: boolean;
  replyToPostNumber: number | null;
  status: PostStatus;
}

/**
 * Writes one post inside the caller's transaction: numbers it under the topic's row lock, gives an
 * anonymous author their pseudonym in this topic, and checks quotes and reply targets exist and are visible.
 */
@Injectable()
export class PostWriter {
  constructor(
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly clock: Clock,
    private readonly mentions: MentionRenderer,
  ) {}

  async write(manager: EntityManager, actor: Actor, draft: PostDraft): Promise<{ postId: string; postNumber: number }> {
    const rendered = await this.mentions.render(draft.topicId, draft.source, draft.scopeKey);
    const locked = await this.topics.lockForPosting(draft.topicId, manager);
    if (!locked) throw badRequest(ErrorCode.NotFound, 'The topic is gone');
    for (const quote of rendered.quotes) {
      if (!(await this.posts.existsVisible(draft.topicId, quote.postNumber, manager))) {
        throw badRequest(ErrorCode.QuoteNotFound, `There is no post ${quote.postNumber} to quote in this topic`);
      }
    }
    if (draft.replyToPostNumber !== null && !(await this.posts.existsVisible(draft.topicId, draft.replyToPostNumber, manager))) {
      throw badRequest(ErrorCode.ReplyTargetNotFound, `There is no post ${draft.replyToPostNumber} to reply to in this topic`);
    }
    let pseudonymCount = locked.pseudonymCount;
    let pseudonymNumber: number | null = null;
    if (draft.anonymous) {
      const pseudonym = await this.topics.pseudonymFor(draft.topicId, actor.userId, pseudonymCount + 1, manager);
      pseudonymNumber = pseudonym.number;
      if (pseudonym.created) pseudonymCount += 1;
    }
    const postNumber = locked.lastPostNumber + 1;
    const now = this.clock.now();
    const postId = await this.posts.insert(
      {
        topicId: draft.topicId,
        postNumber,
        authorId: actor.userId,
        anonymous: draft.anonymous,
        pseudonymNumber,
        replyToPostNumber: draft.replyToPostNumber,
        source: draft.source,
        html: rendered.html,
        rendererVersion: RENDERER_VERSION,
        status: draft.status,
        createdAt: now,
      },
      manager,
    );
    await this.topics.recordPost(draft.topicId, { postNumber, listed: draft.status !== 'pending' }, pseudonymCount, now, manager);
    await this.topics.markRead(draft.topicId, actor.userId, postNumber, manager);
    return { postId, postNumber };
  }
}
