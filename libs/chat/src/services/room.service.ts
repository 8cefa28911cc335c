import { Injectable } from '@nestjs/common';
import { badRequest, DomainError, ErrorCode, forbidden, notFound } from '@app/core';
import { AccessPolicy, ActorRepository, AuditedWrite, ScopeOwner, type Actor, type ScopeKey } from '@app/identity';
import { SpaceService } from '@app/forum';
import { presentRoom } from '../presenters';
import { ParticipantRepository, RoomRepository, SessionRepository, type RoomState } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess, type RoomContext } from './room-access.service';
import { SystemNotes } from './system-notes.service';

export interface RoomInput {
  title: string;
  scope: ScopeKey;
  facilitatorIds?: string[];
  spaceId?: string | null;
  anonymous?: boolean;
  retentionDays?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  agreement?: string;
}

const STATE_WORDS: Record<RoomState, string> = {
  open: 'opened the room',
  slow: 'turned on slow mode',
  paused: 'paused the room (read-only)',
  closed: 'closed the room',
  archived: 'archived the room',
};

/** Setting up rooms, their agreements and their state. */
@Injectable()
export class RoomService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly sessions: SessionRepository,
    private readonly participants: ParticipantRepository,
    private readonly access: RoomAccess,
    private readonly audited: AuditedWrite,
    private readonly scopes: ScopeOwner,
    private readonly actors: ActorRepository,
    private readonly notes: SystemNotes,
    private readonly events: ChatEvents,
    private readonly spaces: SpaceService,
  ) {}

  /** `accepted`: the reader's accepted agreements version when the caller already looked it up. */
  async view(actor: Actor, context: RoomContext, accepted?: number | null) {
    const { room, participant, isFacilitator } = context;
    const mainId = room.parentId ?? room.id;
    const sessionId = room.liveSessionId;
    // Pseudonyms belong to the room spoken in: a breakout gives its own.
    const [acceptedVersion, reaffirmedVersion, session, speaker] = await Promise.all([
      accepted !== undefined || !room.agreementVersion ? Promise.resolve(accepted ?? null) : this.participants.acceptedVersion(mainId, actor.userId, null),
      sessionId && room.agreementVersion ? this.participants.acceptedVersion(mainId, actor.userId, sessionId) : Promise.resolve(null),
      sessionId ? this.sessions.findById(sessionId) : Promise.resolve(null),
      room.anonymous && room.parentId ? this.participants.find(room.id, actor.userId) : Promise.resolve(participant),
    ]);
    return presentRoom(
      room,
      {
        isFacilitator,
        acceptedAgreementVersion: acceptedVersion,
        reaffirmedThisSession: sessionId && room.agreementVersion ? reaffirmedVersion === room.agreementVersion : null,
        mutedUntil: participant?.mutedUntil ?? null,
        pseudonymNumber: room.anonymous ? (speaker?.pseudonymNumber ?? null) : null,
      },
      session,
    );
  }

  /** The rooms the reader may see, each live one with its session (stage and timer), for upcoming / live / past. */
  async list(actor: Actor) {
    const rooms = await this.rooms.list(AccessPolicy.readableScopes(actor));
    const live = await this.sessions.findByIds(rooms.flatMap((room) => (room.liveSessionId ? [room.liveSessionId] : [])));
    const sessionById = new Map(live.map((session) => [session.id, session]));
    return {
      items: rooms.map((room) =>
        presentRoom(
          room,
          { isFacilitator: room.facilitatorIds.includes(actor.userId), acceptedAgreementVersion: null, reaffirmedThisSession: null, mutedUntil: null, pseudonymNumber: null },
          room.liveSessionId ? (sessionById.get(room.liveSessionId) ?? null) : null,
        ),
      ),
    };
  }

  async get(actor: Actor, roomId: string) {
    return this.view(actor, await this.access.visible(actor, roomId));
  }

  /**
   * Joining a room (a socket entering it): only once the current agreements are accepted (facilitators, who
   * publish them, excepted). Records the person as a participant, which is what the roster and balance count.
   */
  async join(actor: Actor, roomId: string) {
    const context = await this.access.visible(actor, roomId);
    const { room, isFacilitator } = context;
    const mainId = room.parentId ?? room.id;
    const accepted = room.agreementVersion ? await this.participants.acceptedVersion(mainId, actor.userId, null) : null;
    if (room.agreementVersion && !isFacilitator && accepted !== room.agreementVersion) {
      throw new DomainError(ErrorCode.AgreementNotAccepted, 403, 'Accept the room’s current agreements before joining');
    }
    await this.participants.ensure(room.id, actor.userId);
    return this.view(actor, context, accepted);
  }

  async create(actor: Actor, input: RoomInput) {
    if (!AccessPolicy.can(actor, 'room.manage', await this.scopes.schoolOf(actor, input.scope))) throw forbidden();
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (startsAt && endsAt && endsAt <= startsAt) throw badRequest(ErrorCode.ValidationFailed, 'The room must end after it starts');
    if (input.spaceId) await this.assertLinkableSpace(actor, input.spaceId, input.scope);
    const facilitatorIds = [...new Set([actor.userId, ...(input.facilitatorIds ?? [])])];
    await this.assertCanSeeScope(facilitatorIds, input.scope);
    const roomId = await this.audited.run(
      async (manager) => {
        const id = await this.rooms.create(
          {
            title: input.title.trim(),
            scopeKey: input.scope,
            spaceId: input.spaceId ?? null,
            anonymous: input.anonymous ?? false,
            retentionDays: input.retentionDays ?? null,
            startsAt,
            endsAt,
            createdById: actor.userId,
          },
          manager,
        );
        await this.rooms.addFacilitators(id, facilitatorIds, manager);
        if (input.agreement?.trim()) await this.rooms.publishAgreement(id, input.agreement.trim(), actor.userId, manager);
        return id;
      },
      (id) => ({ actorId: actor.userId, action: 'room.create', targetType: 'chat_room', targetId: id, data: { scope: input.scope } }),
    );
    return this.get(actor, roomId);
  }

  /** A linked forum space must be one the creator can read, open to the same people as the room. */
  private async assertLinkableSpace(actor: Actor, spaceId: string, scope: ScopeKey): Promise<void> {
    const space = await this.spaces.get(actor, spaceId).catch(() => null);
    if (!space) throw badRequest(ErrorCode.ValidationFailed, 'There is no such forum space', [{ field: 'spaceId', message: 'unknown' }]);
    if (space.scope !== scope) throw badRequest(ErrorCode.ValidationFailed, 'The linked space must have the room’s scope', [{ field: 'spaceId', message: 'other scope' }]);
  }

  /** Facilitators must be able to read the room's scope, or they could not run it. */
  private async assertCanSeeScope(userIds: string[], scope: ScopeKey): Promise<void> {
    for (const userId of userIds) {
      const person = await this.actors.byUserId(userId);
      if (!person || !AccessPolicy.canRead(person, scope)) {
        throw badRequest(ErrorCode.ValidationFailed, 'Every facilitator must belong to the room’s scope', [{ field: 'facilitatorIds', message: userId }]);
      }
    }
  }

  /** Who runs the room: its facilitators hand it on, or whoever may set up rooms at its scope. Never nobody. */
  async setFacilitators(actor: Actor, roomId: string, userIds: string[]) {
    const { room, isFacilitator } = await this.access.visible(actor, roomId);
    if (room.parentId) throw badRequest(ErrorCode.ValidationFailed, 'Breakouts share their main room’s facilitators');
    if (!isFacilitator && !AccessPolicy.can(actor, 'room.manage', await this.scopes.schoolOf(actor, room.scopeKey))) {
      throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only this room’s facilitators choose its facilitators');
    }
    const ids = [...new Set(userIds)];
    if (!ids.length) throw badRequest(ErrorCode.ValidationFailed, 'A room needs at least one facilitator', [{ field: 'userIds', message: 'empty' }]);
    await this.assertCanSeeScope(ids, room.scopeKey);
    await this.audited.run(
      (manager) => this.rooms.replaceFacilitators(room.id, ids, manager),
      () => ({ actorId: actor.userId, action: 'room.facilitators', targetType: 'chat_room', targetId: room.id, data: { userIds: ids } }),
    );
    this.events.publish({ type: 'room.updated', roomId: room.id });
    return this.get(actor, room.id);
  }

  async setState(actor: Actor, roomId: string, input: { state: RoomState; reason?: string; slowModeSeconds?: number }) {
    const { room } = await this.access.facilitated(actor, roomId);
    if (room.parentId) throw badRequest(ErrorCode.ValidationFailed, 'Set the state on the main room; its breakouts follow');
    if (input.state === 'slow' && !input.slowModeSeconds) {
      throw badRequest(ErrorCode.ValidationFailed, 'Slow mode needs slowModeSeconds', [{ field: 'slowModeSeconds', message: 'required' }]);
    }
    const reason = input.reason?.trim();
    const text = `A facilitator ${STATE_WORDS[input.state]}${input.state === 'slow' ? ` (one message every ${input.slowModeSeconds} s)` : ''}${reason ? `: ${reason}` : '.'}`;
    const noteId = await this.audited.run(
      async (manager) => {
        await this.rooms.setState(room.id, input.state, input.state === 'slow' ? input.slowModeSeconds! : null, manager);
        return this.notes.write(manager, room, actor, text);
      },
      () => ({ actorId: actor.userId, action: 'room.state', targetType: 'chat_room', targetId: room.id, data: { state: input.state, reason: reason ?? null } }),
    );
    await this.notes.announce(noteId);
    this.events.publish({ type: 'room.updated', roomId: room.id });
    return this.get(actor, room.id);
  }

  async agreement(actor: Actor, roomId: string) {
    const { room } = await this.access.visible(actor, roomId);
    const agreement = await this.rooms.agreement(room.parentId ?? room.id);
    if (!agreement) throw notFound('This room has no agreements');
    return { version: agreement.version, body: agreement.body, publishedAt: new Date(agreement.createdAt).toISOString() };
  }

  async publishAgreement(actor: Actor, roomId: string, body: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    const version = await this.audited.run(
      async (manager) => {
        await this.rooms.lockForMessage(mainId, manager);
        return this.rooms.publishAgreement(mainId, body.trim(), actor.userId, manager);
      },
      (v) => ({ actorId: actor.userId, action: 'room.agreement', targetType: 'chat_room', targetId: mainId, data: { version: v } }),
    );
    this.events.publish({ type: 'room.updated', roomId: mainId });
    return { version };
  }

  /** Accepting to join; during a live session it also counts as that session's re-affirmation. */
  async acceptAgreement(actor: Actor, roomId: string, version: number) {
    const { room } = await this.access.visible(actor, roomId);
    const mainId = room.parentId ?? room.id;
    if (!room.agreementVersion) throw notFound('This room has no agreements');
    if (version !== room.agreementVersion) {
      throw badRequest(ErrorCode.AgreementOutdated, `Version ${room.agreementVersion} is current; read it and accept that one`);
    }
    await this.participants.accept(mainId, actor.userId, version, null);
    if (room.liveSessionId) await this.participants.accept(mainId, actor.userId, version, room.liveSessionId);
    return { version, sessionId: room.liveSessionId };
  }
}
