// The program issue's figures: 30 schools, 3,000 members and a year of weekly measurements, then a school lead's
// change dashboard and the consortium view through the app beside the bare baseline running the app's own statements
// (bench/baseline/fastify-pg-server.mjs), in alternating rounds at 20 connections.
import pg from 'pg';
import { settleDatabase } from './database.mjs';
import { figure } from './report.mjs';
import { seedProgram } from './program-seed.mjs';

export const PROGRAM_SCALE = { schools: 30, membersPerSchool: 100 };
/** The target for both views. */
export const PROGRAM_TARGET = { maxP99Ms: 100 };

const ms = (n) => `${Math.round(n)} ms`;

async function seed(databaseUrl, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    const seeded = await seedProgram(client, { ...PROGRAM_SCALE, log });
    const counts = (
      await client.query(`SELECT (SELECT count(*)::int FROM change_measurement) AS measurements, (SELECT count(*)::int FROM change_indicator) AS indicators,
        (SELECT count(*)::int FROM change_target) AS targets, (SELECT count(*)::int FROM app_user) AS people`)
    ).rows[0];
    return { ...seeded, counts, seedMs: performance.now() - started };
  } finally {
    await client.end();
  }
}

/**
 * `loadRounds(servers, cookie, path, options)` and `probe(server, cookie, path, check)` are the harness's own (bench/run.mjs),
 * so these figures are taken exactly like the forum's.
 */
export async function programFigures({ databaseUrl, startApp, startBaseline, loadRounds, probe, log }) {
  log(`program: seeding ${PROGRAM_SCALE.schools} schools, ${PROGRAM_SCALE.schools * PROGRAM_SCALE.membersPerSchool} members, a year of weekly measurements`);
  const seeded = await seed(databaseUrl, log);
  log(`program: seeded in ${ms(seeded.seedMs)} (${JSON.stringify(seeded.counts)})`);
  const settled = await settleDatabase(databaseUrl);
  log(`database settled after the program seed in ${ms(settled.waitedMs)}`);

  // A lead of a school that is not named to peers: the consortium view names only opted-in schools and its own.
  const lead = seeded.leads[4];
  const cookie = `artc_session=${lead.token}`;
  const dashboardPath = `/api/v1/program/schools/${lead.schoolId}/dashboard`;
  const consortiumPath = '/api/v1/program/consortium/progress';
  const app = await startApp();
  const baseline = await startBaseline();
  try {
    const hasTargets = (body) => (body.targets?.length === 5 ? null : `expected 5 targets, got ${body.targets?.length}`);
    const allSchools = (body) => (body.schools?.length >= PROGRAM_SCALE.schools ? null : `expected every school, got ${body.schools?.length}`);
    await probe(app, cookie, dashboardPath, hasTargets);
    await probe(app, cookie, consortiumPath, allSchools);
    await probe(baseline, cookie, dashboardPath);
    await probe(baseline, cookie, consortiumPath);
    const [appDash, baseDash] = await loadRounds([app, baseline], cookie, dashboardPath, { databaseUrl });
    const [appView, baseView] = await loadRounds([app, baseline], cookie, consortiumPath, { databaseUrl });
    const target = (load) => ({
      ...PROGRAM_TARGET,
      condition: `p99 < ${PROGRAM_TARGET.maxP99Ms} ms at 20 connections`,
      outcome: `p99 ${load.latencyP99Ms} ms`,
      p99Ms: load.latencyP99Ms,
      met: load.latencyP99Ms < PROGRAM_TARGET.maxP99Ms,
    });
    const details = (path, a, b) => ({ path, connections: 20, statistic: 'median of rounds', target: target(a), app: a.rounds, baseline: b.rounds });
    log(`program: dashboard p99 ${ms(appDash.latencyP99Ms)} (baseline ${ms(baseDash.latencyP99Ms)}), consortium view p99 ${ms(appView.latencyP99Ms)} (baseline ${ms(baseView.latencyP99Ms)})`);
    return [
      figure('program_seed_time', 'ms', seeded.seedMs, null, { details: { scale: PROGRAM_SCALE, counts: seeded.counts } }),
      figure('program_dashboard_requests_per_second', 'req/s', appDash.requestsPerSecond, baseDash.requestsPerSecond, {
        details: details('/api/v1/program/schools/<school>/dashboard', appDash, baseDash),
      }),
      figure('program_dashboard_latency_p50', 'ms', appDash.latencyP50Ms, baseDash.latencyP50Ms),
      figure('program_dashboard_latency_p99', 'ms', appDash.latencyP99Ms, baseDash.latencyP99Ms),
      figure('program_consortium_requests_per_second', 'req/s', appView.requestsPerSecond, baseView.requestsPerSecond, {
        details: details(consortiumPath, appView, baseView),
      }),
      figure('program_consortium_latency_p50', 'ms', appView.latencyP50Ms, baseView.latencyP50Ms),
      figure('program_consortium_latency_p99', 'ms', appView.latencyP99Ms, baseView.latencyP99Ms),
    ];
  } finally {
    await Promise.all([app.stop(), baseline.stop()]);
  }
}
