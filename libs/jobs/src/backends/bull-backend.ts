import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { JobExecutor } from '../job-executor';
import { JOB_PRIORITY } from '../job-names';
import { JobRegistry } from '../job-registry';
import { JobOutboxRepository, type OutboxJob } from '../repositories/job-outbox.repository';
import { JobBackend, type JobRequest, type QueueCounts } from './job-backend';

const QUEUE = 'jobs';
/** How long a producer waits for Redis before parking the work in PostgreSQL instead. */
const ADD_TIMEOUT_MS = 1_000;
/**
 * How often parked work (written by triggers and transactions) is looked for: a mention waits at most this long
 * before its job is on the queue. Polling an empty table this often costs less than a NOTIFY on every commit.
 */
const RELAY_EVERY_MS = 250;
const RELAY_BATCH = 500;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in time')), ms).unref())]);
}

/**
 * With Redis: BullMQ. Producers add straight to the queue and fail fast when Redis is away; the relay moves what was
 * parked in job_outbox (by triggers, by transactions, or while Redis was down) onto the queue. Processes that run
 * jobs (workers, or a server with RUN_JOBS) also consume the queue and keep the repeatable schedules in place.
 */
@Injectable()
export class BullJobBackend extends JobBackend implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BullJobBackend.name);
  private readonly producerConnection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private relayTimer?: NodeJS.Timeout;
  private relaying = false;
  private relayAgain = false;
  private schedulesInPlace = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: JobOutboxRepository,
    private readonly executor: JobExecutor,
    private readonly registry: JobRegistry,
  ) {
    super();
    // No offline queue: while Redis is away a command fails at once instead of piling up in memory.
    this.producerConnection = new Redis(config.redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.producerConnection.on('error', () => undefined);
    this.queue = new Queue(QUEUE, { connection: this.producerConnection, prefix: config.jobs.queuePrefix });
    this.queue.on('error', () => undefined);
  }

  private get jobOptions(): JobsOptions {
    const { attempts, backoffMs } = this.config.jobs;
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      // Completed jobs are trimmed; failed ones are removed because their dead letter is kept in PostgreSQL.
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: true,
    };
  }

  async add(jobs: readonly JobRequest[]): Promise<void> {
    if (this.producerConnection.status !== 'ready') throw new Error(`Redis is ${this.producerConnection.status}`);
    await withTimeout(
      this.queue.addBulk(
        jobs.map((job) => ({
          name: job.name,
          data: job.payload,
          opts: { ...this.jobOptions, jobId: job.jobId, delay: job.delayMs, priority: JOB_PRIORITY[job.name] },
        })),
      ),
      ADD_TIMEOUT_MS,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relayTimer = setInterval(() => this.relay(), RELAY_EVERY_MS);
    this.relayTimer.unref();
    if (this.config.jobs.runInProcess) this.startWorker();
    this.relay();
  }

  private startWorker(): void {
    const { concurrency, stalledMs } = this.config.jobs;
    const connection = new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.worker = new Worker(QUEUE, (job: Job) => this.process(job), {
      connection,
      prefix: this.config.jobs.queuePrefix,
      concurrency,
      lockDuration: stalledMs,
      stalledInterval: stalledMs,
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'job worker error'));
  }

  private process(job: Job): Promise<void> {
    return this.executor.run({
      name: job.name,
      jobId: job.id ?? null,
      payload: job.data,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
    });
  }

  /** Moves parked jobs onto the queue; if Redis is still away they stay parked for the next round. */
  private relay(): void {
    if (this.stopped) return;
    if (this.relaying) {
      this.relayAgain = true;
      return;
    }
    this.relaying = true;
    this.relayRound()
      .catch(() => undefined)
      .finally(() => {
        this.relaying = false;
        if (this.relayAgain) {
          this.relayAgain = false;
          this.relay();
        }
      });
  }

  private async relayRound(): Promise<void> {
    if (this.producerConnection.status !== 'ready') return;
    if (this.config.jobs.runInProcess && !this.schedulesInPlace) await this.placeSchedules();
    const now = Date.now();
    const toRequest = (job: OutboxJob): JobRequest => ({
      name: job.name as JobRequest['name'],
      payload: job.payload,
      jobId: job.jobId ?? undefined,
      delayMs: Math.max(0, new Date(job.runAt).getTime() - now),
    });
    while ((await this.outbox.relay(RELAY_BATCH, (jobs) => this.add(jobs.map(toRequest)))) === RELAY_BATCH);
  }

  private async placeSchedules(): Promise<void> {
    for (const schedule of this.registry.schedules) {
      await this.queue.upsertJobScheduler(schedule.name, { every: schedule.everyMs }, { name: schedule.name, data: {}, opts: this.jobOptions });
    }
    this.schedulesInPlace = true;
  }

  async counts(): Promise<QueueCounts> {
    const counts = await withTimeout(this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'), ADD_TIMEOUT_MS);
    return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, delayed: counts.delayed ?? 0 };
  }

  async idle(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const counts = await this.counts().catch(() => null);
      if (counts && counts.waiting + counts.active === 0 && (await this.outbox.count()) === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }

  /** SIGTERM: no new jobs; running ones get the grace period, then the worker closes anyway (their locks expire). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.relayTimer) clearInterval(this.relayTimer);
    if (this.worker) {
      const worker = this.worker;
      const graceful = worker.close().then(() => true);
      const inTime = await Promise.race([graceful, new Promise<boolean>((r) => setTimeout(() => r(false), this.config.jobs.shutdownGraceMs).unref())]);
      if (!inTime) await worker.close(true).catch(() => undefined);
      await worker.disconnect().catch(() => undefined);
    }
    await this.queue.close().catch(() => undefined);
    this.producerConnection.disconnect();
  }
}
