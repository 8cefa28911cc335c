export * from './query/search-query.parser';
export * from './search-engine';
export * from './search.module';
export { SearchService, EXTERNAL_SEARCH_ENGINE, type SearchParams } from './services/search.service';
export { SearchIndexer, EXTERNAL_SEARCH_INDEX } from './services/search-indexer.service';
export { PostgresSearchEngine } from './engines/postgres-search.engine';
export { MeiliGateway, MEILI_INDEX, MEILI_SETTINGS } from './engines/meili.gateway';
export { markedSnippet } from './engines/snippet';
