import { Injectable } from '@nestjs/common';
import { SqlConditions } from '@app/database';
import { DataSource } from 'typeorm';
import type { CalendarDate } from '../model';

export interface StepRecord {
  id: string;
  targetId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: CalendarDate | null;
  doneAt: Date | null;
  position: number;
  createdAt: Date;
}

const STEP_COLUMNS = `s.id, s.target_id AS "targetId", s.title, s.owner_id AS "ownerId", o.display_name AS "ownerName",
  s.due_on::text AS "dueOn", s.done_at AS "doneAt", s.position, s.created_at AS "createdAt"`;

/** The steps of a target's tactical plan, in order. */
@Injectable()
export class StepRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<StepRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${STEP_COLUMNS} FROM change_step s LEFT JOIN app_user o ON o.id = s.owner_id WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  listForTarget(targetId: string): Promise<StepRecord[]> {
    return this.dataSource.query(
      `SELECT ${STEP_COLUMNS} FROM change_step s LEFT JOIN app_user o ON o.id = s.owner_id
       WHERE s.target_id = $1 ORDER BY s.position, s.created_at, s.id`,
      [targetId],
    );
  }

  /** A new last step (positions are the order of adding; the insert reads the last one in the same statement). */
  async create(targetId: string, step: { title: string; ownerId: string | null; dueOn: CalendarDate | null }): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO change_step (target_id, title, owner_id, due_on, position)
       SELECT $1, $2, $3, $4, coalesce(max(position) + 1, 0) FROM change_step WHERE target_id = $1 RETURNING id`,
      [targetId, step.title, step.ownerId, step.dueOn],
    );
    return row.id;
  }

  /** `done` true marks the step done now (kept if it already was); false reopens it. */
  async update(id: string, patch: { title?: string; ownerId?: string | null; dueOn?: CalendarDate | null; done?: boolean }, now: Date): Promise<void> {
    const sets = new SqlConditions();
    const assignments: string[] = [];
    if (patch.title !== undefined) assignments.push(`title = ${sets.param(patch.title)}`);
    if (patch.ownerId !== undefined) assignments.push(`owner_id = ${sets.param(patch.ownerId)}`);
    if (patch.dueOn !== undefined) assignments.push(`due_on = ${sets.param(patch.dueOn)}::date`);
    if (patch.done !== undefined) assignments.push(patch.done ? `done_at = coalesce(done_at, ${sets.param(now)}::timestamptz)` : 'done_at = NULL');
    if (assignments.length === 0) return;
    await this.dataSource.query(`UPDATE change_step SET ${assignments.join(', ')} WHERE id = ${sets.param(id)}`, sets.values);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM change_step WHERE id = $1', [id]);
  }
}
