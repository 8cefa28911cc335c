import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobBackend } from './backends/job-backend';
import type { JobNameValue, JobPayloads } from './job-names';
import { JobOutboxRepository } from './repositories/job-outbox.repository';

export interface EnqueueOptions {
  /** Deterministic where the job must run once (see jobKey). */
  jobId?: string;
  delayMs?: number;
}

/**
 * The one producer API. `enqueue` after a commit: straight onto the queue, or, when the queue does not answer at
 * once, parked in PostgreSQL for the relay (the request that caused it still succeeds, and nothing is lost).
 * `enqueueWithin` inside a transaction: the job exists exactly when the change does.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private lastWarnedAt = 0;

  constructor(
    private readonly backend: JobBackend,
    private readonly outbox: JobOutboxRepository,
  ) {}

  async enqueue<N extends JobNameValue>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.enqueueMany([{ name, payload, ...options }]);
  }

  async enqueueMany(jobs: readonly ({ name: JobNameValue; payload: object } & EnqueueOptions)[]): Promise<void> {
    if (jobs.length === 0) return;
    try {
      await this.backend.add(jobs);
    } catch (error) {
      if (Date.now() - this.lastWarnedAt > 60_000) {
        this.lastWarnedAt = Date.now();
        this.logger.warn({ err: error }, 'queue unavailable: jobs parked in PostgreSQL until it returns');
      }
      const now = Date.now();
      await this.outbox.add(jobs.map((job) => ({ ...job, runAt: job.delayMs ? new Date(now + job.delayMs) : undefined })));
    }
  }

  async enqueueWithin<N extends JobNameValue>(
    manager: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const runAt = options.delayMs ? new Date(Date.now() + options.delayMs) : undefined;
    await this.outbox.add([{ name, payload, jobId: options.jobId, runAt }], manager);
  }

  /** Tests and benchmarks: waits until nothing is queued or running. */
  idle(timeoutMs = 10_000): Promise<boolean> {
    return this.backend.idle(timeoutMs);
  }
}
