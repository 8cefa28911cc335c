import { Injectable } from '@nestjs/common';
import type { ScopeSet } from '@app/identity';
import { PreparedReads, pageSizeLiteral } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SETTINGS } from '../repositories/preference.repository';
import type { StoredNotification } from '../repositories/notification.repository';
import { PERIOD_DUE_SQL, PERIOD_KEY_SQL } from './digest-period';

export interface DueDigest {
  userId: string;
  periodKey: string;
}

export type DigestNotification = Pick<StoredNotification, 'id' | 'kind' | 'actorName' | 'count' | 'subject' | 'detail' | 'url'>;

/**
 * Who is due a digest, the once-per-period guard (digest_delivery), and the person's own notifications that belong in
 * the digest. Content from the forum, knowledge base and rooms comes from those libraries' digest sources.
 */
@Injectable()
export class DigestRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: PreparedReads,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Everyone whose digest for their current period is due at `now` and not yet made, in one statement. People who
   * never chose get the defaults (weekly, 7 o'clock, UTC). A time zone PostgreSQL does not know counts as UTC, so one
   * bad row can never fail the tick for everybody.
   */
  due(now: Date): Promise<DueDigest[]> {
    return this.dataSource.query(
      `WITH people AS (
         SELECT u.id AS user_id, coalesce(s.digest_frequency, $2) AS frequency, coalesce(s.digest_hour, $3) AS hour,
                $1::timestamptz AT TIME ZONE coalesce(z.name, 'UTC') AS local
           FROM app_user u
           LEFT JOIN notification_setting s ON s.user_id = u.id
           LEFT JOIN pg_timezone_names z ON z.name = coalesce(s.time_zone, $4)
          WHERE u.status = 'active' AND coalesce(s.digest_frequency, $2) <> 'never'
            AND (s.quiet_until IS NULL OR s.quiet_until <= $1)
       ), due AS (
         SELECT user_id, ${PERIOD_KEY_SQL('frequency', 'local')} AS period_key
           FROM people WHERE ${PERIOD_DUE_SQL('frequency', 'hour', 'local')}
       )
       SELECT d.user_id AS "userId", d.period_key AS "periodKey" FROM due d
        WHERE NOT EXISTS (SELECT 1 FROM digest_delivery dd WHERE dd.user_id = d.user_id AND dd.period_key = d.period_key)
        ORDER BY d.user_id`,
      [now, DEFAULT_SETTINGS.digestFrequency, DEFAULT_SETTINGS.digestHour, DEFAULT_SETTINGS.timeZone],
    );
  }

  /**
   * Takes the period for this person inside the builder's transaction: false when a digest for it exists already
   * (a retried or duplicate job). A concurrent run waits here on the key until the first commits or rolls back.
   */
  async claim(userId: string, periodKey: string, at: Date, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO digest_delivery (user_id, period_key, item_count, created_at) VALUES ($1, $2, 0, $3)
       ON CONFLICT DO NOTHING RETURNING period_key`,
      [userId, periodKey, at],
    );
    return rows.length > 0;
  }

  /** When the person's previous digest was made: the next one covers what happened since. */
  async previousAt(userId: string, periodKey: string): Promise<Date | null> {
    const [row] = await this.reads.rows<{ at: Date | null }>(
      'SELECT max(created_at) AS at FROM digest_delivery WHERE user_id = $1 AND period_key <> $2',
      [userId, periodKey],
    );
    return row?.at ?? null;
  }

  async complete(
    userId: string,
    periodKey: string,
    itemCount: number,
    mailId: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('UPDATE digest_delivery SET item_count = $3, mail_id = $4 WHERE user_id = $1 AND period_key = $2', [
      userId,
      periodKey,
      itemCount,
      mailId,
    ]);
  }

  /**
   * Unread notifications since `since` that belong in the digest: every kind the person routed to the digest, and
   * mentions they wanted by email (a reminder of those still unread). 'In the app only' stays out of mail. Checked
   * against their scopes now: someone who lost access is not reminded of it.
   */
  unread(userId: string, readable: ScopeSet, since: Date, limit: number): Promise<DigestNotification[]> {
    return this.reads.rows<DigestNotification>(
      `SELECT id, kind, actor_name AS "actorName", count, subject, detail, url FROM notification
        WHERE user_id = $1 AND read_at IS NULL AND updated_at > $4 AND (channel = 'email_digest' OR (kind = 'mentioned' AND channel = 'email_immediate'))
          AND ($2::boolean OR scope_key = ANY($3::text[]))
        ORDER BY (kind = 'mentioned') DESC, updated_at DESC, id DESC LIMIT ${pageSizeLiteral(limit)}`,
      [userId, readable.everything, readable.keys, since],
    );
  }
}
