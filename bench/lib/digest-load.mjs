// The digest figures: 10,000 members due a daily digest, one `digest.tick` put in job_outbox, and the wall time until
// every digest was built and delivered to an SMTP sink in this process, with one worker process and then with two;
// beside the time one process takes to send as many pre-rendered messages of the same size straight through
// nodemailer to the same sink, with as many in flight. See bench/README.md.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { track } from './cleanup.mjs';
import { settleDatabase, waitForIdleDatabase } from './database.mjs';
import { digestsDue, seedDigests } from './digest-seed.mjs';
import { figure } from './report.mjs';
import { startSmtpSink } from './smtp-sink.mjs';
import { jobQueue, spawnWorker, waitForIdleJobs, waitForWorkers } from './worker-process.mjs';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const WORKER = join(ROOT, 'dist/apps/worker/src/main.js');
const MAIL_BASELINE = join(HERE, 'mail-baseline.mjs');

/** The issue's target: every digest built and delivered within 120 s with two workers. */
export const DIGEST_TARGET = { maxMs: 120_000, workers: 2 };
/** How long one run may take before it is recorded as unfinished. */
const RUN_LIMIT_MS = 600_000;
const POLL_MS = 250;
const SAMPLE_MESSAGES = 200;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** user + system CPU time of a process so far, in ms (from /proc/<pid>/stat, 100 ticks a second); null once gone. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine so far, in ticks (from the first line of /proc/stat). */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.slice(0, 8).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

