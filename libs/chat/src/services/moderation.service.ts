import { Injectable } from '@nestjs/common';
import { badRequest, Clock, ErrorCode, notFound } from '@app/core';
import { AuditedWrite, type Actor } from '@app/identity';
import { pseudonymLabel } from '@app/forum';
import { ParticipantRepository, type ParticipantRecord } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess } from './room-access.service';
import { SystemNotes } from './system-notes.service';

/** Facilitators' hands on participants: mute for a while, remove from the room, see who is who. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly access: RoomAccess,
    private readonly audited: AuditedWrite,
    private readonly notes: SystemNotes,
    private readonly clock: Clock,
    private readonly events: ChatEvents,
  ) {}

  private async participantOf(roomId: string, userId: string): Promise<ParticipantRecord> {
    const participant = await this.participants.find(roomId, userId);
    if (!participant) throw notFound('This person has not joined the room');
    return participant;
  }

  /** The roster with identities: facilitators only (peers see presence, pseudonymous where the room is). */
  async roster(actor: Actor, roomId: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const now = this.clock.now().getTime();
    const people = await this.participants.list(room.parentId ?? room.id);
    return {
      items: people.map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        pseudonym: p.pseudonymNumber ? pseudonymLabel(p.pseudonymNumber) : null,
        mutedUntil: p.mutedUntil && p.mutedUntil.getTime() > now ? p.mutedUntil.toISOString() : null,
        removed: !!p.removedAt,
        joinedAt: p.joinedAt.toISOString(),
      })),
    };
  }

  async mute(actor: Actor, roomId: string, userId: string, input: { minutes: number; reason?: string }) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    await this.participantOf(mainId, userId);
    const until = new Date(this.clock.now().getTime() + input.minutes * 60_000);
    await this.audited.run(
      (manager) => this.participants.mute(mainId, userId, until, manager),
      () => ({ actorId: actor.userId, action: 'chat.mute', targetType: 'chat_room', targetId: mainId, data: { userId, until: until.toISOString(), reason: input.reason ?? null } }),
    );
    this.events.publish({ type: 'participant.muted', roomId: mainId, userId, until: until.toISOString() });
    return { userId, mutedUntil: until.toISOString() };
  }

  async unmute(actor: Actor, roomId: string, userId: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    await this.participantOf(mainId, userId);
    await this.audited.run(
      (manager) => this.participants.mute(mainId, userId, null, manager),
      () => ({ actorId: actor.userId, action: 'chat.unmute', targetType: 'chat_room', targetId: mainId, data: { userId } }),
    );
    this.events.publish({ type: 'participant.muted', roomId: mainId, userId, until: null });
    return { userId, mutedUntil: null };
  }

  /** Out of the room at once: their sockets leave it, and neither joining nor resuming lets them back. */
  async remove(actor: Actor, roomId: string, userId: string, reason: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    if (userId === actor.userId) throw badRequest(ErrorCode.ValidationFailed, 'You cannot remove yourself');
    await this.participantOf(mainId, userId);
    const noteId = await this.audited.run(
      async (manager) => {
        await this.participants.remove(mainId, userId, reason.trim(), this.clock.now(), manager);
        return this.notes.write(manager, { ...room, id: mainId }, actor, 'A facilitator removed a participant from the room.');
      },
      () => ({ actorId: actor.userId, action: 'chat.remove', targetType: 'chat_room', targetId: mainId, data: { userId, reason: reason.trim() } }),
    );
    this.events.publish({ type: 'participant.removed', roomId: mainId, userId });
    await this.notes.announce(noteId);
    return { userId, removed: true };
  }
}
