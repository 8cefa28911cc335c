import { Injectable } from '@nestjs/common';
import { badRequest, Clock, decodeCursor, encodeCursor, ErrorCode, forbidden, type Page } from '@app/core';
import { AccessPolicy, AuditedWrite, type Actor } from '@app/identity';
import { DataSource } from 'typeorm';
import { ForumPolicy } from '../policy';
import { presentTopic, type TopicView } from '../presenters';
import { TopicRepository, type TopicState } from '../repositories';
import { PersonalRepository } from '../repositories/personal.repository';
import { PostingRules } from './posting-rules.service';
import { PostWriter } from './post-writer.service';
import { ForumEvents } from './forum-events';
import { SpaceAccess } from './space-access.service';

export interface NewTopicInput {
  title: string;
  body: string;
  anonymous?: boolean;
  kind?: 'discussion' | 'question';
  tags?: string[];
  phase?: number | null;
  contentNotes?: string[];
}

export interface TopicListFilters {
  spaceId?: string;
  tag?: string;
  phase?: number;
  filter?: 'latest' | 'unread' | 'new' | 'mine' | 'top';
  period?: 'day' | 'week' | 'month' | 'year' | 'all';
  cursor?: string;
  limit?: number;
}

const NEW_TOPIC_WINDOW_DAYS = 14;
/** At most this many pinned topics head a list. */
const PINNED_LIMIT = 10;
const PERIOD_DAYS = { day: 1, week: 7, month: 30, year: 365, all: 365 * 100 } as const;

const tidyLabels = (labels: string[] | undefined, max: number) =>
  [...new Set((labels ?? []).map((label) => label.trim().toLowerCase()).filter(Boolean))].slice(0, max);

