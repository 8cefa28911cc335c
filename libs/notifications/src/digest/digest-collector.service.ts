import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChatDigestSource } from '@app/chat';
import { ForumDigestSource } from '@app/forum';
import { AccessPolicy, type Actor } from '@app/identity';
import { KnowledgeDigestSource } from '@app/knowledge';
import { DigestRepository } from './digest.repository';
import type { DigestItems } from './digest-email';

export const DIGEST_LIMITS = { topics: 10, notifications: 10, articles: 5, tasks: 10, rooms: 10 } as const;
export const ROOM_WINDOW_DAYS = 7;

/**
 * Reads one person's digest from each library's digest source with their scopes as they are now: someone who lost
 * access to a school since an item appeared does not see it. Runs on the builder's transaction connection, so a
 * build never holds one connection while waiting for another.
 */
@Injectable()
export class DigestCollector {
  constructor(
    private readonly forum: ForumDigestSource,
    private readonly knowledge: KnowledgeDigestSource,
    private readonly chat: ChatDigestSource,
    private readonly digests: DigestRepository,
  ) {}

  async collect(actor: Actor, since: Date, now: Date, manager: EntityManager): Promise<DigestItems> {
    const topics = await this.forum.topics(actor, since, DIGEST_LIMITS.topics, manager);
    const notifications = await this.digests.unread(
      actor.userId,
      AccessPolicy.readableScopes(actor),
      since,
      DIGEST_LIMITS.notifications,
      manager,
    );
    // Cohorts carry no programme phase yet, so "their phases" are all of them; pass the cohort's phases once they exist.
    const knowledge = await this.knowledge.forDigest(
      actor,
      { since, phases: null, articleLimit: DIGEST_LIMITS.articles, taskLimit: DIGEST_LIMITS.tasks },
      manager,
    );
    const rooms = await this.chat.upcomingRooms(
      actor,
      { since, now, windowDays: ROOM_WINDOW_DAYS, limit: DIGEST_LIMITS.rooms },
      manager,
    );
    return { topics, notifications, articles: knowledge.articles, reviews: knowledge.reviews, overdue: knowledge.overdue, rooms };
  }
}
