import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { backoffDelay, JobExecutor } from '../job-executor';
import { jobKey } from '../job-names';
import { JobRegistry } from '../job-registry';
import { JobOutboxRepository, type OutboxJob } from '../repositories/job-outbox.repository';
import { JobBackend, type JobRequest, type QueueCounts } from './job-backend';

/** Work written by triggers and transactions is noticed within this (cheaper than a NOTIFY on every commit). */
const POLL_MS = 250;

/**
 * Without Redis: jobs live in the job_outbox table and this process works them, with the same retries, backoff,
 * dead letters and stalled-job recovery (a lease that runs out) as BullMQ gives the workers. Durable: a restart
 * picks up where the last process stopped.
 */
@Injectable()
export class TableJobBackend extends JobBackend implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TableJobBackend.name);
  private readonly running = new Set<Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private wakeTimer?: NodeJS.Timeout;
  private pumping = false;
  private pumpAgain = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: JobOutboxRepository,
    private readonly executor: JobExecutor,
    private readonly registry: JobRegistry,
  ) {
    super();
  }

  async add(jobs: readonly JobRequest[]): Promise<void> {
    const now = Date.now();
    await this.outbox.add(
      jobs.map((job) => ({ ...job, runAt: job.delayMs ? new Date(now + job.delayMs) : undefined })),
    );
    if (this.config.jobs.runInProcess) this.wake();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.runInProcess) return;
    for (const schedule of this.registry.schedules) {
      const tick = () => {
        const slot = Math.floor(Date.now() / schedule.everyMs);
        this.add([{ name: schedule.name, payload: {}, jobId: jobKey(schedule.name, slot) }]).catch((error) =>
          this.logger.warn({ err: error, job: schedule.name }, 'could not schedule job'),
        );
      };
      const timer = setInterval(tick, schedule.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
    this.wake();
  }

  /** Runs due jobs until none is due or all slots are busy, then sleeps until the next is due (or a NOTIFY). */
  private wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.pump()
      .catch((error) => this.logger.warn({ err: error }, 'job runner could not read the queue'))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    const free = this.config.jobs.concurrency - this.running.size;
    if (free > 0) {
      for (const job of await this.outbox.claim(free, this.config.jobs.stalledMs)) this.start(job);
    }
    const dueIn = await this.outbox.nextDueInMs();
    this.sleep(dueIn === null ? POLL_MS : Math.min(POLL_MS, Math.max(10, dueIn)));
  }

  private sleep(ms: number): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => this.wake(), ms);
    this.wakeTimer.unref();
  }

  private start(job: OutboxJob): void {
    const { attempts: maxAttempts, backoffMs } = this.config.jobs;
    const work = this.executor
      .run({ name: job.name, jobId: job.jobId, payload: job.payload, attempt: job.attempts, maxAttempts })
      .then(
        () => this.outbox.complete(job.id),
        (error: unknown) =>
          job.attempts >= maxAttempts
            ? this.outbox.complete(job.id)
            : this.outbox.retryLater(job.id, backoffDelay(backoffMs, job.attempts), error instanceof Error ? error.message : String(error)),
      )
      .catch((error) => this.logger.error({ err: error, job: job.name }, 'could not record a job outcome'))
      .finally(() => {
        this.running.delete(work);
        this.wake();
      });
    this.running.add(work);
  }

  async counts(): Promise<QueueCounts> {
    const waiting = await this.outbox.count();
    return { waiting: Math.max(0, waiting - this.running.size), active: this.running.size, delayed: 0 };
  }

  async idle(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      // Like BullMQ's waiting + active: jobs delayed into the future do not count.
      const dueIn = await this.outbox.nextDueInMs();
      if (this.running.size === 0 && (dueIn === null || dueIn > 0)) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }

  /** SIGTERM: take nothing new, let running jobs finish within the grace period (their leases cover the rest). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => setTimeout(resolve, this.config.jobs.shutdownGraceMs).unref()),
    ]);
  }
}
