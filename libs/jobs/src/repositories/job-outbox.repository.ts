import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface OutboxJob {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  jobId: string | null;
  runAt: Date;
  attempts: number;
}

export interface NewOutboxJob {
  name: string;
  payload: object;
  jobId?: string;
  runAt?: Date;
}

const COLUMNS = `id, name, payload, job_id AS "jobId", run_at AS "runAt", attempts`;

/**
 * The durable queue in PostgreSQL: what the relay moves onto BullMQ, or (without Redis) what the in-process runner
 * works from. A job id already waiting makes a second add a no-op, like BullMQ's own deduplication.
 */
@Injectable()
export class JobOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(jobs: readonly NewOutboxJob[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (jobs.length === 0) return;
    await manager.query(
      `INSERT INTO job_outbox (name, payload, job_id, run_at)
       SELECT j.name, j.payload, j.job_id, coalesce(j.run_at, now())
         FROM jsonb_to_recordset($1::jsonb) AS j(name text, payload jsonb, job_id text, run_at timestamptz)
       ON CONFLICT (job_id) WHERE job_id IS NOT NULL DO NOTHING`,
      [JSON.stringify(jobs.map((j) => ({ name: j.name, payload: j.payload, job_id: j.jobId ?? null, run_at: j.runAt ?? null })))],
    );
  }

  /** Hands the oldest rows to `work` under row locks (other relays skip them) and deletes them once it succeeds. */
  relay(limit: number, work: (jobs: OutboxJob[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const jobs: OutboxJob[] = await manager.query(
        `SELECT ${COLUMNS} FROM job_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (jobs.length === 0) return 0;
      await work(jobs);
      await manager.query('DELETE FROM job_outbox WHERE id = ANY($1::bigint[])', [jobs.map((j) => j.id)]);
      return jobs.length;
    });
  }

  /**
   * Claims due jobs for the in-process runner with a lease: a process that dies mid-job leaves the lease to run out,
   * and the job is picked up again (stalled-job recovery without Redis).
   */
  async claim(limit: number, leaseMs: number): Promise<OutboxJob[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows] = await this.dataSource.query(
      `UPDATE job_outbox SET attempts = attempts + 1, locked_until = now() + $2 * interval '1 millisecond'
        WHERE id IN (SELECT id FROM job_outbox
                      WHERE run_at <= now() AND (locked_until IS NULL OR locked_until < now())
                      ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [limit, leaseMs],
    );
    return rows;
  }

  async complete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM job_outbox WHERE id = $1', [id]);
  }

  async retryLater(id: string, delayMs: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_outbox SET run_at = now() + $2 * interval '1 millisecond', locked_until = NULL, last_error = $3 WHERE id = $1`,
      [id, delayMs, error.slice(0, 2000)],
    );
  }

  /** Milliseconds until the next job is due (null when there is none): the runner sleeps that long at most. */
  async nextDueInMs(): Promise<number | null> {
    const [row] = await this.dataSource.query(
      // greatest() skips nulls, so the empty table (min() is null) is told apart explicitly.
      `SELECT CASE WHEN count(*) = 0 THEN NULL
                   ELSE greatest(0, extract(epoch FROM min(greatest(run_at, coalesce(locked_until, run_at))) - now()) * 1000)::float END AS ms
         FROM job_outbox`,
    );
    return row.ms === null ? null : Number(row.ms);
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM job_outbox');
    return row.n;
  }
}
