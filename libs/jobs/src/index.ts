export * from './redis.provider';
export * from './jobs.module';
export * from './job-names';
export { JobRegistry, type JobHandler } from './job-registry';
export { JobQueue, type EnqueueOptions } from './job-queue';
export { FailedJobsService, type FailedJobView } from './failed-jobs.service';
export { PgListener } from './pg-listener';
