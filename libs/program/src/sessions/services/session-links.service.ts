import { Injectable } from '@nestjs/common';
import { badRequest, DomainError, ErrorCode, forbidden } from '@app/core';
import { RoomAccess, RoomService } from '@app/chat';
import { AccessPolicy, ActorRepository, type Actor, type ScopeKey } from '@app/identity';
import { ArticleLookup } from '../../article-lookup.service';
import { SessionPolicy, type SessionKind } from '../policy/session-policy';
import type { PreworkView } from '../presenters';
import { SessionRepository, type PreworkEntry, type PreworkRow, type SessionRecord } from '../repositories';
import { assertNotCancelled } from './session-access.service';
import { invalid, MAX_FACILITATORS, normalisePrework } from './session-input';

const isNotFound = (error: unknown) => error instanceof DomainError && error.status === 404;

/**
 * What a session points at, checked against the person setting it up: its facilitators, its pre-work, its
 * conference, and (Chats for Change) its dialogue room.
 */
@Injectable()
export class SessionLinks {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly actors: ActorRepository,
    private readonly articles: ArticleLookup,
    private readonly rooms: RoomService,
    private readonly roomAccess: RoomAccess,
  ) {}

  /** Facilitators must be active people who can read the audience, or they could neither see nor run it. */
  async facilitators(ids: readonly string[], audience: ScopeKey): Promise<string[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (unique.length > MAX_FACILITATORS) throw invalid('facilitatorIds', `may name at most ${MAX_FACILITATORS} people`);
    const people = new Map((await this.actors.byUserIds(unique)).map((person) => [person.userId, person]));
    for (const id of unique) {
      const person = people.get(id);
      if (!person || !AccessPolicy.canRead(person, audience))
        throw invalid('facilitatorIds', `${id} cannot read the session’s audience`);
    }
    return unique;
  }

  /** Learning-path items must exist; articles must be ones the organiser can read (else they could not point at them). */
  async prework(actor: Actor, entries: readonly { itemId?: string; articleId?: string }[]): Promise<PreworkEntry[]> {
    const clean = normalisePrework(entries);
    const itemIds = clean.flatMap((e) => (e.itemId ? [e.itemId] : []));
    const known = await this.sessions.existingItemIds(itemIds);
    for (const [i, entry] of clean.entries()) {
      if (entry.itemId && !known.has(entry.itemId)) throw invalid(`prework[${i}].itemId`, 'is not a learning-path item');
      if (entry.articleId && !(await this.articleTitle(actor, entry.articleId)))
        throw invalid(`prework[${i}].articleId`, 'is not an article you can read');
    }
    return clean;
  }

  /** Pre-work as this viewer may see it: items always, articles only when they can read them (others are left out). */
  async preworkView(actor: Actor, rows: readonly PreworkRow[]): Promise<PreworkView[]> {
    const views: PreworkView[] = [];
    for (const row of rows) {
      if (row.itemId && row.itemTitle !== null) {
        views.push({ kind: 'item', id: row.itemId, title: row.itemTitle, url: `/program/items/${row.itemId}` });
      } else if (row.articleId) {
        const title = await this.articleTitle(actor, row.articleId);
        if (title) views.push({ kind: 'article', id: row.articleId, title, url: `/knowledge/a/${row.articleId}` });
      }
    }
    return views;
  }

  private async articleTitle(actor: Actor, articleId: string): Promise<string | null> {
    return (await this.articles.readable(actor, articleId))?.title ?? null;
  }

  /**
   * A sub-session belongs to a live conference the organiser can read, shares its audience, and lies within its
   * span. Conferences do not nest.
   */
  async parent(
    actor: Actor,
    parentId: string,
    audience: ScopeKey,
    span: { startsAt: Date; endsAt: Date },
  ): Promise<SessionRecord> {
    const parent = await this.sessions.findById(parentId);
    if (!parent || !SessionPolicy.canSee(actor, parent)) throw invalid('parentId', 'is not a conference you can see');
    if (parent.kind !== 'conference' || parent.parentId) throw invalid('parentId', 'must be a conference');
    assertNotCancelled(parent);
    if (parent.scopeKey !== audience) {
      throw badRequest(ErrorCode.SessionAudienceInvalid, 'A sub-session has its conference’s audience', [
        { field: 'audience', message: `must be ${parent.scopeKey}` },
      ]);
    }
    assertWithin(parent, span);
    return parent;
  }

  /**
   * The linked dialogue room of a Chat for Change: an existing main room the organiser may manage, open to exactly
   * the session's audience, or (none named) a new room with the session's title made through the chat library.
   * Only Chats for Change link a room. Call it last: a room it makes is not undone if a later check fails.
   */
  async room(
    actor: Actor,
    kind: SessionKind,
    input: {
      roomId: string | null | undefined;
      audience: ScopeKey;
      school: string | null;
      title: string;
      facilitatorIds: string[];
      startsAt: Date;
      endsAt: Date;
    },
  ): Promise<string | null> {
    if (kind !== 'chats_for_change') {
      if (input.roomId) throw invalid('roomId', 'only a Chats for Change session links a dialogue room');
      return null;
    }
    if (!input.roomId) {
      const room = await this.rooms.create(actor, {
        title: input.title,
        scope: input.audience,
        facilitatorIds: input.facilitatorIds,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
      });
      return room.id;
    }
    await this.assertLinkableRoom(actor, input.roomId, input.audience, input.school);
    return input.roomId.toLowerCase();
  }

  async assertLinkableRoom(actor: Actor, roomId: string, audience: ScopeKey, school: string | null): Promise<void> {
    const context = await this.roomAccess.visible(actor, roomId).catch((error: unknown) => {
      if (isNotFound(error)) throw invalid('roomId', 'is not a dialogue room you can see');
      throw error;
    });
    if (context.room.parentId) throw invalid('roomId', 'must be a main room, not a breakout');
    if (!context.isFacilitator && !AccessPolicy.can(actor, 'room.manage', school))
      throw forbidden('Only those who run that room may link it');
    if (context.room.scopeKey !== audience) {
      throw badRequest(ErrorCode.SessionAudienceInvalid, 'The dialogue room must be open to exactly the session’s audience', [
        { field: 'roomId', message: `the room is for ${context.room.scopeKey}` },
      ]);
    }
  }
}

export function assertWithin(parent: Pick<SessionRecord, 'startsAt' | 'endsAt'>, span: { startsAt: Date; endsAt: Date }): void {
  if (
    span.startsAt.getTime() < new Date(parent.startsAt).getTime() ||
    span.endsAt.getTime() > new Date(parent.endsAt).getTime()
  ) {
    throw badRequest(ErrorCode.SessionOutsideConference, 'A sub-session must lie within its conference’s time span', [
      {
        field: 'startsAt',
        message: `the conference runs ${new Date(parent.startsAt).toISOString()} to ${new Date(parent.endsAt).toISOString()}`,
      },
    ]);
  }
}
