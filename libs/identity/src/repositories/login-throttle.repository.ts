import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Failed sign-ins kept in PostgreSQL, so every server instance counts the same attempts. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** For each subject: failures since `since`, and when the oldest of them happened. */
  async failuresSince(subjects: string[], since: Date): Promise<Map<string, { count: number; oldest: Date }>> {
    const rows: { subject: string; count: string; oldest: Date }[] = await this.dataSource.query(
      `SELECT subject, count(*) AS count, min(failed_at) AS oldest FROM login_failure
       WHERE subject = ANY($1) AND failed_at > $2 GROUP BY subject`,
      [subjects, since],
    );
    return new Map(rows.map((row) => [row.subject, { count: Number(row.count), oldest: new Date(row.oldest) }]));
  }

  async record(subjects: string[], at: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO login_failure (subject, failed_at) SELECT unnest($1::text[]), $2', [subjects, at]);
  }

  async clear(subject: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failure WHERE subject = $1', [subject]);
  }

  async prune(before: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failure WHERE failed_at < $1', [before]);
  }
}
