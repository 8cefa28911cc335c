import { Injectable } from '@nestjs/common';
import { PreparedReads, pageSizeLiteral } from '@app/database';
import { DataSource } from 'typeorm';

/** A required item a cohort member has not done, past their cohort's end date for its phase. */
export interface OverdueItem {
  userId: string;
  cohortId: string;
  itemId: string;
  title: string;
  /** 'YYYY-MM-DD': the phase's end date. */
  dueOn: string;
}

export interface DigestPathItem {
  id: string;
  title: string;
  dueOn: string;
  /** Became overdue since the last digest. */
  isNew: boolean;
}

/**
 * Member × required item × cohort, past due and not done. A person in two cohorts with the item overdue in both is
 * listed once, with the earlier date. `$1` is today ('YYYY-MM-DD' by the app clock): overdue means due before today.
 */
const OVERDUE_SQL = `SELECT DISTINCT ON (cm.user_id, i.id) cm.user_id AS "userId", d.cohort_id AS "cohortId", i.id AS "itemId",
    i.title, d.ends_on::text AS "dueOn"
  FROM cohort_phase_dates d
  JOIN cohort_member cm ON cm.cohort_id = d.cohort_id
  JOIN app_user u ON u.id = cm.user_id AND u.status = 'active'
  JOIN program_module m ON m.phase = d.phase
  JOIN program_item i ON i.module_id = m.id AND i.required
  LEFT JOIN program_progress p ON p.item_id = i.id AND p.user_id = cm.user_id
  WHERE d.ends_on < $1::date AND p.status IS DISTINCT FROM 'done'`;

/**
 * The notifier's once key of a nudge (libs/notifications delivers it under this key). The SQL below builds the same
 * text, so pairs already nudged are left out and each hourly sweep only reads what is new.
 */
export const overdueNudgeKey = (userId: string, itemId: string) => `program-overdue:${userId}:${itemId}`;

/** Overdue required items, for the hourly nudge (libs/notifications reads this; the program never notifies itself). */
@Injectable()
export class PathNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` overdue pairs not nudged yet. Delivering claims each pair's once key, so the next page (or the next
   * sweep) starts afresh without a cursor.
   */
  due(today: string, limit: number): Promise<OverdueItem[]> {
    return this.dataSource.query(
      `SELECT * FROM (${OVERDUE_SQL} ORDER BY cm.user_id, i.id, d.ends_on) o
        WHERE NOT EXISTS (SELECT 1 FROM notification_once c WHERE c.key = 'program-overdue:' || o."userId" || ':' || o."itemId")
        ORDER BY o."userId", o."itemId" LIMIT ${pageSizeLiteral(limit)}`,
      [today],
    );
  }
}

/** What the email digest shows of the learning path: the person's own overdue required items. */
@Injectable()
export class PathDigestSource {
  constructor(private readonly reads: PreparedReads) {}

  /**
   * A prepared read, like the other digest sources. An item is new when its due date passed since the last
   * digest: `since` falls before the end of its due day.
   */
  async overdue(userId: string, query: { today: string; since: Date; limit: number }): Promise<DigestPathItem[]> {
    const rows = await this.reads.rows<OverdueItem & { isNew: boolean }>(
      `SELECT o."itemId", o.title, o."dueOn", (o."dueOn"::date + 1)::timestamp AT TIME ZONE 'UTC' > $3 AS "isNew"
         FROM (${OVERDUE_SQL} AND cm.user_id = $2 ORDER BY cm.user_id, i.id, d.ends_on) o
        ORDER BY o."dueOn", o.title, o."itemId" LIMIT ${pageSizeLiteral(query.limit)}`,
      [query.today, userId, query.since],
    );
    return rows.map((row) => ({ id: row.itemId, title: row.title, dueOn: row.dueOn, isNew: row.isNew }));
  }
}
