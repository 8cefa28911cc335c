import { Injectable } from '@nestjs/common';
import { badRequest, decodeCursor, ErrorCode, notFound, toPage, type Page } from '@app/core';
import type { Actor } from '@app/identity';
import { JobBackend, type QueueCounts } from './backends/job-backend';
import type { JobNameValue } from './job-names';
import { JobQueue } from './job-queue';
import { DeadJobRepository } from './repositories/dead-job.repository';
import { JobOutboxRepository } from './repositories/job-outbox.repository';

export interface FailedJobView {
  id: string;
  name: string;
  jobId: string | null;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  failedAt: string;
}

/** The dead-letter view: platform admins only (everyone else is told the route holds nothing). */
@Injectable()
export class FailedJobsService {
  constructor(
    private readonly deadJobs: DeadJobRepository,
    private readonly queue: JobQueue,
    private readonly backend: JobBackend,
    private readonly outbox: JobOutboxRepository,
  ) {}

  private assertAdmin(actor: Actor): void {
    if (actor.platformRole !== 'admin') throw notFound();
  }

  async list(actor: Actor, cursor: string | undefined, limit = 50): Promise<Page<FailedJobView>> {
    this.assertAdmin(actor);
    const after = decodeCursor(cursor);
    const failedAt = after ? new Date(after.key) : null;
    if (failedAt && Number.isNaN(failedAt.getTime())) throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid');
    const rows = await this.deadJobs.page(after && failedAt ? { failedAt, id: after.id } : null, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => ({ key: row.failedAt.toISOString(), id: row.id }),
      (row) => ({ ...row, failedAt: row.failedAt.toISOString() }),
    );
  }

  /** Runs it again from its first attempt, under its original id (jobs are idempotent, so a retry is safe). */
  async retry(actor: Actor, id: string): Promise<void> {
    this.assertAdmin(actor);
    const job = await this.deadJobs.take(id);
    if (!job) throw notFound();
    await this.queue.enqueueMany([{ name: job.name as JobNameValue, payload: job.payload, jobId: job.jobId ?? undefined }]);
  }

  async discard(actor: Actor, id: string): Promise<void> {
    this.assertAdmin(actor);
    if (!(await this.deadJobs.take(id))) throw notFound();
  }

  async summary(actor: Actor): Promise<{ failed: number; outbox: number; queues: QueueCounts | null }> {
    this.assertAdmin(actor);
    const [failed, outbox, queues] = await Promise.all([
      this.deadJobs.count(),
      this.outbox.count(),
      this.backend.counts().catch(() => null),
    ]);
    return { failed, outbox, queues };
  }
}
