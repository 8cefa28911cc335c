import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DeadJob {
  id: string;
  name: string;
  jobId: string | null;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  failedAt: Date;
}

const COLUMNS = `id, name, job_id AS "jobId", payload, error, attempts, failed_at AS "failedAt"`;

/** Jobs that used up their retries, kept for an admin to retry or discard (the same table whichever backend ran them). */
@Injectable()
export class DeadJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A job with a deterministic id that fails again (a schedule enqueues it anew) updates its one dead letter instead
   * of piling up a row per round.
   */
  async record(job: { name: string; jobId: string | null; payload: object; error: string; attempts: number }): Promise<void> {
    await this.dataSource.query(
      `WITH updated AS (
         UPDATE dead_job SET error = $4, attempts = $5, payload = $3, failed_at = now() WHERE $2::text IS NOT NULL AND job_id = $2 RETURNING id)
       INSERT INTO dead_job (name, job_id, payload, error, attempts)
       SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM updated)`,
      [job.name, job.jobId, JSON.stringify(job.payload), job.error.slice(0, 8000), job.attempts],
    );
  }

  /** Newest first, keyset-paged by (failed_at, id). */
  async page(after: { failedAt: Date; id: string } | null, limit: number): Promise<DeadJob[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM dead_job
        WHERE $1::timestamptz IS NULL OR (failed_at, id) < ($1::timestamptz, $2::uuid)
        ORDER BY failed_at DESC, id DESC LIMIT $3`,
      [after?.failedAt ?? null, after?.id ?? null, limit],
    );
  }

  /** Removes and returns one (retry re-enqueues what this returns; discard just drops it). */
  async take(id: string): Promise<DeadJob | null> {
    const [rows] = await this.dataSource.query(`DELETE FROM dead_job WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
    return rows[0] ?? null;
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM dead_job');
    return row.n;
  }
}
