import { Client } from 'pg';

/** Drops this run's per-worker databases, then stops the embedded PostgreSQL if the run started one. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.ARTC_TEST_RUN;
  if (process.env.DATABASE_URL && run) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `artc_test_${run}_w%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await globalThis.__ART_EMBEDDED_PG__?.stop();
}
