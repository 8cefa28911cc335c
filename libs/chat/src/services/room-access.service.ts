import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { ChatPolicy } from '../policy';
import { ParticipantRepository, RoomRepository, type ParticipantRecord, type RoomRecord } from '../repositories';

export interface RoomContext {
  room: RoomRecord;
  participant: ParticipantRecord | null;
  isFacilitator: boolean;
}

/** Loads a room only for someone who may see it (else 404) and has not been removed from it (else 403). */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly participants: ParticipantRepository,
  ) {}

  async visible(actor: Actor, roomId: string): Promise<RoomContext> {
    const room = await this.rooms.findById(roomId);
    if (!room) throw notFound();
    const participant = await this.participants.find(room.parentId ?? room.id, actor.userId);
    const own = room.parentId ? await this.participants.find(room.id, actor.userId) : participant;
    if (!ChatPolicy.canSee(actor, room, own)) throw notFound();
    // Removal from the main room is removal from all of it, breakouts included.
    if (ChatPolicy.isRemoved(participant)) {
      throw new DomainError(ErrorCode.RemovedFromRoom, 403, 'A facilitator removed you from this room');
    }
    return { room, participant, isFacilitator: ChatPolicy.isFacilitator(actor, room) };
  }

  async facilitated(actor: Actor, roomId: string): Promise<RoomContext> {
    const context = await this.visible(actor, roomId);
    if (!context.isFacilitator) throw new DomainError(ErrorCode.FacilitatorsOnly, 403, 'Only this room’s facilitators can do this');
    return context;
  }
}