/** The pids of the PostgreSQL backends serving the bench database (the workers' pools), but not `client`'s own. */
async function backendPids(client) {
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * CPU use between start and stop, in % of one core: of each worker, of the PostgreSQL backends serving the bench
 * database (the workers' pools), of this harness process (the SMTP sink), and of the rest of the machine (Redis,
 * other databases' PostgreSQL work, and whatever else runs on a shared machine).
 */
async function cpuMeter(pids, client) {
  const backends = await backendPids(client);
  const before = {
    pids: pids.map(cpuMs),
    backends: backends.map(cpuMs),
    self: process.cpuUsage(),
    machine: machineTicks(),
    at: performance.now(),
  };
  return async () => {
    // Backends that connected during the run (a pool grows on demand) count whole; ones that ended are lost.
    const after = await backendPids(client);
    const elapsed = performance.now() - before.at;
    const machine = machineTicks();
    const pct = (ms) => Number(((ms / elapsed) * 100).toFixed(1));
    const delta = (list, start) => list.map((pid, i) => (cpuMs(pid) ?? start[i]) - start[i]);
    const workers = delta(pids, before.pids).map(pct);
    const fresh = after.filter((pid) => !backends.includes(pid));
    const postgres = pct(
      delta(backends, before.backends).reduce((a, b) => a + b, 0) + fresh.reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0),
    );
    const self = process.cpuUsage(before.self);
    const harness = pct((self.user + self.system) / 1000);
    const all = ((machine.busy - before.machine.busy) / (machine.total - before.machine.total)) * availableParallelism() * 100;
    return {
      workerCpuPercentOfOneCore: workers,
      postgresBackendsCpuPercentOfOneCore: postgres,
      postgresBackends: { atStart: backends.length, atEnd: after.length },
      harnessCpuPercentOfOneCore: harness,
      machineCpuPercentOfOneCore: Number(all.toFixed(1)),
      restOfMachineCpuPercentOfOneCore: Number(
        Math.max(0, all - workers.reduce((a, b) => a + b, 0) - postgres - harness).toFixed(1),
      ),
    };
  };
}

/** The state of the digests in the database: claimed periods, built mails, and how many of those were sent. */
async function progress(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM digest_delivery) AS claimed,
            (SELECT count(*)::int FROM digest_delivery WHERE mail_id IS NOT NULL) AS built,
            (SELECT count(*)::int FROM outgoing_mail WHERE purpose = 'digest') AS mails,
            (SELECT count(*)::int FROM outgoing_mail WHERE purpose = 'digest' AND sent_at IS NOT NULL) AS sent,
            (SELECT count(*)::int FROM dead_job) AS "deadJobs"`,
  );
  return rows[0];
}

/** Forgets every digest made (the guard rows and the mails), so the next run builds them all again. */
async function clearDigests(client) {
  await client.query('DELETE FROM digest_delivery');
  await client.query('DELETE FROM outgoing_mail');
}

/**
 * One run: `workers` worker processes on a fresh queue prefix, the members' digests switched on, then the tick put in
 * job_outbox (as the app's own JobOutboxRepository.add does), and the wall time from there until the
 * sink holds every digest and outgoing_mail has them all sent.
 */
async function digestRun({ databaseUrl, redisUrl, sink, workers: workerCount, memberIds, workerEnv, log }) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const prefix = `artc-bench-digest-${process.pid}-${Date.now().toString(36)}-${workerCount}`;
  const queue = jobQueue(redisUrl, prefix);
  const workers = [];
  try {
    await digestsDue(client, memberIds, false);
    await clearDigests(client);
    for (let i = 0; i < workerCount; i += 1) {
      workers.push(
        spawnWorker({
          label: `digest worker ${i + 1}/${workerCount}`,
          script: WORKER,
          cwd: ROOT,
          env: workerEnv({ SMTP_URL: sink.url, QUEUE_PREFIX: prefix }),
        }),
      );
    }
    const readyMs = await waitForWorkers(queue, workers);
    // Their first start runs every schedule once (and relays whatever earlier figures left in job_outbox).
    const idleBefore = await waitForIdleJobs(client, queue);
    if (!idleBefore.idle)
      log(`digests: jobs still busy after ${idleBefore.waitedMs} ms before the run: ${JSON.stringify(idleBefore)}`);
    await digestsDue(client, memberIds, true);
    const due = memberIds.length;
    await client.query('VACUUM (ANALYZE) notification_setting, digest_delivery, outgoing_mail, job_outbox');
    await waitForIdleDatabase(databaseUrl);
    const deadBefore = (await progress(client)).deadJobs;
    sink.reset();

    log(
      `digests: ${workerCount} worker${workerCount > 1 ? 's' : ''} (ready in ${readyMs} ms), ${due} members due, tick enqueued`,
    );
    const meter = await cpuMeter(
      workers.map((w) => w.pid),
      client,
    );
    const t0 = performance.now();
    await client.query(`INSERT INTO job_outbox (name, payload, job_id) VALUES ('digest.tick', '{}', $1)`, [
      `bench-digest-tick|${prefix}`,
    ]);

    // A digest's period is claimed and its mail queued in one transaction: a digest_delivery row is a built digest.
    const timeline = { firstBuiltMs: null, allBuiltMs: null, allSentMs: null };
    let last = null;
    let lastLogAt = t0;
    let finished = false;
    while (performance.now() - t0 < RUN_LIMIT_MS) {
      const gone = workers.find((w) => w.exited);
      if (gone) throw new Error(`${gone.label} exited during the digest run (${JSON.stringify(gone.exited)})\n${gone.output()}`);
      last = await progress(client);
      const at = Math.round(performance.now() - t0);
      if (timeline.firstBuiltMs === null && last.claimed > 0) timeline.firstBuiltMs = at;
      if (timeline.allBuiltMs === null && last.claimed >= due) timeline.allBuiltMs = at;
      if (last.claimed >= due && last.mails === last.built && last.sent === last.mails && sink.state.count >= last.mails) {
        timeline.allSentMs = at;
        finished = true;
        break;
      }
      if (performance.now() - lastLogAt > 15_000) {
        lastLogAt = performance.now();
        log(
          `  ${Math.round(at / 1000)} s: ${last.claimed} claimed, ${last.built} built, ${last.sent} sent, ${sink.state.count} at the sink`,
        );
      }
      await sleep(POLL_MS);
    }
    const cpu = await meter();
    // The wall time ends at the last message the sink accepted (the poll only notices it up to POLL_MS later).
    const wallMs = finished ? Math.round(Math.max(0, (sink.state.lastAt ?? t0) - t0)) : null;
    const final = await progress(client);
    const { rows: outcomes } = await client.query(
      `SELECT count(*) FILTER (WHERE mail_id IS NOT NULL)::int AS "withMail", count(*) FILTER (WHERE mail_id IS NULL)::int AS "noMail",
              round(avg(item_count) FILTER (WHERE mail_id IS NOT NULL), 1)::float AS "avgItems",
              max(item_count) AS "maxItems" FROM digest_delivery`,
    );
    const { rows: mailStats } = await client.query(
      `SELECT round(avg(octet_length(html)))::int AS "avgHtmlBytes", round(avg(octet_length(text)))::int AS "avgTextBytes",
              count(*) FILTER (WHERE attempts > 1)::int AS retried FROM outgoing_mail WHERE purpose = 'digest'`,
    );
    const result = {
      workers: workerCount,
      due,
      finished,
      wallMs,
      digestsPerSecond: wallMs ? Number(((final.sent / wallMs) * 1000).toFixed(1)) : null,
      timeline,
      delivered: {
        sink: sink.state.count,
        sinkBytes: sink.state.bytes,
        avgMessageBytes: sink.state.count ? Math.round(sink.state.bytes / sink.state.count) : null,
      },
      database: { ...final, deadJobsDuringRun: final.deadJobs - deadBefore, ...outcomes[0], ...mailStats[0] },
      smtpConnections: { opened: sink.state.connections, maxOpenAtOnce: sink.state.maxConnections },
      workerReadyMs: readyMs,
      idleBeforeRun: idleBefore,
      ...cpu,
    };
    log(
      `  ${finished ? 'done' : 'NOT finished'}: ${final.sent}/${due} digests delivered in ${wallMs ?? `> ${RUN_LIMIT_MS}`} ms ` +
        `(first built at ${timeline.firstBuiltMs} ms, all built at ${timeline.allBuiltMs} ms), ${sink.state.count} at the sink, ` +
        `CPU: workers ${cpu.workerCpuPercentOfOneCore.join('+')}%, their PostgreSQL backends ${cpu.postgresBackendsCpuPercentOfOneCore}%, ` +
        `harness ${cpu.harnessCpuPercentOfOneCore}%, rest of the machine ${cpu.restOfMachineCpuPercentOfOneCore}%`,
    );
    return result;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    // Off again, so no later tick (of another figure's server) picks the members up.
    await digestsDue(client, memberIds, false).catch(() => undefined);
    await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await client.end();
  }
}

/** Runs the nodemailer-only baseline in a child process; resolves its result. */
function mailBaseline(config, tag) {
  const child = fork(MAIL_BASELINE, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const untrack = track(
    `mail baseline ${tag}`,
    async () => child.kill('SIGKILL'),
    () => child.kill('SIGKILL'),
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      untrack();
      fn(value);
    };
    child.on('message', (message) => {
      if (message.type === 'result') finish(resolve, message.result);
      else if (message.type === 'error') finish(reject, new Error(`mail baseline (${tag}): ${message.message}`));
    });
    child.once('close', (code, signal) =>
      finish(reject, new Error(`mail baseline (${tag}) exited (${code ?? signal}) without a result`)),
    );
    child.send({ type: 'run', config });
  });
}

/** Pre-rendered messages for the baseline: a sample of the digests the app just stored, as they were sent. */
async function sampleMessages(databaseUrl, file) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT to_address AS "to", subject, html, text, headers, message_id AS "messageId" FROM outgoing_mail
        WHERE purpose = 'digest' ORDER BY md5(id::text) LIMIT $1`,
      [SAMPLE_MESSAGES],
    );
    writeFileSync(file, JSON.stringify(rows));
    return rows.length;
  } finally {
    await client.end();
  }
}

