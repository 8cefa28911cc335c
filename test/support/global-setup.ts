import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/database/src/embedded-postgres';

declare global {
  // eslint-disable-next-line no-var
  var __ART_EMBEDDED_PG__: EmbeddedDatabase | undefined;
}

/**
 * With DATABASE_URL set (CI: the machine's PostgreSQL) tests use it; otherwise a real embedded PostgreSQL
 * is started for this run in a fresh folder, and its URL is handed to the test workers.
 */
export default async function globalSetup(): Promise<void> {
  // Names this run's per-worker databases, so parallel runs on one server never share one and each run
  // starts from an empty schema built by the current migrations.
  process.env.ARTC_TEST_RUN = `${process.pid}`;
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'artc-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir, undefined, 'art_commons_test');
    globalThis.__ART_EMBEDDED_PG__ = embedded;
    process.env.DATABASE_URL = embedded.url;
    process.stdout.write(`\nDATABASE_URL is unset: tests use an embedded PostgreSQL in ${dir}\n`);
  }
  if (!process.env.REDIS_URL) {
    process.stdout.write('REDIS_URL is unset: tests that need Redis are skipped (CI sets it, so there they run)\n');
  }
  if (!process.env.MEILI_URL) {
    process.stdout.write('MEILI_URL is unset: the Meilisearch run of the search contract is skipped (no Meilisearch server here)\n');
  }
}
