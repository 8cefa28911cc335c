import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource } from 'typeorm';

export type ReminderWindow = 'day' | 'hour';

/** One reminder owed to one person. */
export interface DueSessionReminder {
  sessionId: string;
  title: string;
  scopeKey: ScopeKey;
  startsAt: Date;
  window: ReminderWindow;
  userId: string;
  /** The notifier's once-only key for exactly this reminder (it names the start, so a moved session reminds again). */
  onceKey: string;
}

/**
 * When each reminder is owed, relative to the start: the day reminder from 24 h until 12 h before (created later than
 * that, "tomorrow" would be wrong, and the hour reminder follows anyway), the hour reminder in the last hour.
 */
const WINDOWS = `CASE WHEN s.starts_at <= $1::timestamptz + interval '1 hour' THEN 'hour'
                      WHEN s.starts_at <= $1::timestamptz + interval '24 hours' AND s.starts_at > $1::timestamptz + interval '12 hours' THEN 'day' END`;

/**
 * Session reminders that are due and not yet sent, for the notifications library's sweep (which owns the delivery).
 * Who is owed one: people who answered yes or maybe, the session's facilitators, and for a cohort or group session
 * every member who did not answer no. A reminder already claimed in `notification_once` (the notifier's record of
 * what it delivered) is left out here, so a session inside its window costs nothing after its first sweep.
 * The notifier re-checks each person's scopes; cancelled sessions are never due.
 */
@Injectable()
export class SessionReminderRepository {
  constructor(private readonly dataSource: DataSource) {}

  async due(now: Date, limit: number): Promise<DueSessionReminder[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT s.id, s.title, s.scope_key, s.starts_at, ${WINDOWS} AS window_kind
           FROM program_session s
          WHERE s.cancelled_at IS NULL AND s.starts_at > $1::timestamptz AND s.starts_at <= $1::timestamptz + interval '24 hours'
       ), owed AS (
         SELECT d.id, r.user_id FROM due d JOIN program_session_rsvp r ON r.session_id = d.id AND r.answer IN ('yes', 'maybe')
         UNION
         SELECT d.id, f.user_id FROM due d JOIN program_session_facilitator f ON f.session_id = d.id
         UNION
         SELECT d.id, m.user_id FROM due d JOIN cohort_member m
             ON d.scope_key LIKE 'cohort:%' AND m.cohort_id = substring(d.scope_key FROM 8)::uuid
         UNION
         SELECT d.id, m.user_id FROM due d JOIN group_member m
             ON d.scope_key LIKE 'group:%' AND m.group_id = substring(d.scope_key FROM 7)::uuid
       ), keyed AS (
         SELECT d.id, d.title, d.scope_key, d.starts_at, d.window_kind, o.user_id,
                'session-reminder:' || d.id || ':' || (extract(epoch FROM d.starts_at) * 1000)::bigint || ':' || d.window_kind
                  || ':' || o.user_id AS once_key
           FROM due d JOIN owed o ON o.id = d.id JOIN app_user u ON u.id = o.user_id AND u.status = 'active'
          WHERE d.window_kind IS NOT NULL
            -- A member of the audience who declined is not reminded; a facilitator always is.
            AND NOT EXISTS (
              SELECT 1 FROM program_session_rsvp n WHERE n.session_id = d.id AND n.user_id = o.user_id AND n.answer = 'no'
                AND NOT EXISTS (SELECT 1 FROM program_session_facilitator f WHERE f.session_id = d.id AND f.user_id = o.user_id))
       )
       SELECT k.id AS "sessionId", k.title, k.scope_key AS "scopeKey", k.starts_at AS "startsAt", k.window_kind AS "window",
              k.user_id AS "userId", k.once_key AS "onceKey"
         FROM keyed k
        WHERE NOT EXISTS (SELECT 1 FROM notification_once c WHERE c.key = k.once_key)
        ORDER BY k.starts_at, k.id, k.user_id
        LIMIT $2`,
      [now, limit],
    );
  }
}
