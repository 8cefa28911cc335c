import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import type { ScopeKey, ScopeSet } from '@app/identity';
import { DataSource } from 'typeorm';
import type { RsvpAnswer } from '../policy/session-policy';
import { SESSION_COLUMNS, type SessionRecord } from './session.repository';

export type CalendarView = 'mine' | 'cohort' | 'consortium';

export interface CalendarRow extends SessionRecord {
  myAnswer: RsvpAnswer | null;
}

export interface CalendarQuery {
  view: CalendarView;
  userId: string;
  /** What the person may read now: every row is filtered by it, whatever the view. */
  readable: ScopeSet;
  /** mine: the audiences they belong to; cohort: their cohorts (ignored when `allCohorts`). */
  scopes: readonly ScopeKey[];
  /** cohort view for those who see every school: every cohort's sessions. */
  allCohorts: boolean;
  from: Date;
  to: Date;
  after?: Keyset;
  limit: number;
}

/**
 * Each view as a condition on `s` ($1 the person; `q.scopes` and `q.all_cohorts` from the query). "Mine": sessions
 * for an audience they belong to that they did not decline, those they facilitate, and those they said they would
 * come to.
 */
const VIEW_SQL: Record<CalendarView, string> = {
  mine: `((s.scope_key = ANY(q.scopes) AND NOT EXISTS (
             SELECT 1 FROM program_session_rsvp n WHERE n.session_id = s.id AND n.user_id = $1 AND n.answer = 'no'))
          OR EXISTS (SELECT 1 FROM program_session_facilitator f WHERE f.session_id = s.id AND f.user_id = $1)
          OR EXISTS (SELECT 1 FROM program_session_rsvp y WHERE y.session_id = s.id AND y.user_id = $1 AND y.answer IN ('yes', 'maybe')))`,
  cohort: `(s.scope_key = ANY(q.scopes) OR (q.all_cohorts AND s.scope_key LIKE 'cohort:%'))`,
  consortium: `s.scope_key = 'consortium'`,
};

/** Calendar reads and the secret feed tokens. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sessions overlapping [from, to), in time order, with the person's own answer. */
  async sessions(query: CalendarQuery): Promise<CalendarRow[]> {
    return this.dataSource.query(
      `WITH q AS (SELECT $2::text[] AS scopes, $3::boolean AS all_cohorts)
       SELECT ${SESSION_COLUMNS},
              (SELECT r.answer FROM program_session_rsvp r WHERE r.session_id = s.id AND r.user_id = $1) AS "myAnswer"
         FROM program_session s, q
        WHERE s.starts_at < $5 AND s.ends_at > $4
          AND ($6 OR s.scope_key = ANY($7::text[]))
          AND ${VIEW_SQL[query.view]}
          AND ($8::timestamptz IS NULL OR (s.starts_at, s.id) > ($8::timestamptz, $9::uuid))
        ORDER BY s.starts_at, s.id
        LIMIT $10`,
      [
        query.userId,
        query.scopes,
        query.allCohorts,
        query.from,
        query.to,
        query.readable.everything,
        query.readable.keys,
        query.after?.key ?? null,
        query.after?.id ?? null,
        query.limit,
      ],
    );
  }

  async feedOf(userId: string): Promise<{ createdAt: Date } | null> {
    const rows: { createdAt: Date }[] = await this.dataSource.query(
      'SELECT created_at AS "createdAt" FROM calendar_feed WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Writes the person's feed (a new one replaces the old, so its URL stops working). Only the token's hash is kept;
   * `createdAt` is what the token is derived from. ON CONFLICT DO NOTHING when `replace` is false: two tabs asking
   * for a first feed at once end up with the same one.
   */
  async saveFeed(userId: string, tokenHash: string, createdAt: Date, replace: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO ${replace ? 'UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at' : 'NOTHING'}`,
      [userId, tokenHash, createdAt],
    );
  }

  async userByFeedHash(tokenHash: string): Promise<string | null> {
    const rows: { userId: string }[] = await this.dataSource.query(
      'SELECT user_id AS "userId" FROM calendar_feed WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.userId ?? null;
  }

  /**
   * The platform's own signing secret for feed tokens, made by whichever process asks first (the first insert wins,
   * and everyone reads that one), so every server derives the same URL.
   */
  async secret(name: string, make: () => string): Promise<string> {
    await this.dataSource.query('INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      make(),
    ]);
    const [row] = await this.dataSource.query('SELECT value FROM app_secret WHERE name = $1', [name]);
    return row.value;
  }
}
