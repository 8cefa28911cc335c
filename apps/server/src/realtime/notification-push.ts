import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccessPolicy, ActorRepository, type ScopeKey } from '@app/identity';
import { PgListener } from '@app/jobs';
import { NotificationService } from '@app/notifications';
import { RealtimeGateway, userRoom } from './realtime.gateway';

/**
 * Pushes new notifications to the recipients' open sockets. Whichever process wrote them (a worker, or this server's
 * in-process runner) announces their ids with NOTIFY; every server hears it and emits only to sockets connected to
 * itself, so nobody gets a notification twice when several servers run.
 */
@Injectable()
export class NotificationPush implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationPush.name);

  constructor(
    private readonly listener: PgListener,
    private readonly gateway: RealtimeGateway,
    private readonly notifications: NotificationService,
    private readonly actors: ActorRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.listen('artc_notifications', (payload) => {
      this.push(payload.split(',').filter(Boolean)).catch((error) => this.logger.warn({ err: error }, 'could not push notifications'));
    });
    await this.listener.listen('artc_notification_counts', (userId) => {
      this.pushCount(userId).catch((error) => this.logger.warn({ err: error }, 'could not push an unread count'));
    });
  }

  private async pushCount(userId: string): Promise<void> {
    if (!this.gateway.server?.of('/').adapter.rooms.has(userRoom(userId))) return;
    const [actor] = await this.actors.byUserIds([userId]);
    if (!actor) return;
    this.gateway.server.local.to(userRoom(userId)).emit('notification.count', { unreadCount: await this.notifications.unreadCount(actor) });
  }

  private async push(ids: string[]): Promise<void> {
    const rooms = this.gateway.server?.of('/').adapter.rooms;
    if (!rooms || rooms.size === 0) return;
    const present = (await this.notifications.unreadByIds(ids)).filter(({ userId }) => rooms.has(userRoom(userId)));
    if (present.length === 0) return;
    // Access is checked now, not when the notification was written: someone who lost access gets nothing.
    const actors = new Map((await this.actors.byUserIds([...new Set(present.map((p) => p.userId))])).map((a) => [a.userId, a]));
    const rows = present.filter(({ userId, scopeKey }) => {
      const actor = actors.get(userId);
      return actor !== undefined && AccessPolicy.canRead(actor, scopeKey as ScopeKey);
    });
    const counts = await this.notifications.unreadCounts([...new Set(rows.map((r) => r.userId))].map((id) => actors.get(id)!));
    for (const { userId, view } of rows) {
      this.gateway.server.local.to(userRoom(userId)).emit('notification', { notification: view, unreadCount: counts.get(userId) ?? 0 });
    }
  }
}
