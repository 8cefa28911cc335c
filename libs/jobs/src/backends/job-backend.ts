import type { JobNameValue } from '../job-names';

export interface JobRequest {
  name: JobNameValue;
  payload: object;
  /** Deterministic where the job must run once. */
  jobId?: string;
  delayMs?: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
}

/** Where jobs go: BullMQ on Redis, or the job_outbox table worked by the in-process runner. */
export abstract class JobBackend {
  /** Throws quickly when the queue cannot take the jobs (the producer then parks them in PostgreSQL). */
  abstract add(jobs: readonly JobRequest[]): Promise<void>;
  abstract counts(): Promise<QueueCounts>;
  /** Tests and benchmarks: true once nothing is waiting or running (delayed jobs aside), false at the timeout. */
  abstract idle(timeoutMs: number): Promise<boolean>;
}
