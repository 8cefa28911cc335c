import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SearchIndexer } from '@app/search';

/** How often the outbox is looked at: a published article is findable through Meilisearch within about this. */
const EVERY_MS = 1_000;
/** A failing external engine is reported at most this often, not every second. */
const REPORT_EVERY_MS = 60_000;

/** Drains the search outbox in the server process (the jobs issue moves this onto a queue). */
@Injectable()
export class SearchOutboxSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchOutboxSchedule.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastReportAt = 0;
  private stopped = false;

  constructor(private readonly indexer: SearchIndexer) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.indexer
        .drainAll()
        .then(() => undefined)
        .catch((error) => {
          if (Date.now() - this.lastReportAt < REPORT_EVERY_MS) return;
          this.lastReportAt = Date.now();
          this.logger.warn({ err: error }, 'search outbox not drained; it is kept and retried');
        })
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(tick, EVERY_MS);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
