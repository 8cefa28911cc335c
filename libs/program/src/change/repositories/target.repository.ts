import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import { SqlConditions } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate, Sphere, TargetCategory, TargetStatus } from '../model';

/** The tactical plan's free-text parts, Markdown. */
export interface PlanText {
  stakeholderAnalysis: string;
  successFactors: string;
  communicationsPlan: string;
  studentFeedbackLoop: string;
}

export interface TargetFields {
  title: string;
  description: string;
  ownerId: string;
  sphere: Sphere;
  category: TargetCategory;
  status: TargetStatus;
  startsOn: CalendarDate;
  dueOn: CalendarDate;
}

export interface TargetRecord extends Omit<TargetFields, 'ownerId'>, PlanText {
  id: string;
  institutionId: string;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TargetListRecord extends Omit<TargetRecord, keyof PlanText> {
  indicatorCount: number;
  openStepCount: number;
}

const TARGET_COLUMNS = `t.id, t.institution_id AS "institutionId", t.title, t.description, t.owner_id AS "ownerId",
  o.display_name AS "ownerName", t.sphere, t.category, t.status, t.starts_on::text AS "startsOn", t.due_on::text AS "dueOn",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const PLAN_COLUMNS = `t.stakeholder_analysis AS "stakeholderAnalysis", t.success_factors AS "successFactors",
  t.communications_plan AS "communicationsPlan", t.student_feedback_loop AS "studentFeedbackLoop"`;

/** camelCase field → column, for the fields a PATCH may set. */
const COLUMN_OF: Record<keyof TargetFields | keyof PlanText, string> = {
  title: 'title',
  description: 'description',
  ownerId: 'owner_id',
  sphere: 'sphere',
  category: 'category',
  status: 'status',
  startsOn: 'starts_on',
  dueOn: 'due_on',
  stakeholderAnalysis: 'stakeholder_analysis',
  successFactors: 'success_factors',
  communicationsPlan: 'communications_plan',
  studentFeedbackLoop: 'student_feedback_loop',
};

/** Change targets with their tactical plan's text. */
@Injectable()
export class TargetRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager?: EntityManager): Promise<TargetRecord | null> {
    const rows = await (manager ?? this.dataSource).query(
      `SELECT ${TARGET_COLUMNS}, ${PLAN_COLUMNS} FROM change_target t LEFT JOIN app_user o ON o.id = t.owner_id WHERE t.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A school's targets by due date (keyset on due_on, id); limit + 1 rows. */
  list(schoolId: string, filter: { status?: TargetStatus; category?: TargetCategory; after?: Keyset; limit: number }): Promise<TargetListRecord[]> {
    const where = new SqlConditions();
    where.add(`t.institution_id = ${where.param(schoolId)}`);
    if (filter.status) where.add(`t.status = ${where.param(filter.status)}`);
    if (filter.category) where.add(`t.category = ${where.param(filter.category)}`);
    if (filter.after) where.add(`(t.due_on, t.id) > (${where.param(filter.after.key)}::date, ${where.param(filter.after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${TARGET_COLUMNS},
         (SELECT count(*)::int FROM change_indicator i WHERE i.target_id = t.id) AS "indicatorCount",
         (SELECT count(*)::int FROM change_step s WHERE s.target_id = t.id AND s.done_at IS NULL) AS "openStepCount"
       FROM change_target t LEFT JOIN app_user o ON o.id = t.owner_id
       WHERE ${where.sql} ORDER BY t.due_on, t.id LIMIT ${where.param(filter.limit + 1)}`,
      where.values,
    );
  }

  async create(schoolId: string, fields: TargetFields & Partial<PlanText>, createdById: string, manager?: EntityManager): Promise<string> {
    const [row] = await (manager ?? this.dataSource).query(
      `INSERT INTO change_target (institution_id, title, description, owner_id, sphere, category, status, starts_on, due_on,
         stakeholder_analysis, success_factors, communications_plan, student_feedback_loop, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        schoolId,
        fields.title,
        fields.description,
        fields.ownerId,
        fields.sphere,
        fields.category,
        fields.status,
        fields.startsOn,
        fields.dueOn,
        fields.stakeholderAnalysis ?? '',
        fields.successFactors ?? '',
        fields.communicationsPlan ?? '',
        fields.studentFeedbackLoop ?? '',
        createdById,
      ],
    );
    return row.id;
  }

  /** Sets only the fields given; nothing given changes nothing (not even updated_at). */
  async update(id: string, patch: Partial<TargetFields & PlanText>): Promise<void> {
    const sets = new SqlConditions();
    const assignments = (Object.keys(COLUMN_OF) as (keyof typeof COLUMN_OF)[])
      .filter((field) => patch[field] !== undefined)
      .map((field) => `${COLUMN_OF[field]} = ${sets.param(patch[field])}`);
    if (assignments.length === 0) return;
    await this.dataSource.query(
      `UPDATE change_target SET ${assignments.join(', ')}, updated_at = now() WHERE id = ${sets.param(id)}`,
      sets.values,
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM change_target WHERE id = $1', [id]);
  }
}
