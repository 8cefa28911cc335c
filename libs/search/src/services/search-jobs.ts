import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobName, JobRegistry } from '@app/jobs';
import { SearchIndexer } from './search-indexer.service';

/** A published article is findable through Meilisearch within about this; without Meilisearch the outbox is just emptied. */
const DRAIN_EVERY_MS = 1_000;

/** The search outbox drain, run by whichever process runs jobs. */
@Injectable()
export class SearchJobs implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly indexer: SearchIndexer,
  ) {}

  onModuleInit(): void {
    // A failing engine leaves the rows in the outbox (with their attempts); the next round tries them again.
    this.registry.handle(JobName.SearchDrain, () => this.indexer.drainAll());
    this.registry.repeat(JobName.SearchDrain, DRAIN_EVERY_MS);
  }
}
