import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, createRootLogger, loadConfig, type AppConfig } from '@app/core';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';
import { FirstRunService, type FirstRunResult } from '@app/identity';
import { DemoContent } from './demo/demo-content';
import { createApp } from './create-app';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function printWelcome(config: AppConfig, result: FirstRunResult): void {
  const lines = [``, `ART Commons is running at ${config.publicUrl}`];
  if (result.seeded === 'demo' || result.seeded === 'admin') {
    lines.push(`Sign in as the consortium admin: ${result.adminEmail}`);
    if (result.generatedPassword) {
      lines.push(`Password (generated now, shown only this once): ${result.generatedPassword}`);
    } else {
      lines.push('Password: the one in ADMIN_PASSWORD');
    }
    if (result.seeded === 'demo') {
      lines.push(
        'Demo people share that password, e.g. facilitator@, lead.riverside@, faculty.riverside@, student.riverside@',
        '(all @demo.art-commons.test). Set DEMO=false with ADMIN_EMAIL/ADMIN_PASSWORD for a clean start.',
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = readConfig();
  const logger = createRootLogger(config);
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    logger.info({ dir: join(config.dataDir, 'postgres') }, 'DATABASE_URL unset: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), logger);
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const app = await createApp({ config, databaseUrl, logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing'));
    await embedded?.stop().catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  // Signals are handled here, not by Nest's shutdown hooks: Nest would re-raise the signal once the app is closed,
  // killing the process before the embedded PostgreSQL has stopped. app.close() runs the same hooks (running jobs
  // finish within their grace period, then the database closes).
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const result = await app.get(FirstRunService).run();
  if (result.seeded === 'demo') await app.get(DemoContent).seed();
  logger.info({ readyInMs: Math.round(performance.now() - startedAt), port: config.port }, 'ready');
  printWelcome(config, result);
}

main().catch((error) => {
  process.stderr.write(`ART Commons failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
