import { Injectable } from '@nestjs/common';
import { ChatDigestSource } from '@app/chat';
import { ForumDigestSource } from '@app/forum';
import { AccessPolicy, type Actor } from '@app/identity';
import { KnowledgeDigestSource } from '@app/knowledge';
import { PathDigestSource, calendarDate } from '@app/program';
import { DigestRepository } from './digest.repository';
import type { DigestItems } from './digest-email';

export const DIGEST_LIMITS = { topics: 10, notifications: 10, articles: 5, tasks: 10, rooms: 10, pathItems: 10 } as const;
export const ROOM_WINDOW_DAYS = 7;

/**
 * Reads one person's digest from each library's digest source with their scopes as they are now: someone who lost
 * access to a school since an item appeared does not see it. All prepared reads, before the builder's transaction:
 * a digest run asks the same few questions for every member, and planning them each time cost more than answering.
 */
@Injectable()
export class DigestCollector {
  constructor(
    private readonly forum: ForumDigestSource,
    private readonly knowledge: KnowledgeDigestSource,
    private readonly chat: ChatDigestSource,
    private readonly path: PathDigestSource,
    private readonly digests: DigestRepository,
  ) {}

  async collect(actor: Actor, since: Date, now: Date): Promise<DigestItems> {
    // Articles of every phase: a cohort's current phase is not a reason to hide what other phases published.
    const [topics, notifications, knowledge, rooms, pathOverdue] = await Promise.all([
      this.forum.topics(actor, since, DIGEST_LIMITS.topics),
      this.digests.unread(actor.userId, AccessPolicy.readableScopes(actor), since, DIGEST_LIMITS.notifications),
      this.knowledge.forDigest(actor, { since, phases: null, articleLimit: DIGEST_LIMITS.articles, taskLimit: DIGEST_LIMITS.tasks }),
      this.chat.upcomingRooms(actor, { since, now, windowDays: ROOM_WINDOW_DAYS, limit: DIGEST_LIMITS.rooms }),
      this.path.overdue(actor.userId, { today: calendarDate(now), since, limit: DIGEST_LIMITS.pathItems }),
    ]);
    return { topics, notifications, articles: knowledge.articles, reviews: knowledge.reviews, overdue: knowledge.overdue, rooms, pathOverdue };
  }
}