@Injectable()
export class TopicService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly topics: TopicRepository,
    private readonly access: SpaceAccess,
    private readonly rules: PostingRules,
    private readonly writer: PostWriter,
    private readonly audited: AuditedWrite,
    private readonly clock: Clock,
    private readonly events: ForumEvents,
    private readonly personal: PersonalRepository,
  ) {}

  async create(actor: Actor, spaceId: string, input: NewTopicInput): Promise<TopicView> {
    const space = await this.access.readableSpace(actor, spaceId);
    const anonymous = input.anonymous ?? false;
    this.rules.assertMayStartTopic(actor, space);
    this.rules.assertAnonymityAllowed(space, anonymous);
    this.rules.assertSourceSize(input.body);
    await this.rules.assertAgreementsAccepted(actor, space);
    await this.rules.assertNotFlooding(actor);
    const status = await this.rules.initialStatus(actor, space);
    const topicId = await this.dataSource.transaction(async (manager) => {
      await this.rules.assertSpaceSlowMode(actor, space, manager);
      const id = await this.topics.create(
        {
          spaceId,
          title: input.title.trim(),
          authorId: actor.userId,
          anonymous,
          kind: input.kind ?? 'discussion',
          tags: tidyLabels(input.tags, 10),
          phase: input.phase ?? space.phase ?? null,
          contentNotes: [...new Set((input.contentNotes ?? []).map((note) => note.trim()).filter(Boolean))].slice(0, 5),
          createdAt: this.clock.now(),
          listed: status !== 'pending',
        },
        manager,
      );
      await this.writer.write(manager, actor, {
        topicId: id,
        scopeKey: space.scopeKey,
        source: input.body,
        anonymous,
        replyToPostNumber: null,
        status,
      });
      return id;
    });
    if (status === 'visible') this.events.publish({ type: 'topic.created', spaceId, topicId });
    // The new-topic draft has become the topic, as a reply draft is removed when its reply is posted.
    await this.personal.deleteDraft(actor.userId, 'space', spaceId);
    return this.get(actor, topicId);
  }

  async get(actor: Actor, topicId: string): Promise<TopicView> {
    const { topic } = await this.access.readableTopic(actor, topicId);
    return presentTopic(topic);
  }

  /**
   * Latest, unread, new and "my topics", across every space the actor may read or within one.
   * Anonymous topics never appear under "mine" for anyone else, and an author filter never matches them.
   */
  async list(actor: Actor, filters: TopicListFilters): Promise<Page<TopicView> & { pinned: TopicView[] }> {
    if (filters.spaceId) await this.access.assertSpaceReadable(actor, filters.spaceId);
    const limit = filters.limit ?? 30;
    const top = filters.filter === 'top';
    const position = decodeCursor(filters.cursor);
    const afterKey = position ? (top ? Number(position.key) : Date.parse(position.key)) : undefined;
    if (afterKey !== undefined && Number.isNaN(afterKey)) throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid');
    const now = this.clock.now().getTime();
    const base = {
      readerId: actor.userId,
      scopes: AccessPolicy.readableScopes(actor),
      spaceId: filters.spaceId,
      tag: filters.tag?.trim().toLowerCase(),
      phase: filters.phase,
    };
    const query = {
      ...base,
      unreadOnly: filters.filter === 'unread',
      newSince: filters.filter === 'new' ? new Date(now - NEW_TOPIC_WINDOW_DAYS * 86_400_000) : undefined,
      authorId: filters.filter === 'mine' ? actor.userId : undefined,
      topSince: top ? new Date(now - PERIOD_DAYS[filters.period ?? 'month'] * 86_400_000) : undefined,
      after: position && !top ? { bumpedAt: new Date(afterKey!), id: position.id } : undefined,
      afterTop: position && top ? { postCount: afterKey!, id: position.id } : undefined,
      limit,
    };
    // Pinned topics head the first page of a plain listing, as a separate list so paging stays keyset-stable.
    const wantsPinned = !position && (!filters.filter || filters.filter === 'latest');
    const { rows, pinned: pinnedRows } = wantsPinned
      ? await this.topics.listWithPinned(query, PINNED_LIMIT)
      : { rows: await this.topics.list(query), pinned: [] };
    const visible = rows.slice(0, limit);
    const last = visible[visible.length - 1];
    const pinned = pinnedRows.map(presentTopic);
    return {
      items: visible.map(presentTopic),
      pinned,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ key: top ? String(last.postCount) : new Date(last.bumpedAt).toISOString(), id: last.id })
          : null,
    };
  }

  /** Pin, archive or unlist a topic: the space's moderators, audited. */
  async moderate(
    actor: Actor,
    topicId: string,
    patch: { pinned?: 'none' | 'space' | 'global'; archived?: boolean; unlisted?: boolean },
  ) {
    const { space } = await this.access.readableTopic(actor, topicId);
    if (!ForumPolicy.canModerate(actor, space)) throw forbidden('Only this space’s facilitators pin, archive or unlist topics');
    if (patch.pinned === 'global' && actor.platformRole !== 'admin')
      throw forbidden('Only consortium admins pin topics globally');
    await this.audited.run(
      (manager) => this.topics.setFlags(topicId, patch, manager),
      () => ({ actorId: actor.userId, action: 'topic.moderate', targetType: 'topic', targetId: topicId, data: patch }),
    );
    this.events.publish({ type: 'topic.updated', spaceId: space.id, topicId });
    return this.get(actor, topicId);
  }

  /**
   * Temperature control: one facilitator action sets the topic's state, with the reason shown in the thread
   * (as a notice post by the facilitator) and kept in the audit log.
   */
  async setState(actor: Actor, topicId: string, input: { state: TopicState; reason: string; slowModeSeconds?: number }) {
    const { space } = await this.access.readableTopic(actor, topicId);
    if (!ForumPolicy.canModerate(actor, space)) throw forbidden('Only this space’s facilitators change a topic’s state');
    let noticeId = '';
    if (input.state === 'slow' && !input.slowModeSeconds) {
      throw badRequest(ErrorCode.ValidationFailed, 'Slow mode needs slowModeSeconds', [
        { field: 'slowModeSeconds', message: 'required for slow' },
      ]);
    }
    const seconds = input.state === 'slow' ? input.slowModeSeconds! : null;
    const notice = `**Facilitator note:** this topic is now ${describeState(input.state, seconds)}. ${input.reason.trim()}`;
    await this.audited.run(
      async (manager) => {
        await this.topics.setState(topicId, input.state, seconds, manager);
        noticeId = (
          await this.writer.write(manager, actor, {
            topicId,
            scopeKey: space.scopeKey,
            source: notice,
            anonymous: false,
            replyToPostNumber: null,
            status: 'visible',
          })
        ).postId;
      },
      () => ({
        actorId: actor.userId,
        action: 'topic.state',
        targetType: 'topic',
        targetId: topicId,
        reason: input.reason.trim(),
        data: { state: input.state, slowModeSeconds: seconds },
      }),
    );
    this.events.publish({ type: 'topic.updated', spaceId: space.id, topicId });
    this.events.publish({ type: 'post.created', spaceId: space.id, topicId, postId: noticeId });
    return this.get(actor, topicId);
  }

  async markRead(actor: Actor, topicId: string, postNumber: number): Promise<void> {
    const { topic } = await this.access.readableTopic(actor, topicId);
    await this.topics.markRead(topicId, actor.userId, Math.min(postNumber, topic.lastPostNumber));
  }
}

function describeState(state: TopicState, seconds: number | null): string {
  if (state === 'slow') return `in slow mode (one post every ${seconds} seconds per person)`;
  if (state === 'paused') return 'paused (read-only for now)';
  return state;
}
