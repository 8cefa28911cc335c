import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChatNoticeRepository, type RoomNoticeFacts } from '@app/chat';
import { JobName, JobRegistry, type JobPayloads } from '@app/jobs';
import { Notifier, type NoticeContent } from './notifier.service';

export const roomPath = (roomId: string) => `/chat/r/${roomId}`;

const roomContent = (room: RoomNoticeFacts, groupKey: string, actor: { id: string; name: string } | null): NoticeContent => ({
  groupKey,
  threadKey: `room:${room.roomId}`,
  actorId: actor?.id ?? null,
  actorName: actor?.name ?? null,
  subject: room.title,
  url: roomPath(room.roomId),
  scopeKey: room.scopeKey,
});

/** Dialogue-room events → notifications: a room someone belongs to is starting, a facilitator invited someone. */
@Injectable()
export class ChatNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly chat: ChatNoticeRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.NotifyRoomStarting, ({ sessionId }) => this.starting(sessionId));
    this.registry.handle(JobName.NotifyRoomInvited, (payload) => this.invited(payload));
  }

  /** Everyone who belongs to the room, except whoever started it; a session already over tells nobody. */
  async starting(sessionId: string): Promise<void> {
    const session = await this.chat.liveSession(sessionId);
    if (!session) return;
    await this.notifier.deliver(
      `room-starting:${sessionId}`,
      [
        {
          kind: 'room_starting',
          userIds: await this.chat.audience(session.roomId),
          content: roomContent(session, `room-starting:${sessionId}`, null),
        },
      ],
      { excludeUserId: session.starterId },
    );
  }

  async invited(payload: JobPayloads['notify.room-invited']): Promise<void> {
    const [room, inviterName] = await Promise.all([this.chat.mainRoom(payload.roomId), this.chat.displayName(payload.inviterId)]);
    if (!room || !inviterName) return;
    await this.notifier.deliver(
      `room-invited:${payload.invitationId}`,
      [
        {
          kind: 'room_invited',
          userIds: payload.userIds,
          content: roomContent(room, `room-invited:${room.roomId}`, { id: payload.inviterId, name: inviterName }),
        },
      ],
      { excludeUserId: payload.inviterId },
    );
  }
}
