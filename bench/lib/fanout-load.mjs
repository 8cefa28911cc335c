// The fan-out figures: one post to a topic with 1,000 watchers, timed from the POST until the 1,000 notification rows
// are committed and until the 1,000 watchers' sockets got the 'notification' event; beside the same server's plain
// 'post:created' broadcast of that same post to the same 1,000 sockets (its topic room), and the POST's own answer.
// See bench/README.md.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from './cleanup.mjs';
import { waitForQuiet } from './chat-load.mjs';
import { waitForIdleDatabase } from './database.mjs';
import { seedFanout } from './fanout-seed.mjs';
import { median } from './node-process.mjs';
import { figure } from './report.mjs';
import pg from 'pg';
import { jobQueue, spawnWorker, waitForIdleJobs, waitForWorkers } from './worker-process.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const GENERATOR = join(HERE, 'fanout-generator.mjs');
const WORKER = join(ROOT, 'dist/apps/worker/src/main.js');
/** A first post warms the path up (prepared statements, JIT); the trials after it are measured. */
const WARMUP_TRIALS = 1;

/** The generator as a promise-based handle: send a message, await the answer of the given type. */
function startGenerator(tag) {
  const child = fork(GENERATOR, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const untrack = track(
    `fan-out generator ${tag}`,
    async () => child.kill('SIGKILL'),
    () => child.kill('SIGKILL'),
  );
  let waiting = null;
  let closed = null;
  child.on('message', (message) => {
    if (!waiting) return;
    const { type, resolve, reject } = waiting;
    waiting = null;
    if (message.type === 'error') reject(new Error(`fan-out generator (${tag}): ${message.message}`));
    else if (message.type === type) resolve(message);
    else reject(new Error(`fan-out generator (${tag}): expected ${type}, got ${message.type}`));
  });
  child.once('close', (code, signal) => {
    closed = code ?? signal;
    untrack();
    waiting?.reject(new Error(`fan-out generator (${tag}) exited (${closed})`));
    waiting = null;
  });
  return {
    ask(message, type) {
      if (closed !== null) return Promise.reject(new Error(`fan-out generator (${tag}) exited (${closed})`));
      return new Promise((resolve, reject) => {
        waiting = { type, resolve, reject };
        child.send(message);
      });
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/** Connects the watchers to `server`, then posts once per topic (warm-up first) and collects each trial. */
async function fanoutVariant({ server, seed, trials, databaseUrl, queue, quietPids, label, log }) {
  const generator = startGenerator(label);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const joined = await generator.ask(
      {
        type: 'setup',
        config: {
          port: server.port,
          cookies: seed.cookies,
          authorCookie: seed.authorCookie,
          topicIds: seed.topicIds,
          databaseUrl,
        },
      },
      'joined',
    );
    log(`  ${seed.cookies.length} clients connected and in ${seed.topicIds.length} topic rooms in ${joined.joinMs} ms`);
    const results = [];
    for (let index = 0; index < WARMUP_TRIALS + trials; index += 1) {
      // Nothing left of the first start's schedules or the previous trial, on the queue or in the processes.
      const jobs = await waitForIdleJobs(client, queue);
      if (!jobs.idle) log(`  jobs still busy after ${jobs.waitedMs} ms: ${JSON.stringify(jobs)}`);
      await waitForQuiet(quietPids, 30_000);
      await waitForIdleDatabase(databaseUrl);
      const { result } = await generator.ask({ type: 'trial', index }, 'trial-result');
      const warmup = index < WARMUP_TRIALS;
      log(
        `  ${warmup ? 'warm-up' : `trial ${index - WARMUP_TRIALS + 1}/${trials}`}: POST answered in ${result.postMs} ms, ` +
          `${result.rows} rows committed at ${result.rowsCommittedMs ?? '?'} ms (counted at ${result.rowsPolledMs ?? '?'} ms), ` +
          `'notification' to all at ${result.notification.allMs ?? `- (${result.notification.received} received)`} ms, ` +
          `'post:created' to all at ${result.postCreated.allMs ?? `- (${result.postCreated.received} received)`} ms`,
      );
      results.push({ ...result, warmup });
    }
    await generator.ask({ type: 'close' }, 'closed').catch(() => generator.kill());
    const measured = results.filter((r) => !r.warmup);
    const pick = (fn) => {
      const values = measured.map(fn);
      return values.some((v) => v === null) ? null : median(values);
    };
    return {
      joined,
      trials: results,
      // The time the rows became visible: their NOTIFY, sent on commit; the count poll where no NOTIFY came.
      rowsMs: pick((r) => r.rowsCommittedMs ?? r.rowsPolledMs),
      postMs: pick((r) => r.postMs),
      notificationAllMs: pick((r) => r.notification.allMs),
      postCreatedAllMs: pick((r) => r.postCreated.allMs),
      complete: measured.every(
        (r) => r.rows >= seed.cookies.length && r.notification.missing === 0 && r.notification.duplicated === 0,
      ),
    };
  } catch (error) {
    generator.kill();
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Every fan-out figure: first with the app as `npm start` runs it (jobs in-process, no Redis), then, when `redisUrl` is
 * given, with the app on Redis and one worker process running the jobs. `startApp(extraEnv, label)` starts a server.
 */
export async function fanoutFigures({ databaseUrl, redisUrl, startApp, workerEnv, watchers, trials, log }) {
  const variants = [{ key: 'in_process', label: 'jobs in the server process (no Redis)' }];
  if (redisUrl && ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(redisUrl).hostname))
    variants.push({ key: 'worker', label: 'server on Redis, jobs in one worker process' });
  const figures = [];
  for (const variant of variants) {
    const seed = await seedFanout(databaseUrl, {
      watchers,
      topics: WARMUP_TRIALS + trials,
      tag: variant.key === 'worker' ? 'w' : 'p',
    });
    log(`fan-out (${variant.label}): ${watchers} watchers of ${seed.topicIds.length} topics seeded in ${seed.seedMs} ms`);
    const prefix = `artc-bench-fanout-${process.pid}-${Date.now().toString(36)}`;
    const extra = variant.key === 'worker' ? { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix } : {};
    const server = await startApp(extra, `app server (fan-out, ${variant.key})`);
    const worker =
      variant.key === 'worker'
        ? spawnWorker({ label: 'fan-out worker', script: WORKER, cwd: ROOT, env: workerEnv(extra) })
        : null;
    const queue = worker ? jobQueue(redisUrl, prefix) : null;
    try {
      if (worker) await waitForWorkers(queue, [worker]);
      const run = await fanoutVariant({
        server,
        seed,
        trials,
        databaseUrl,
        queue,
        quietPids: [server.pid, ...(worker ? [worker.pid] : [])],
        label: variant.key,
        log,
      });
      // No target in the issue: `complete` says whether every watcher got their row and exactly one push in every trial.
      const details = {
        variant: variant.label,
        watchers,
        trialsMeasured: trials,
        warmupTrials: WARMUP_TRIALS,
        statistic: 'median of trials',
        ...run,
      };
      figures.push(
        figure(`fanout_${variant.key}_notifications_pushed`, 'ms', run.notificationAllMs, run.postCreatedAllMs, {
          details: {
            ...details,
            baseline: "the same POST's 'post:created' event to the same sockets (the topic room), as the server broadcasts it",
          },
        }),
        figure(`fanout_${variant.key}_notifications_written`, 'ms', run.rowsMs, run.postMs, {
          details: { baseline: 'the answer to the same POST (the post itself written)' },
        }),
      );
    } finally {
      await worker?.stop();
      if (queue) {
        await queue.queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      await server.stop();
    }
  }
  return figures;
}
