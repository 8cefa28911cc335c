import { Client } from 'pg';
import { createDataSource, runMigrations } from '@app/database';
import { IDENTITY_ENTITIES } from '@app/identity';

let prepared: Promise<string> | undefined;

/** Each Jest worker gets its own database (created and migrated once), so files in parallel never collide. */
export function testDatabaseUrl(): Promise<string> {
  prepared ??= (async () => {
    const base = new URL(process.env.DATABASE_URL!);
    const name = `artc_test_${process.env.ARTC_TEST_RUN ?? process.pid}_w${process.env.JEST_WORKER_ID ?? '1'}`;
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    base.pathname = `/${name}`;
    const url = base.toString();
    const dataSource = createDataSource(url, IDENTITY_ENTITIES, 2);
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    return url;
  })();
  return prepared;
}

/** Empties every table but the migration log: each test file starts from a blank database. */
export async function resetDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'",
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
