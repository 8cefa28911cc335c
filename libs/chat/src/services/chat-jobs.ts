import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobName, JobRegistry } from '@app/jobs';
import { RetentionService } from './retention.service';

/** Hourly is precise enough for a retention policy counted in days. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class ChatJobs implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.ChatRetention, () => this.retention.purge());
    this.registry.repeat(JobName.ChatRetention, RETENTION_EVERY_MS);
  }
}
