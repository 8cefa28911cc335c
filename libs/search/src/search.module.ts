import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { MeiliGateway } from './engines/meili.gateway';
import { MeiliSearchEngine } from './engines/meili-search.engine';
import { PostgresSearchEngine } from './engines/postgres-search.engine';
import { SearchDocumentRepository } from './repositories/search-document.repository';
import { SearchLookupRepository } from './repositories/search-lookup.repository';
import { SearchOutboxRepository } from './repositories/search-outbox.repository';
import { EXTERNAL_SEARCH_INDEX, SearchIndexer } from './services/search-indexer.service';
import { EXTERNAL_SEARCH_ENGINE, SearchService } from './services/search.service';
import { SearchJobs } from './services/search-jobs';

@Module({
  providers: [
    PostgresSearchEngine,
    SearchLookupRepository,
    SearchDocumentRepository,
    SearchOutboxRepository,
    SearchService,
    SearchIndexer,
    SearchJobs,
    // Meilisearch when MEILI_URL is set; otherwise PostgreSQL alone.
    {
      provide: EXTERNAL_SEARCH_INDEX,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.meiliUrl ? new MeiliGateway(config.meiliUrl, config.meiliKey) : null),
    },
    {
      provide: EXTERNAL_SEARCH_ENGINE,
      inject: [EXTERNAL_SEARCH_INDEX],
      useFactory: (gateway: MeiliGateway | null) => (gateway ? new MeiliSearchEngine(gateway) : null),
    },
  ],
  exports: [SearchService, SearchIndexer, PostgresSearchEngine],
})
export class SearchModule {}
