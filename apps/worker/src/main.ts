import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createRootLogger, loadConfig, PinoNestLogger } from '@app/core';
import { RedisConnection } from '@app/jobs';
import { WorkerModule } from './worker.module';

/**
 * The worker consumes BullMQ queues, so it needs shared PostgreSQL and Redis. Without REDIS_URL the
 * server runs the same processors in-process and no worker is needed.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.redisUrl || !config.databaseUrl) {
    process.stderr.write('The worker needs DATABASE_URL and REDIS_URL; without Redis the server runs jobs in-process.\n');
    process.exit(1);
  }
  const logger = createRootLogger(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...config, jobs: { ...config.jobs, runInProcess: true } }, config.databaseUrl), {
    logger: new PinoNestLogger(logger),
  });
  // SIGTERM (a deploy, a scale-down): take no new jobs, let running ones finish within JOB_SHUTDOWN_GRACE_MS, exit 0.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    app
      .close()
      .catch((error) => logger.error({ err: error }, 'error while closing'))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  if (!(await app.get(RedisConnection).ping(5000))) throw new Error('Redis does not answer at REDIS_URL');
  logger.info('worker ready');
}

main().catch((error) => {
  process.stderr.write(`ART Commons worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
