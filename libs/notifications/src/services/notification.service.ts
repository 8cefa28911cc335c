import { Injectable } from '@nestjs/common';
import { Clock, decodeCursor, notFound, toPage, type Page } from '@app/core';
import { AccessPolicy, type Actor } from '@app/identity';
import { NotificationRepository } from '../repositories/notification.repository';
import { presentNotification, type NotificationView } from './notification.presenter';

/** A person's own notifications: listed only while they may still read what each is about. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, options: { cursor?: string; limit?: number; unread?: boolean }): Promise<Page<NotificationView> & { unreadCount: number }> {
    const limit = options.limit ?? 30;
    const after = decodeCursor(options.cursor);
    const readable = AccessPolicy.readableScopes(actor);
    const [rows, unreadCount] = await Promise.all([
      this.notifications.page(actor.userId, readable, {
        unreadOnly: options.unread ?? false,
        after: after ? { updatedAt: new Date(after.key), id: after.id } : null,
        limit: limit + 1,
      }),
      this.notifications.unreadCount(actor.userId, readable),
    ]);
    const page = toPage(rows, limit, (n) => ({ key: new Date(n.updatedAt).toISOString(), id: n.id }), presentNotification);
    return { ...page, unreadCount };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor.userId, AccessPolicy.readableScopes(actor));
  }

  unreadCounts(actors: readonly Actor[]): Promise<Map<string, number>> {
    return this.notifications.unreadCounts(actors.map((actor) => ({ userId: actor.userId, readable: AccessPolicy.readableScopes(actor) })));
  }

  /** Someone else's notification is not found, like anything out of scope. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.notifications.markRead(actor.userId, id, this.clock.now()))) throw notFound();
  }

  markAllRead(actor: Actor): Promise<number> {
    return this.notifications.markAllRead(actor.userId, this.clock.now());
  }

  /** For the live push: unread notifications by id, with whom and which scope each is for (the caller checks access). */
  async unreadByIds(ids: readonly string[]): Promise<{ userId: string; scopeKey: string; view: NotificationView }[]> {
    const rows = await this.notifications.byIds(ids);
    return rows.filter((n) => n.readAt === null).map((n) => ({ userId: n.userId, scopeKey: n.scopeKey, view: presentNotification(n) }));
  }
}
