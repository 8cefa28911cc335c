import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@app/database';
import { DataSource } from 'typeorm';
import type { Actor } from '../policy';

interface ActorRow {
  id: string;
  platform_role: Actor['platformRole'];
  institution_id: string | null;
  school_lead: boolean;
  cohort_ids: string[];
  group_ids: string[];
  led_cohort_ids: string[];
  led_group_ids: string[];
  session_id?: string;
}

/** Everything the access policy needs about a person, selected from `app_user u`. */
const ACTOR_COLUMNS = `u.id, u.platform_role, u.institution_id, u.school_lead,
  ARRAY(SELECT cohort_id FROM cohort_member WHERE user_id = u.id) AS cohort_ids,
  ARRAY(SELECT group_id FROM group_member WHERE user_id = u.id) AS group_ids,
  CASE WHEN u.school_lead THEN ARRAY(SELECT id FROM cohort WHERE institution_id = u.institution_id) ELSE '{}' END AS led_cohort_ids,
  CASE WHEN u.school_lead THEN ARRAY(SELECT id FROM "group" WHERE institution_id = u.institution_id) ELSE '{}' END AS led_group_ids`;

/** Exported so the benchmark's bare baseline server runs exactly the query the app runs. */
export const ACTOR_BY_SESSION_SQL = `SELECT s.id AS session_id, ${ACTOR_COLUMNS}
  FROM user_session s JOIN app_user u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.status = 'active'`;

const toActor = (row: ActorRow): Actor => ({
  userId: row.id,
  platformRole: row.platform_role,
  institutionId: row.institution_id,
  schoolLead: row.school_lead,
  cohortIds: row.cohort_ids,
  groupIds: row.group_ids,
  ledCohortIds: row.led_cohort_ids,
  ledGroupIds: row.led_group_ids,
});

/**
 * Resolves who is asking. Each lookup is a single round trip, because it runs on every request:
 * credential check, active account and memberships together.
 */
@Injectable()
export class ActorRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  async byUserId(userId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS} FROM app_user u WHERE u.id = $1 AND u.status = 'active'`,
      [userId],
    );
    return rows[0] ? toActor(rows[0]) : null;
  }

  /** Active people by id (deactivated ones are left out: they are told nothing). */
  async byUserIds(userIds: readonly string[]): Promise<Actor[]> {
    if (userIds.length === 0) return [];
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[]) AND u.status = 'active'`,
      [userIds],
    );
    return rows.map(toActor);
  }

  /** Active people by handle, with what the access policy needs (for @mentions). */
  async byHandles(handles: readonly string[]): Promise<{ handle: string; actor: Actor }[]> {
    if (handles.length === 0) return [];
    const rows: (ActorRow & { handle: string })[] = await this.dataSource.query(
      `SELECT u.handle, ${ACTOR_COLUMNS} FROM app_user u WHERE u.handle = ANY($1::text[]) AND u.status = 'active'`,
      [handles],
    );
    return rows.map((row) => ({ handle: row.handle, actor: toActor(row) }));
  }

  /** A live (not revoked, not expired) session of an active person. */
  async bySessionTokenHash(tokenHash: string, now: Date): Promise<{ sessionId: string; actor: Actor } | null> {
    const rows = await this.preparedReads.rows<ActorRow>(ACTOR_BY_SESSION_SQL, [tokenHash, now]);
    return rows[0] ? { sessionId: rows[0].session_id!, actor: toActor(rows[0]) } : null;
  }

  /** A live API token of an active person; records when it was last used. */
  async byApiTokenHash(tokenHash: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `WITH used AS (
         UPDATE api_token t SET last_used_at = now() FROM app_user owner
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND owner.id = t.user_id AND owner.status = 'active'
         RETURNING t.user_id
       )
       SELECT ${ACTOR_COLUMNS} FROM used JOIN app_user u ON u.id = used.user_id`,
      [tokenHash],
    );
    return rows[0] ? toActor(rows[0]) : null;
  }
}
