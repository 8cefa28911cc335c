import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ProgressRecord {
  itemId: string;
  userId: string;
  status: 'in_progress' | 'done';
  response: string | null;
  responseHtml: string | null;
  sharedWithCohort: boolean;
  assessmentResponseId: string | null;
  startedAt: Date;
  completedAt: Date | null;
  updatedAt: Date;
}

/** An activity response with its author, for peers and facilitators. */
export interface ResponseRecord {
  itemId: string;
  authorId: string;
  authorName: string;
  responseHtml: string;
  sharedWithCohort: boolean;
  status: 'in_progress' | 'done';
  updatedAt: Date;
}

/** One cell of a cohort's progress matrix. */
export interface ProgressCell {
  userId: string;
  itemId: string;
  status: 'in_progress' | 'done';
  completedAt: Date | null;
}

const COLUMNS = `p.item_id AS "itemId", p.user_id AS "userId", p.status, p.response, p.response_html AS "responseHtml",
  p.shared_with_cohort AS "sharedWithCohort", p.assessment_response_id AS "assessmentResponseId", p.started_at AS "startedAt",
  p.completed_at AS "completedAt", p.updated_at AS "updatedAt"`;

const RESPONSE_COLUMNS = `p.item_id AS "itemId", p.user_id AS "authorId", u.display_name AS "authorName", p.response_html AS "responseHtml",
  p.shared_with_cohort AS "sharedWithCohort", p.status, p.updated_at AS "updatedAt"`;

/** Each person's progress on each item, and their activity responses. */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  forUser(userId: string): Promise<ProgressRecord[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM program_progress p WHERE p.user_id = $1`, [userId]);
  }

  async one(userId: string, itemId: string): Promise<ProgressRecord | null> {
    const rows: ProgressRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM program_progress p WHERE p.user_id = $1 AND p.item_id = $2`,
      [userId, itemId],
    );
    return rows[0] ?? null;
  }

  /** Opened: in progress, unless it was already started or done (nothing moves backwards). */
  async start(userId: string, itemId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO program_progress (item_id, user_id, status, started_at, updated_at) VALUES ($1, $2, 'in_progress', $3, $3)
       ON CONFLICT (user_id, item_id) DO NOTHING`,
      [itemId, userId, now],
    );
  }

  /** Done now; done before stays done when it was (its first completion is the one that counts). */
  async complete(userId: string, itemId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO program_progress (item_id, user_id, status, started_at, completed_at, updated_at) VALUES ($1, $2, 'done', $3, $3, $3)
       ON CONFLICT (user_id, item_id) DO UPDATE SET status = 'done',
         completed_at = COALESCE(program_progress.completed_at, EXCLUDED.completed_at), updated_at = EXCLUDED.updated_at`,
      [itemId, userId, now],
    );
  }

  /**
   * Saves an activity response. Completion is only ever a deliberate step: a new item moves to in progress, a done
   * one stays done. The check that a response exists before completing reads the same row, in one statement.
   */
  async saveResponse(
    userId: string,
    itemId: string,
    response: { body: string; html: string; shared: boolean },
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO program_progress (item_id, user_id, status, response, response_html, shared_with_cohort, started_at, updated_at)
       VALUES ($1, $2, 'in_progress', $3, $4, $5, $6, $6)
       ON CONFLICT (user_id, item_id) DO UPDATE SET response = EXCLUDED.response, response_html = EXCLUDED.response_html,
         shared_with_cohort = EXCLUDED.shared_with_cohort, updated_at = EXCLUDED.updated_at`,
      [itemId, userId, response.body, response.html, response.shared, now],
    );
  }

  /** Marks an activity done only if it has a saved response; false when it has none. */
  async completeWithResponse(userId: string, itemId: string, now: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE program_progress SET status = 'done', completed_at = COALESCE(completed_at, $3), updated_at = $3
        WHERE user_id = $1 AND item_id = $2 AND response IS NOT NULL AND btrim(response) <> ''`,
      [userId, itemId, now],
    );
    return count === 1;
  }

  /** Responses to an item by members of a cohort: all of them (facilitators), or only shared ones (peers). */
  cohortResponses(
    itemId: string,
    cohortId: string,
    options: { sharedOnly: boolean; excludeUserId?: string },
  ): Promise<ResponseRecord[]> {
    return this.dataSource.query(
      `SELECT ${RESPONSE_COLUMNS} FROM program_progress p
         JOIN cohort_member cm ON cm.user_id = p.user_id AND cm.cohort_id = $2
         JOIN app_user u ON u.id = p.user_id AND u.status = 'active'
        WHERE p.item_id = $1 AND p.response IS NOT NULL AND ($3::boolean = false OR p.shared_with_cohort)
          AND ($4::uuid IS NULL OR p.user_id <> $4)
        ORDER BY p.updated_at DESC, p.user_id`,
      [itemId, cohortId, options.sharedOnly, options.excludeUserId ?? null],
    );
  }

  /** Every progress row of a cohort's members: the cells of its matrix (missing cells are not started). */
  cohortCells(cohortId: string): Promise<ProgressCell[]> {
    return this.dataSource.query(
      `SELECT p.user_id AS "userId", p.item_id AS "itemId", p.status, p.completed_at AS "completedAt"
         FROM program_progress p JOIN cohort_member cm ON cm.user_id = p.user_id AND cm.cohort_id = $1`,
      [cohortId],
    );
  }
}
