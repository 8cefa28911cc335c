import { Injectable } from '@nestjs/common';
import { badRequest, Clock, DomainError, ErrorCode, retryLater } from '@app/core';
import type { Actor } from '@app/identity';
import { MAX_MARKDOWN_BYTES } from '@app/markdown';
import type { EntityManager } from 'typeorm';
import { ForumPolicy } from '../policy';
import { PostRepository, SpaceRepository, type SpaceRecord, type TopicRecord } from '../repositories';

/** Against floods: at most this many posts per person per window, anywhere in the forum. */
export const FLOOD_LIMIT = { posts: 10, windowSeconds: 60 };

/** Every check a new post must pass, in the order a person would want to hear about them. */
@Injectable()
export class PostingRules {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly posts: PostRepository,
    private readonly clock: Clock,
  ) {}

  assertSourceSize(source: string): void {
    if (Buffer.byteLength(source, 'utf8') > MAX_MARKDOWN_BYTES) {
      throw badRequest(ErrorCode.PostTooLong, `A post may be at most ${MAX_MARKDOWN_BYTES / 1024} KB of Markdown`);
    }
    if (!source.trim())
      throw badRequest(ErrorCode.ValidationFailed, 'The post is empty', [{ field: 'body', message: 'must not be blank' }]);
  }

  assertAnonymityAllowed(space: SpaceRecord, anonymous: boolean): void {
    if (anonymous && !space.allowAnonymous) {
      throw badRequest(ErrorCode.AnonymousNotAllowed, 'This space does not allow anonymous posts');
    }
  }

  async assertAgreementsAccepted(actor: Actor, space: SpaceRecord): Promise<void> {
    if (!space.agreementVersion) return;
    const accepted = await this.spaces.acceptedVersion(space.id, actor.userId);
    if (accepted !== space.agreementVersion) {
      throw new DomainError(
        ErrorCode.AgreementNotAccepted,
        403,
        `Read and accept this space's community agreements (version ${space.agreementVersion}) before posting`,
      );
    }
  }

  /** Topic state and slow mode; the space's moderators are exempt from both. */
  async assertTopicAcceptsPosts(actor: Actor, space: SpaceRecord, topic: TopicRecord, manager?: EntityManager): Promise<void> {
    if (ForumPolicy.canModerate(actor, space)) return;
    if (topic.state === 'closed' || topic.archived) throw new DomainError(ErrorCode.TopicClosed, 403, 'This topic is closed');
    if (topic.state === 'paused')
      throw new DomainError(ErrorCode.TopicPaused, 403, 'Facilitators have paused this topic; it is read-only for now');
    const topicSeconds = topic.state === 'slow' ? (topic.slowModeSeconds ?? 0) : 0;
    await this.assertSlowMode(actor, topicSeconds, { topicId: topic.id }, manager);
    await this.assertSlowMode(actor, space.slowModeSeconds, { spaceId: space.id }, manager);
  }

  async assertSpaceSlowMode(actor: Actor, space: SpaceRecord, manager?: EntityManager): Promise<void> {
    if (ForumPolicy.canModerate(actor, space)) return;
    await this.assertSlowMode(actor, space.slowModeSeconds, { spaceId: space.id }, manager);
  }

  private async assertSlowMode(
    actor: Actor,
    seconds: number,
    where: { topicId: string } | { spaceId: string },
    manager?: EntityManager,
  ) {
    if (seconds <= 0) return;
    // Inside the posting transaction, one check at a time per person and place, held until commit:
    // otherwise two quick posts both read the same "last post" and both pass.
    if (manager) {
      const place = 'topicId' in where ? `topic:${where.topicId}` : `space:${where.spaceId}`;
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`slow-mode:${actor.userId}:${place}`]);
    }
    const last = await this.posts.lastPostedAt(actor.userId, where, manager);
    if (!last) return;
    const waitSeconds = (new Date(last).getTime() + seconds * 1000 - this.clock.now().getTime()) / 1000;
    if (waitSeconds > 0) {
      throw retryLater(ErrorCode.SlowModeActive, `Slow mode is on here: one post every ${seconds} seconds`, waitSeconds);
    }
  }

  async assertNotFlooding(actor: Actor): Promise<void> {
    const now = this.clock.now().getTime();
    const { count, oldest } = await this.posts.countSince(actor.userId, new Date(now - FLOOD_LIMIT.windowSeconds * 1000));
    if (count >= FLOOD_LIMIT.posts && oldest) {
      const wait = (new Date(oldest).getTime() + FLOOD_LIMIT.windowSeconds * 1000 - now) / 1000;
      throw retryLater(ErrorCode.RateLimited, 'You are posting very quickly; take a breath and try again shortly', wait);
    }
  }

  assertMayStartTopic(actor: Actor, space: SpaceRecord): void {
    if (!ForumPolicy.canStartTopic(actor, space)) {
      throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only facilitators start topics in this space');
    }
  }

  /** First posts in a space that asks for approval wait for a facilitator. */
  async initialStatus(actor: Actor, space: SpaceRecord): Promise<'visible' | 'pending'> {
    if (!space.firstPostsNeedApproval || ForumPolicy.canModerate(actor, space)) return 'visible';
    return (await this.posts.hasVisiblePostBy(actor.userId, space.id)) ? 'visible' : 'pending';
  }
}
