import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';
import type { RsvpAnswer } from '../policy/session-policy';

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
}

export interface RsvpRow {
  userId: string;
  displayName: string;
  answer: RsvpAnswer;
  updatedAt: Date;
}

/** One line of a session's attendance sheet: whoever is expected or answered, and what was recorded. */
export interface RosterRow {
  userId: string;
  displayName: string;
  answer: RsvpAnswer | null;
  attended: boolean | null;
  recordedAt: Date | null;
}

/** RSVPs and attendance of sessions. */
@Injectable()
export class SessionRsvpRepository {
  constructor(private readonly dataSource: DataSource) {}

  async answerOf(sessionId: string, userId: string): Promise<RsvpAnswer | null> {
    const rows: { answer: RsvpAnswer }[] = await this.dataSource.query(
      'SELECT answer FROM program_session_rsvp WHERE session_id = $1 AND user_id = $2',
      [sessionId, userId],
    );
    return rows[0]?.answer ?? null;
  }

  async answer(sessionId: string, userId: string, answer: RsvpAnswer, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO program_session_rsvp (session_id, user_id, answer, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, updated_at = EXCLUDED.updated_at`,
      [sessionId, userId, answer, now],
    );
  }

  async counts(sessionId: string): Promise<RsvpCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE answer = 'yes')::int AS yes, count(*) FILTER (WHERE answer = 'no')::int AS no,
              count(*) FILTER (WHERE answer = 'maybe')::int AS maybe
         FROM program_session_rsvp WHERE session_id = $1`,
      [sessionId],
    );
    return row;
  }

  async list(sessionId: string): Promise<RsvpRow[]> {
    return this.dataSource.query(
      `SELECT r.user_id AS "userId", u.display_name AS "displayName", r.answer, r.updated_at AS "updatedAt"
         FROM program_session_rsvp r JOIN app_user u ON u.id = r.user_id
        WHERE r.session_id = $1 ORDER BY u.display_name, u.id`,
      [sessionId],
    );
  }

  /** People who answered yes or maybe: they count as expected even when the audience is wider than them. */
  async comingIds(sessionId: string): Promise<Set<string>> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `SELECT user_id AS "userId" FROM program_session_rsvp WHERE session_id = $1 AND answer IN ('yes', 'maybe')`,
      [sessionId],
    );
    return new Set(rows.map((r) => r.userId));
  }

  /**
   * The attendance sheet: for a cohort or group audience its active members, and anyone who answered or was
   * recorded, each with their answer and whether they attended. A school or the consortium is too wide to list
   * whole, so there the sheet holds those who answered and those already recorded.
   */
  async roster(sessionId: string, scope: ScopeKey): Promise<RosterRow[]> {
    const [kind, id] = scope.split(':');
    return this.dataSource.query(
      `WITH people AS (
         SELECT user_id FROM cohort_member WHERE $2 = 'cohort' AND cohort_id = $3::uuid
         UNION SELECT user_id FROM group_member WHERE $2 = 'group' AND group_id = $3::uuid
         UNION SELECT user_id FROM program_session_rsvp WHERE session_id = $1
         UNION SELECT user_id FROM program_session_attendance WHERE session_id = $1
       )
       SELECT u.id AS "userId", u.display_name AS "displayName", r.answer, a.attended, a.recorded_at AS "recordedAt"
         FROM people p JOIN app_user u ON u.id = p.user_id
         LEFT JOIN program_session_rsvp r ON r.session_id = $1 AND r.user_id = u.id
         LEFT JOIN program_session_attendance a ON a.session_id = $1 AND a.user_id = u.id
        WHERE u.status = 'active' OR a.user_id IS NOT NULL
        ORDER BY u.display_name, u.id`,
      [sessionId, kind, kind === 'cohort' || kind === 'group' ? id : null],
    );
  }

  async recordAttendance(
    sessionId: string,
    entries: readonly { userId: string; attended: boolean }[],
    recordedById: string,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO program_session_attendance (session_id, user_id, attended, recorded_by_id, recorded_at)
       SELECT $1, r.user_id, r.attended, $3, $4 FROM jsonb_to_recordset($2::jsonb) AS r(user_id uuid, attended boolean)
       ON CONFLICT (session_id, user_id) DO UPDATE SET attended = EXCLUDED.attended, recorded_by_id = EXCLUDED.recorded_by_id,
         recorded_at = EXCLUDED.recorded_at`,
      [sessionId, JSON.stringify(entries.map((e) => ({ user_id: e.userId, attended: e.attended }))), recordedById, now],
    );
  }
}
