import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { ForumPolicy } from '../policy';
import { SpaceRepository, TopicRepository, type SpaceRecord, type TopicRecord } from '../repositories';

/** Loads spaces and topics only when the actor may read them; otherwise they do not exist (404). */
@Injectable()
export class SpaceAccess {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly topics: TopicRepository,
  ) {}

  async readableSpace(actor: Actor, spaceId: string): Promise<SpaceRecord> {
    const space = await this.spaces.findById(spaceId);
    if (!space || !ForumPolicy.canRead(actor, space)) throw notFound();
    return space;
  }

  /** The same 404 rule as `readableSpace`, for callers that need nothing of the space but the answer. */
  async assertSpaceReadable(actor: Actor, spaceId: string): Promise<void> {
    const scopeKey = await this.spaces.scopeKeyOf(spaceId);
    if (!scopeKey || !ForumPolicy.canRead(actor, { scopeKey })) throw notFound();
  }

  async readableTopic(actor: Actor, topicId: string): Promise<{ topic: TopicRecord; space: SpaceRecord }> {
    return this.assertTopicReadable(actor, await this.topics.findWithSpace(topicId, actor.userId));
  }

  /**
   * `readableTopic` and a page of its posts, fetched together in one round trip; the posts leave this method only
   * when the topic passed the same checks.
   */
  async readableTopicWithPosts(actor: Actor, topicId: string, afterPostNumber: number, rowCount: number) {
    return this.assertTopicReadable(actor, await this.topics.findWithSpaceAndPosts(topicId, actor.userId, afterPostNumber, rowCount));
  }

  private assertTopicReadable<T extends { topic: TopicRecord; space: SpaceRecord }>(actor: Actor, found: T | null): T {
    if (!found || !ForumPolicy.canRead(actor, found.space)) throw notFound();
    const { topic, space } = found;
    if (topic.awaitingApproval && topic.authorId !== actor.userId && !ForumPolicy.canModerate(actor, space)) throw notFound();
    return found;
  }
}
