import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RetentionService } from '@app/chat';

/** Hourly is precise enough for a policy counted in days; the jobs runner will take this over. */
const EVERY_MS = 60 * 60 * 1000;

/** Applies rooms' retention policies on a timer in the server process. */
@Injectable()
export class ChatRetentionSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChatRetentionSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly retention: RetentionService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.retention.purge().catch((error) => this.logger.error({ err: error }, 'chat retention purge failed'));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
