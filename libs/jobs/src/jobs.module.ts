import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { BullJobBackend } from './backends/bull-backend';
import { JobBackend } from './backends/job-backend';
import { TableJobBackend } from './backends/table-backend';
import { FailedJobsService } from './failed-jobs.service';
import { JobExecutor } from './job-executor';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { PgListener } from './pg-listener';
import { RedisConnection } from './redis.provider';
import { DeadJobRepository } from './repositories/dead-job.repository';
import { JobOutboxRepository } from './repositories/job-outbox.repository';

/** Jobs for every app: BullMQ when REDIS_URL is set, the PostgreSQL-backed in-process runner otherwise. */
@Global()
@Module({
  providers: [
    RedisConnection,
    PgListener,
    JobRegistry,
    JobExecutor,
    JobOutboxRepository,
    DeadJobRepository,
    {
      // Only the backend in use is built: the other would open connections (or lack a Redis URL) for nothing.
      provide: JobBackend,
      inject: [APP_CONFIG, JobOutboxRepository, JobExecutor, JobRegistry],
      useFactory: (config: AppConfig, outbox: JobOutboxRepository, executor: JobExecutor, registry: JobRegistry) =>
        config.redisUrl
          ? new BullJobBackend(config, outbox, executor, registry)
          : new TableJobBackend(config, outbox, executor, registry),
    },
    JobQueue,
    FailedJobsService,
  ],
  exports: [RedisConnection, PgListener, JobRegistry, JobQueue, FailedJobsService],
})
export class JobsModule {}
