import { Module } from '@nestjs/common';
import { PostgresSearchEngine } from './engines/postgres-search.engine';
import { SearchLookupRepository } from './repositories/search-lookup.repository';
import { EXTERNAL_SEARCH_ENGINE, SearchService } from './services/search.service';

@Module({
  providers: [
    PostgresSearchEngine,
    SearchLookupRepository,
    SearchService,
    // Meilisearch joins here when MEILI_URL is set.
    { provide: EXTERNAL_SEARCH_ENGINE, useValue: null },
  ],
  exports: [SearchService, PostgresSearchEngine],
})
export class SearchModule {}
