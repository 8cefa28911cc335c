import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryChannel, NotificationKind } from '../notification-kinds';
import type { NoticeContent } from '../notice-content';

/** One person's notification of an event: what the event says (the same for all its recipients) and how they get it. */
export interface NewNotification extends NoticeContent {
  userId: string;
  kind: NotificationKind;
  channel: Exclude<DeliveryChannel, 'off'>;
  emailDueAt: Date | null;
}

export interface StoredNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  threadKey: string;
  actorName: string | null;
  subject: string;
  detail: string | null;
  url: string;
  scopeKey: string;
  topicId: string | null;
  postNumber: number | null;
  count: number;
  channel: DeliveryChannel;
  emailDueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", kind, thread_key AS "threadKey", actor_name AS "actorName", subject, detail, url,
  scope_key AS "scopeKey", topic_id AS "topicId", post_number AS "postNumber", count, channel, email_due_at AS "emailDueAt",
  created_at AS "createdAt", updated_at AS "updatedAt", read_at AS "readAt"`;

/** Live pushes are announced in chunks small enough for a NOTIFY payload (8 kB). */
const PUSH_CHUNK = 150;

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Claims a once-only key inside the caller's transaction: false when it was claimed before (a retried job). */
  async claimOnce(key: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query('INSERT INTO notification_once (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key', [key]);
    return rows.length > 0;
  }

  /**
   * Writes notifications, merging into a person's unread one with the same group key ("3 new replies"). A merge
   * into one already emailed makes it due again: new activity after an email earns a later email of its own.
   * Announces them (NOTIFY, delivered on commit) so servers push them to open sockets.
   */
  async upsert(rows: readonly NewNotification[], manager: EntityManager, now: Date): Promise<StoredNotification[]> {
    if (rows.length === 0) return [];
    const stored: StoredNotification[] = await manager.query(
      `INSERT INTO notification (user_id, kind, group_key, thread_key, actor_id, actor_name, subject, detail, url, scope_key,
                                 topic_id, post_number, channel, email_due_at, created_at, updated_at)
       SELECT r.user_id, r.kind, r.group_key, r.thread_key, r.actor_id, r.actor_name, r.subject, r.detail, r.url, r.scope_key,
              r.topic_id, r.post_number, r.channel, r.email_due_at, $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, kind text, group_key text, thread_key text, actor_id uuid,
              actor_name text, subject text, detail text, url text, scope_key text, topic_id uuid, post_number int, channel text,
              email_due_at timestamptz)
       ON CONFLICT (user_id, group_key) WHERE read_at IS NULL DO UPDATE SET
         count = notification.count + 1, actor_id = EXCLUDED.actor_id, actor_name = EXCLUDED.actor_name,
         subject = EXCLUDED.subject, detail = EXCLUDED.detail, url = EXCLUDED.url,
         post_number = least(notification.post_number, EXCLUDED.post_number), channel = EXCLUDED.channel,
         email_due_at = CASE WHEN notification.emailed_at IS NULL AND notification.email_due_at IS NOT NULL
                             THEN notification.email_due_at ELSE EXCLUDED.email_due_at END,
         emailed_at = NULL, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [
        JSON.stringify(
          rows.map((r) => ({
            user_id: r.userId,
            kind: r.kind,
            group_key: r.groupKey,
            thread_key: r.threadKey,
            actor_id: r.actorId,
            actor_name: r.actorName,
            subject: r.subject,
            detail: r.detail ?? null,
            url: r.url,
            scope_key: r.scopeKey,
            topic_id: r.topicId ?? null,
            post_number: r.postNumber ?? null,
            channel: r.channel,
            email_due_at: r.emailDueAt,
          })),
        ),
        now,
      ],
    );
    for (let i = 0; i < stored.length; i += PUSH_CHUNK) {
      await manager.query(`SELECT pg_notify('artc_notifications', $1)`, [stored.slice(i, i + PUSH_CHUNK).map((n) => n.id).join(',')]);
    }
    return stored;
  }

  async byIds(ids: readonly string[]): Promise<StoredNotification[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT ${COLUMNS} FROM notification WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Newest activity first; only what the reader may still see (their scopes now, not when it was written). */
  async page(
    userId: string,
    readable: { everything: boolean; keys: readonly string[] },
    options: { unreadOnly: boolean; after: { updatedAt: Date; id: string } | null; limit: number },
  ): Promise<StoredNotification[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification
        WHERE user_id = $1 AND ($2 OR scope_key = ANY($3::text[])) AND (NOT $4 OR read_at IS NULL)
          AND ($5::timestamptz IS NULL OR (updated_at, id) < ($5::timestamptz, $6::uuid))
        ORDER BY updated_at DESC, id DESC LIMIT $7`,
      [userId, readable.everything, readable.keys, options.unreadOnly, options.after?.updatedAt ?? null, options.after?.id ?? null, options.limit],
    );
  }

  async unreadCount(userId: string, readable: { everything: boolean; keys: readonly string[] }): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL AND ($2 OR scope_key = ANY($3::text[]))`,
      [userId, readable.everything, readable.keys],
    );
    return row.n;
  }

  /** Unread counts of many people at once, each within their own readable scopes (the live push to many sockets). */
  async unreadCounts(readers: readonly { userId: string; readable: { everything: boolean; keys: readonly string[] } }[]): Promise<Map<string, number>> {
    if (readers.length === 0) return new Map();
    const rows: { userId: string; n: number }[] = await this.dataSource.query(
      `SELECT r.user_id AS "userId",
              (SELECT count(*)::int FROM notification n
                WHERE n.user_id = r.user_id AND n.read_at IS NULL AND (r.everything OR n.scope_key = ANY(r.keys))) AS n
         FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, everything boolean, keys text[])`,
      [JSON.stringify(readers.map((r) => ({ user_id: r.userId, everything: r.readable.everything, keys: r.readable.keys })))],
    );
    return new Map(rows.map((r) => [r.userId, r.n]));
  }

  async markRead(userId: string, id: string, now: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      'UPDATE notification SET read_at = $3 WHERE id = $2 AND user_id = $1 AND read_at IS NULL',
      [userId, id, now],
    );
    if (count > 0) {
      await this.announceCount(userId);
      return true;
    }
    const [row] = await this.dataSource.query('SELECT 1 FROM notification WHERE id = $2 AND user_id = $1', [userId, id]);
    return row !== undefined;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const [, count] = await this.dataSource.query('UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [userId, now]);
    if (count > 0) await this.announceCount(userId);
    return count;
  }

  /** Tells every server a person's unread count changed, so all their open tabs follow. */
  private async announceCount(userId: string): Promise<void> {
    await this.dataSource.query(`SELECT pg_notify('artc_notification_counts', $1)`, [userId]);
  }

  /** Once-only keys outlive any retry long before this; dropping them keeps the table small. */
  async forgetOldOnceKeys(before: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM notification_once WHERE created_at < $1', [before]);
  }

  /**
   * Unread, unemailed, due notifications of one thread for an immediate email, locked: a merge writing into one of
   * them waits for this email to be recorded, and then counts as new activity (a later email of its own).
   */
  async dueForEmail(userId: string, threadKey: string, now: Date, manager: EntityManager): Promise<StoredNotification[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notification
        WHERE user_id = $1 AND thread_key = $2 AND channel = 'email_immediate' AND read_at IS NULL AND emailed_at IS NULL
          AND email_due_at <= $3
        ORDER BY created_at FOR UPDATE`,
      [userId, threadKey, now],
    );
  }

  async markEmailed(ids: readonly string[], now: Date, manager: EntityManager): Promise<void> {
    if (ids.length) await manager.query('UPDATE notification SET emailed_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);
  }

  /** The safety net: threads whose email is overdue (its job was lost), for the sweep to enqueue again. */
  async overdueEmailThreads(before: Date, limit: number): Promise<{ userId: string; threadKey: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT user_id AS "userId", thread_key AS "threadKey" FROM notification
        WHERE emailed_at IS NULL AND email_due_at IS NOT NULL AND read_at IS NULL AND email_due_at < $1 LIMIT $2`,
      [before, limit],
    );
  }
}