/** Skipped figures with the reason, so the report says so instead of leaving them out. */
const skipped = (reason) =>
  ['digest_one_worker', 'digest_two_workers'].map((name) => figure(name, 'ms', null, null, { skipped: reason }));

/**
 * Every digest figure. `workerEnv(extra)` is the worker's environment (the app's server variables cleaned, plus
 * DATABASE_URL, REDIS_URL, LOG_LEVEL and `extra`); `redisUrl` is where workers meet (the figures are skipped without it).
 */
export async function digestFigures({ databaseUrl, redisUrl, members, workerEnv, tmpDir, log }) {
  if (!redisUrl) return skipped('REDIS_URL is unset: worker processes need Redis');
  const host = new URL(redisUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    return skipped(`REDIS_URL points at ${host}; the bench only talks to 127.0.0.1`);

  log(`digests: seeding ${members} members with their activity`);
  const seed = await seedDigests(databaseUrl, { members, log });
  const settled = await settleDatabase(databaseUrl);
  log(`database settled after the digest seed in ${settled.waitedMs} ms`);
  const { loadConfig } = require(join(ROOT, 'dist/libs/core/src/config.js'));
  const { senderAddress } = require(join(ROOT, 'dist/libs/notifications/src/mail/mail-transport.js'));
  const appConfig = loadConfig(workerEnv({}));
  const concurrencyPerWorker = appConfig.jobs.concurrency;

  const sink = await startSmtpSink();
  try {
    const runs = [];
    for (const workers of [1, 2]) {
      runs.push(await digestRun({ databaseUrl, redisUrl, sink, workers, memberIds: seed.memberIds, workerEnv, log }));
      // Leave the stored digests of the last run for the baseline's sample; the next run clears them first.
      if (workers === 1) await sleep(1_000);
    }
    const file = join(tmpDir, 'digest-baseline-messages.json');
    const sampled = await sampleMessages(databaseUrl, file);
    const baselines = [];
    for (const run of runs) {
      const concurrency = concurrencyPerWorker * run.workers;
      sink.reset();
      const config = {
        smtpUrl: sink.url,
        messagesFile: file,
        count: run.due,
        concurrency,
        // The app's MailTransport pools at most 5 connections per process.
        maxConnections: 5 * run.workers,
        from: senderAddress(appConfig.publicUrl),
      };
      log(`digests: baseline, ${run.due} pre-rendered messages through nodemailer from one process, ${concurrency} in flight`);
      const base = await mailBaseline(config, `c${concurrency}`);
      const arrived = await sink.waitForCount(run.due - base.failed, 30_000);
      baselines.push({
        ...base,
        delivered: sink.state.count,
        allArrived: arrived,
        avgMessageBytes: sink.state.count ? Math.round(sink.state.bytes / sink.state.count) : null,
      });
      log(
        `  baseline: ${base.count} messages in ${base.wallMs} ms (${base.messagesPerSecond}/s), ${base.failed} failed, CPU ${base.cpuPercentOfOneCore}%`,
      );
    }

    const two = runs[1];
    const target = {
      ...DIGEST_TARGET,
      condition: `all ${two.due} digests built and delivered within ${DIGEST_TARGET.maxMs / 1000} s with ${DIGEST_TARGET.workers} workers`,
      outcome: two.finished
        ? `${(two.wallMs / 1000).toFixed(1)} s with two workers, ${(runs[0].wallMs / 1000).toFixed(1)} s with one; plain SMTP ${(baselines[1].wallMs / 1000).toFixed(1)} s`
        : `not finished within ${RUN_LIMIT_MS / 1000} s (${two.database.sent}/${two.due} delivered)`,
      wallMs: two.wallMs,
      met: two.finished && two.wallMs < DIGEST_TARGET.maxMs && two.database.sent === two.due,
    };
    const note =
      'baseline: the same number of pre-rendered messages (a sample of the digests just stored) sent by one process straight through nodemailer to the same sink, as many in flight as the workers had job slots';
    return [
      figure('digest_two_workers', 'ms', two.wallMs, baselines[1].wallMs, {
        details: { target, members: seed.scale.members, concurrencyPerWorker, run: two, baseline: baselines[1], note },
      }),
      figure('digest_one_worker', 'ms', runs[0].wallMs, baselines[0].wallMs, {
        details: { run: runs[0], baseline: baselines[0], note },
      }),
      figure('digest_seed_time', 'ms', seed.seedMs, null, {
        details: { steps: seed.steps, counts: seed.counts, scale: seed.scale, sampledMessages: sampled },
      }),
    ];
  } finally {
    await sink.close();
  }
}
