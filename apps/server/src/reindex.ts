import 'reflect-metadata';
import { join } from 'node:path';
import { createRootLogger, loadConfig } from '@app/core';
import { startEmbeddedPostgres } from '@app/database';
import { SearchIndexer } from '@app/search';
import { createApp } from './create-app';

/**
 * `npm run reindex`: rebuilds the external search index (Meilisearch, MEILI_URL) from the database. PostgreSQL
 * search reads the tables themselves and needs no rebuilding; without MEILI_URL this says so and stops.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createRootLogger(config);
  if (!config.meiliUrl) {
    process.stdout.write('MEILI_URL is not set: search runs on PostgreSQL full text, which reads the tables directly; nothing to rebuild.\n');
    return;
  }
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(join(config.dataDir, 'postgres'), logger);
  const app = await createApp({ config, databaseUrl: config.databaseUrl ?? embedded!.url, logger });
  try {
    const indexer = app.get(SearchIndexer);
    const started = performance.now();
    const counts = await indexer.rebuild();
    // Whatever changed while rebuilding is in the outbox; take it too.
    await indexer.drainAll();
    process.stdout.write(`Rebuilt the Meilisearch index in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}\n`);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`reindex failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
