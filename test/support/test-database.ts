import { Client } from 'pg';
import { createDataSource, PROGRAM_PHASES, runMigrations } from '@app/database';
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

/**
 * Empties every table but the migration log, and puts the program's six phases (reference data the migration
 * seeds) back as the migration wrote them: each test file starts from a freshly migrated database.
 */
export async function resetDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'",
    );
    const emptied = rows.filter((r) => r.tablename !== 'program_phase');
    if (emptied.length) await client.query(`TRUNCATE ${emptied.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    for (const [number, title, description, goals] of PROGRAM_PHASES) {
      await client.query(
        `INSERT INTO program_phase (number, title, description, goals) VALUES ($1, $2, $3, $4)
         ON CONFLICT (number) DO UPDATE SET title = $2, description = $3, goals = $4, updated_at = now()`,
        [number, title, description, goals],
      );
    }
  } finally {
    await client.end();
  }
}
