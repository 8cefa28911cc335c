import { Injectable, Logger } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { DeadJobRepository } from './repositories/dead-job.repository';

export interface RunningJob {
  name: string;
  jobId: string | null;
  payload: object;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Runs one job with its registered processor. The last failed attempt is written to the dead letters before the
 * error goes back to the backend, so an admin sees it whichever backend ran it.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger(JobExecutor.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly deadJobs: DeadJobRepository,
  ) {}

  async run(job: RunningJob): Promise<void> {
    const handler = this.registry.handlerFor(job.name);
    try {
      if (!handler) throw new Error(`no processor for job ${job.name}`);
      await handler(job.payload as never);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const final = job.attempt >= job.maxAttempts || !handler;
      this.logger.warn({ job: job.name, jobId: job.jobId, attempt: job.attempt, final, err: error }, 'job failed');
      if (final) await this.deadJobs.record({ ...job, error: message, attempts: job.attempt });
      throw error;
    }
  }
}

/** The delay before retry number `attempt` (1-based): doubling from the configured base. */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
