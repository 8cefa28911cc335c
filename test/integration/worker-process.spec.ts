import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { MailOutbox } from '@app/notifications';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');
const runnable = process.env.REDIS_URL && existsSync(WORKER_MAIN);
const describeWithWorker = runnable ? describe : describe.skip;
if (!runnable) process.stdout.write('worker-process tests skipped: they need REDIS_URL and a build (npm test builds first)\n');

const redisConnection = () => {
  const url = new URL(process.env.REDIS_URL!);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
};

/** Real `apps/worker` processes on the test app's queues: killed, stopped and started like in production. */
describeWithWorker('worker processes', () => {
  let sink: SmtpSink;
  let t: TestApp;
  const children: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: process.env.REDIS_URL,
        QUEUE_PREFIX: t.config.jobs.queuePrefix,
        SMTP_URL: sink.url,
        JOB_STALLED_MS: '2000',
        JOB_SHUTDOWN_GRACE_MS: '10000',
        DEMO: 'false',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  }

  const queueMail = (subject: string) =>
    t.app.get(MailOutbox).queue({
      userId: null,
      to: 'someone@example.org',
      purpose: 'invitation',
      subject,
      content: { heading: subject, sections: [], footer: { reason: 'A test.' } },
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The server only produces here; the worker processes do the work.
    t = await startTestApp({ RUN_JOBS: 'false', SMTP_URL: sink.url });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await t.close();
    await sink.close();
  });

  it('finishes a running job on SIGTERM before exiting, and exits cleanly', async () => {
    const worker = startWorker();
    sink.slow(1_500);
    await queueMail('Sent while stopping');
    // Wait until the worker is mid-send (its job active, the slow server not yet accepting), then stop it.
    const queue = new Queue('jobs', { connection: redisConnection(), prefix: t.config.jobs.queuePrefix });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await queue.getActiveCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await queue.close();
    expect(sink.messages).toEqual([]);
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    const code = await exited;
    sink.slow(0);
    expect(sink.messages.map((m) => m.subject)).toEqual(['Sent while stopping']);
    expect((await t.db.query(`SELECT sent_at FROM outgoing_mail`))[0].sent_at).not.toBeNull();
    expect(code).toBe(0);
  });

  it('gives the job of a worker that died mid-job to another worker', async () => {
    sink.clear();
    // A worker that takes the job and then dies without a word: its lock is left to run out.
    const doomed = new Worker('jobs', () => new Promise(() => undefined), {
      connection: redisConnection(),
      prefix: t.config.jobs.queuePrefix,
      lockDuration: 2_000,
      stalledInterval: 2_000,
    });
    const taken = new Promise<void>((resolve) => doomed.once('active', () => resolve()));
    await queueMail('Rescued from a dead worker');
    await taken;
    await doomed.close(true);
    startWorker();
    const mail = await sink.waitFor((m) => m.subject === 'Rescued from a dead worker', 20_000);
    expect(mail).toBeDefined();
  });
});
