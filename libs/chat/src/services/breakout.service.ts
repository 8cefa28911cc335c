import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { badRequest, conflict, ErrorCode } from '@app/core';
import { AuditedWrite, type Actor } from '@app/identity';
import { ParticipantRepository, RoomRepository } from '../repositories';
import { ChatEvents } from './chat-events';
import { RoomAccess } from './room-access.service';

export interface BreakoutGroup {
  title?: string;
  question?: string;
  userIds: string[];
}
export interface BreakoutInput {
  groups?: BreakoutGroup[];
  random?: { count: number; question?: string };
}

/** Fisher–Yates with a cryptographic source: nobody can predict or steer who ends up together. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Breakouts of a live session: facilitators split the participants (at random or by hand) into sub-rooms, each
 * with a guiding question. Making new ones closes the session's earlier ones; leaving the breakouts stage closes
 * them all (SessionService). Their messages stay attached to the session.
 */
@Injectable()
export class BreakoutService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly participants: ParticipantRepository,
    private readonly access: RoomAccess,
    private readonly audited: AuditedWrite,
    private readonly events: ChatEvents,
  ) {}

  async create(actor: Actor, roomId: string, input: BreakoutInput) {
    const { room } = await this.access.facilitated(actor, roomId);
    if (room.parentId || !room.liveSessionId) throw conflict(ErrorCode.Conflict, 'Breakouts need a running session in the main room');
    const sessionId = room.liveSessionId;
    const eligible = (await this.participants.list(room.id))
      .filter((p) => !p.removedAt && !room.facilitatorIds.includes(p.userId))
      .map((p) => p.userId);
    const groups = input.random ? this.randomGroups(eligible, input.random) : (input.groups ?? []);
    const known = new Set(eligible);
    const seen = new Set<string>();
    for (const group of groups) {
      for (const userId of group.userIds) {
        if (!known.has(userId)) throw badRequest(ErrorCode.ValidationFailed, 'Everyone in a breakout must have joined the room', [{ field: 'userIds', message: userId }]);
        if (seen.has(userId)) throw badRequest(ErrorCode.ValidationFailed, 'A person can be in one breakout only', [{ field: 'userIds', message: userId }]);
        seen.add(userId);
      }
    }
    const earlier = (await this.rooms.breakouts(sessionId, true)).map((b) => b.id);
    const created = await this.audited.run(
      async (manager) => {
        await this.rooms.closeBreakouts(sessionId, manager);
        const ids: string[] = [];
        for (const [index, group] of groups.entries()) {
          const id = await this.rooms.createBreakout(room, sessionId, group.title?.trim() || `Breakout ${index + 1}`, group.question?.trim() || null, manager);
          await this.participants.assign(id, group.userIds, manager);
          ids.push(id);
        }
        return ids;
      },
      () => ({ actorId: actor.userId, action: 'chat.breakouts', targetType: 'chat_session', targetId: sessionId, data: { groups: groups.length } }),
    );
    this.events.publish({ type: 'breakouts.changed', roomId: room.id, breakoutIds: [...earlier, ...created] });
    return this.list(actor, room.id);
  }

  private randomGroups(userIds: string[], random: { count: number; question?: string }): BreakoutGroup[] {
    if (random.count > Math.max(1, userIds.length)) throw badRequest(ErrorCode.ValidationFailed, 'More breakouts than participants');
    const groups: BreakoutGroup[] = Array.from({ length: random.count }, () => ({ question: random.question, userIds: [] }));
    shuffled(userIds).forEach((userId, i) => groups[i % random.count].userIds.push(userId));
    return groups;
  }

  /** The live session's open breakouts: which one is the caller's; who is where, for facilitators only. */
  async list(actor: Actor, roomId: string) {
    const { room, isFacilitator } = await this.access.visible(actor, roomId);
    const mainId = room.parentId ?? room.id;
    const sessionId = room.liveSessionId;
    if (!sessionId) return { items: [] };
    const breakouts = await this.rooms.breakouts(sessionId, true);
    const assignments = await this.participants.assignments(breakouts.map((b) => b.id));
    const visible = isFacilitator ? breakouts : breakouts.filter((b) => assignments.some((a) => a.roomId === b.id && a.userId === actor.userId));
    return {
      mainRoomId: mainId,
      items: visible.map((b) => ({
        id: b.id,
        title: b.title,
        guidingQuestion: b.guidingQuestion,
        mine: assignments.some((a) => a.roomId === b.id && a.userId === actor.userId),
        ...(isFacilitator
          ? { participants: assignments.filter((a) => a.roomId === b.id).map((a) => ({ userId: a.userId, displayName: a.displayName })) }
          : {}),
      })),
    };
  }
}
