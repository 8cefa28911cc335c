// Worker processes (`node dist/apps/worker/src/main.js`) for the digest figures, and the BullMQ queue they share,
// looked at from the harness: a worker has no HTTP port, so it counts as ready once BullMQ lists it on the queue.
import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { track } from './cleanup.mjs';

const TAIL_CHARS = 4_000;
/** The app's one queue (libs/jobs/src/backends/bull-backend.ts). */
export const JOB_QUEUE = 'jobs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Spawns one worker with exactly `env`; stop() is SIGTERM (running jobs may finish), then SIGKILL after graceMs. */
export function spawnWorker({ label, script, cwd, env }) {
  let stdout = '';
  let stderr = '';
  let exited = null;
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (stdout = (stdout + chunk).slice(-TAIL_CHARS)));
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-TAIL_CHARS)));
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => r((exited = { code, signal }))));
  child.once('error', (error) => (exited = { code: null, signal: null, error }));
  const handle = {
    label,
    pid: child.pid,
    get exited() {
      return exited;
    },
    output: () => `--- ${label} stdout (tail) ---\n${stdout}\n--- ${label} stderr (tail) ---\n${stderr}`,
    async stop(graceMs = 20_000) {
      if (exited) return untrack();
      child.kill('SIGTERM');
      if ((await Promise.race([exitPromise, sleep(graceMs).then(() => 'timeout')])) === 'timeout') {
        child.kill('SIGKILL');
        await Promise.race([exitPromise, sleep(5_000)]);
      }
      untrack();
    },
  };
  const untrack = track(
    label,
    () => handle.stop(),
    () => {
      if (!exited) child.kill('SIGKILL');
    },
  );
  return handle;
}

/** The app's queue under `prefix`, for counts, the workers' presence and clearing it away afterwards. */
export function jobQueue(redisUrl, prefix) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const queue = new Queue(JOB_QUEUE, { connection, prefix });
  queue.on('error', () => undefined);
  const close = async () => {
    await queue.close().catch(() => undefined);
    connection.disconnect();
  };
  return { queue, close };
}

/** Waits until `count` workers are connected to the queue; throws if one of them exits or timeoutMs passes. */
export async function waitForWorkers({ queue }, workers, timeoutMs = 60_000) {
  const started = performance.now();
  for (;;) {
    const gone = workers.find((w) => w.exited);
    if (gone) throw new Error(`${gone.label} exited early (${JSON.stringify(gone.exited)})\n${gone.output()}`);
    if ((await queue.getWorkersCount()) >= workers.length) return Math.round(performance.now() - started);
    if (performance.now() - started > timeoutMs) {
      throw new Error(`workers not on the queue within ${timeoutMs} ms\n${workers.map((w) => w.output()).join('\n')}`);
    }
    await sleep(100);
  }
}

/**
 * Waits until there is no job left to run: job_outbox empty (nothing due in it, for a server running jobs itself) and,
 * with a queue, nothing waiting or running on it. What a first start runs (every repeatable schedule once, whatever
 * earlier figures left in job_outbox) must not land in a measurement. Idle means idle for half a second in a row.
 */
export async function waitForIdleJobs(client, queue = null, timeoutMs = 180_000) {
  const started = performance.now();
  let quietSince = null;
  for (;;) {
    const [{ n: outbox }] = (
      await client.query(
        queue ? 'SELECT count(*)::int AS n FROM job_outbox' : 'SELECT count(*)::int AS n FROM job_outbox WHERE run_at <= now()',
      )
    ).rows;
    const counts = queue
      ? await queue.queue.getJobCounts('waiting', 'active', 'prioritized')
      : { waiting: 0, active: 0, prioritized: 0 };
    const busy = outbox + counts.waiting + counts.active + counts.prioritized;
    const waitedMs = Math.round(performance.now() - started);
    if (busy === 0) {
      quietSince ??= performance.now();
      if (performance.now() - quietSince > 500) return { waitedMs, idle: true };
    } else quietSince = null;
    if (waitedMs > timeoutMs) return { waitedMs, idle: false, outbox, ...counts };
    await sleep(100);
  }
}
