import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CoreModule, loadConfig } from '@app/core';
import { DatabaseModule } from '@app/database';
import { IDENTITY_ENTITIES } from '@app/identity';
import { JobName, JobQueue, JobRegistry, JobsModule, jobKey } from '@app/jobs';
import { DataSource } from 'typeorm';
import { resetDatabase, testDatabaseUrl } from '../support/test-database';

/** Test processors under two real job names: one counts runs (slowly when asked), one fails a set number of times. */
@Injectable()
class Probe implements OnModuleInit {
  static runs: string[] = [];
  static failuresLeft = 0;
  static slowMs = 0;

  constructor(private readonly registry: JobRegistry) {}

  onModuleInit(): void {
    this.registry.handle(JobName.BookmarkReminders, async () => {
      if (Probe.slowMs) await new Promise((resolve) => setTimeout(resolve, Probe.slowMs));
      Probe.runs.push('ran');
    });
    this.registry.handle(JobName.ChatRetention, async () => {
      if (Probe.failuresLeft-- > 0) throw new Error('not yet');
      Probe.runs.push('succeeded');
    });
  }
}

@Module({ providers: [Probe] })
class ProbeModule {}

let prefixes = 0;

async function startContext(redisUrl: string | undefined): Promise<INestApplicationContext> {
  const databaseUrl = await testDatabaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    RUN_JOBS: 'true',
    QUEUE_PREFIX: `artc-jobs-test-${process.pid}-${++prefixes}`,
    JOB_ATTEMPTS: '3',
    JOB_BACKOFF_MS: '20',
    JOB_STALLED_MS: '1000',
  });
  const context = await NestFactory.createApplicationContext(
    {
      module: class JobsTestRoot {},
      imports: [CoreModule.forRoot(config), JobsModule, DatabaseModule.forRoot({ url: databaseUrl, entities: IDENTITY_ENTITIES, poolSize: 4 }), ProbeModule],
    },
    { logger: process.env.JOBS_TEST_LOG ? undefined : false },
  );
  await context.init();
  return context;
}

const backends: [string, string | undefined][] = [['the in-process runner (no Redis)', undefined]];
if (process.env.REDIS_URL) backends.push(['BullMQ', process.env.REDIS_URL]);

describe.each(backends)('jobs on %s', (_name, redisUrl) => {
  let context: INestApplicationContext;
  let queue: JobQueue;
  let db: DataSource;
  beforeEach(async () => {
    await resetDatabase(await testDatabaseUrl());
    Probe.runs = [];
    Probe.failuresLeft = 0;
    Probe.slowMs = 0;
    context = await startContext(redisUrl);
    queue = context.get(JobQueue);
    db = context.get(DataSource);
  });
  afterEach(() => context.close());

  it('runs a job with a deterministic id once however often it is enqueued', async () => {
    for (let i = 0; i < 3; i++) await queue.enqueue(JobName.BookmarkReminders, {}, { jobId: jobKey('once', 1) });
    expect(await queue.idle()).toBe(true);
    expect(Probe.runs).toEqual(['ran']);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    Probe.failuresLeft = 2;
    await queue.enqueue(JobName.ChatRetention, {});
    const deadline = Date.now() + 10_000;
    while (Probe.runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Probe.runs).toEqual(['succeeded']);
    expect(await db.query('SELECT * FROM dead_job')).toEqual([]);
  });

  it('dead-letters a job that uses up its attempts, with its error', async () => {
    Probe.failuresLeft = 10;
    await queue.enqueue(JobName.ChatRetention, {}, { jobId: 'always-failing' });
    const deadline = Date.now() + 10_000;
    let dead: { name: string; error: string; attempts: number }[] = [];
    while (dead.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      dead = await db.query('SELECT name, error, attempts, job_id AS "jobId" FROM dead_job');
    }
    expect(dead).toEqual([expect.objectContaining({ name: 'chat.retention', attempts: 3, jobId: 'always-failing' })]);
    expect(dead[0].error).toContain('not yet');
    expect(Probe.failuresLeft).toBe(7);
    // Enqueued again (as a schedule would) and failing again: still one dead letter for that id, updated.
    await queue.enqueue(JobName.ChatRetention, {}, { jobId: 'always-failing' });
    while (Probe.failuresLeft > 4 && Date.now() < deadline + 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.query('SELECT count(*)::int AS n FROM dead_job')).toEqual([{ n: 1 }]);
  });

  it('lets a running job finish on shutdown and takes no new one', async () => {
    Probe.slowMs = 400;
    await queue.enqueue(JobName.BookmarkReminders, {});
    const deadline = Date.now() + 5_000;
    // Wait until it is running (BullMQ: active; in-process: claimed), then shut down.
    while (Date.now() < deadline) {
      const claimed = redisUrl ? 0 : (await db.query('SELECT 1 FROM job_outbox WHERE locked_until IS NOT NULL')).length;
      if (claimed > 0 || (redisUrl && Date.now() > deadline - 4_700)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const closing = context.close();
    await closing;
    expect(Probe.runs).toEqual(['ran']);
    context = await startContext(redisUrl);
  });
});

describe('jobs on the in-process runner after a crash', () => {
  it('picks up a job whose lease ran out (its process died mid-job)', async () => {
    await resetDatabase(await testDatabaseUrl());
    Probe.runs = [];
    const context = await startContext(undefined);
    try {
      const db = context.get(DataSource);
      await db.query(
        `INSERT INTO job_outbox (name, payload, attempts, locked_until) VALUES ('bookmark.reminders', '{}', 1, now() - interval '1 second')`,
      );
      const deadline = Date.now() + 5_000;
      while (Probe.runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(Probe.runs).toEqual(['ran']);
    } finally {
      await context.close();
    }
  });
});
