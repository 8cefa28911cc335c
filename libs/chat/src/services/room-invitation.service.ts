import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';
import { AccessPolicy, ActorRepository, type Actor } from '@app/identity';
import { JobName, JobQueue } from '@app/jobs';
import { RoomAccess } from './room-access.service';

/** Facilitators invite people to a room; the invitation itself is a notification, sent by a job. */
@Injectable()
export class RoomInvitationService {
  constructor(
    private readonly access: RoomAccess,
    private readonly actors: ActorRepository,
    private readonly queue: JobQueue,
  ) {}

  async invite(actor: Actor, roomId: string, userIds: readonly string[]): Promise<{ invited: number }> {
    const { room } = await this.access.facilitated(actor, roomId);
    if (room.parentId) throw badRequest(ErrorCode.ValidationFailed, 'Invite people to the main room; breakouts are assigned');
    const ids = [...new Set(userIds)];
    const readers = new Set(
      (await this.actors.byUserIds(ids)).filter((p) => AccessPolicy.canRead(p, room.scopeKey)).map((p) => p.userId),
    );
    // Unknown, deactivated and out-of-scope people get the same answer, so the check reveals nothing about anyone.
    const outside = ids.filter((id) => !readers.has(id));
    if (outside.length) {
      throw badRequest(
        ErrorCode.ValidationFailed,
        'Only people who can see this room can be invited',
        outside.map((id) => ({ field: 'userIds', message: id })),
      );
    }
    // Each invitation is its own event (the id makes a retried job tell nobody twice, and a later one tell them again).
    await this.queue.enqueue(JobName.NotifyRoomInvited, {
      invitationId: randomUUID(),
      roomId: room.id,
      inviterId: actor.userId,
      userIds: ids,
    });
    return { invited: ids.length };
  }
}
