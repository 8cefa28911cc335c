import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '../model';

export type LogEntryKind = 'win' | 'correction';

export interface LogEntryRecord {
  id: string;
  targetId: string;
  kind: LogEntryKind;
  happenedOn: CalendarDate;
  title: string;
  body: string;
  reason: string;
  sharedArticleId: string | null;
  recordedById: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

const ENTRY_COLUMNS = `e.id, e.target_id AS "targetId", e.kind, e.happened_on::text AS "happenedOn", e.title, e.body, e.reason,
  e.shared_article_id AS "sharedArticleId", e.recorded_by_id AS "recordedById", r.display_name AS "recordedByName",
  e.created_at AS "createdAt"`;

/** Short-term wins and course corrections of a target. */
@Injectable()
export class LogEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<LogEntryRecord | null> {
    const rows = await (manager ?? this.dataSource).query(
      `SELECT ${ENTRY_COLUMNS} FROM change_log_entry e LEFT JOIN app_user r ON r.id = e.recorded_by_id WHERE e.id = $1
       ${options.lock ? 'FOR UPDATE OF e' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Newest first, as a log reads. */
  listForTarget(targetId: string): Promise<LogEntryRecord[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM change_log_entry e LEFT JOIN app_user r ON r.id = e.recorded_by_id
       WHERE e.target_id = $1 ORDER BY e.happened_on DESC, e.created_at DESC, e.id`,
      [targetId],
    );
  }

  async create(
    targetId: string,
    entry: { kind: LogEntryKind; happenedOn: CalendarDate; title: string; body: string; reason: string },
    recordedById: string,
  ): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO change_log_entry (target_id, kind, happened_on, title, body, reason, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [targetId, entry.kind, entry.happenedOn, entry.title, entry.body, entry.reason, recordedById],
    );
    return row.id;
  }

  async markShared(id: string, articleId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE change_log_entry SET shared_article_id = $2 WHERE id = $1', [id, articleId]);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM change_log_entry WHERE id = $1', [id]);
  }
}
