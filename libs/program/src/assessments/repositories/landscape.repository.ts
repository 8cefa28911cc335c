import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import { DataSource } from 'typeorm';

export const LANDSCAPE_SPHERES = [
  'curriculum',
  'admissions',
  'learning_environment',
  'clinical_care',
  'research',
  'workforce',
  'community',
  'governance',
] as const;
export type LandscapeSphere = (typeof LANDSCAPE_SPHERES)[number];
export const LANDSCAPE_STATUSES = ['planned', 'active', 'paused', 'ended'] as const;
export type LandscapeStatus = (typeof LANDSCAPE_STATUSES)[number];

export interface EffortInput {
  name: string;
  sphere: LandscapeSphere;
  startedOn: string | null;
  status: LandscapeStatus;
  effectivenessEvidence: string;
}

export interface EffortRecord extends EffortInput {
  id: string;
  institutionId: string;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** created_at as PostgreSQL prints it, microseconds included: the keyset cursor's key (an ISO string would drop them). */
  createdAtKey: string;
}

const EFFORT_COLUMNS = `e.id, e.institution_id AS "institutionId", e.name, e.sphere, to_char(e.started_on, 'YYYY-MM-DD') AS "startedOn",
  e.status, e.effectiveness_evidence AS "effectivenessEvidence", e.created_by_id AS "createdById", u.display_name AS "createdByName",
  e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.created_at::text AS "createdAtKey"`;
const EFFORT_FROM = 'landscape_effort e LEFT JOIN app_user u ON u.id = e.created_by_id';

/** The landscape inventory: a school's existing anti-racism efforts. */
@Injectable()
export class LandscapeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first (keyset on created_at, id); limit + 1 rows. */
  list(schoolId: string, after: Keyset | undefined, limit: number): Promise<EffortRecord[]> {
    return this.dataSource.query(
      `SELECT ${EFFORT_COLUMNS} FROM ${EFFORT_FROM}
       WHERE e.institution_id = $1 AND ($2::timestamptz IS NULL OR (e.created_at, e.id) > ($2::timestamptz, $3::uuid))
       ORDER BY e.created_at, e.id LIMIT $4`,
      [schoolId, after?.key ?? null, after?.id ?? null, limit + 1],
    );
  }

  async find(schoolId: string, id: string): Promise<EffortRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${EFFORT_COLUMNS} FROM ${EFFORT_FROM} WHERE e.institution_id = $1 AND e.id = $2`,
      [schoolId, id],
    );
    return rows[0] ?? null;
  }

  async create(schoolId: string, input: EffortInput, createdById: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO landscape_effort (institution_id, name, sphere, started_on, status, effectiveness_evidence, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [schoolId, input.name, input.sphere, input.startedOn, input.status, input.effectivenessEvidence, createdById],
    );
    return row.id;
  }

  async update(id: string, patch: Partial<EffortInput>): Promise<void> {
    await this.dataSource.query(
      `UPDATE landscape_effort SET name = COALESCE($2, name), sphere = COALESCE($3, sphere),
         started_on = CASE WHEN $4 THEN $5::date ELSE started_on END, status = COALESCE($6, status),
         effectiveness_evidence = COALESCE($7, effectiveness_evidence), updated_at = now()
       WHERE id = $1`,
      [
        id,
        patch.name ?? null,
        patch.sphere ?? null,
        patch.startedOn !== undefined,
        patch.startedOn ?? null,
        patch.status ?? null,
        patch.effectivenessEvidence ?? null,
      ],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM landscape_effort WHERE id = $1', [id]);
  }
}
