export * from './query/search-query.parser';
export * from './search-engine';
export * from './search.module';
export { SearchService, EXTERNAL_SEARCH_ENGINE, type SearchParams } from './services/search.service';
export { PostgresSearchEngine } from './engines/postgres-search.engine';
export { markedSnippet } from './engines/snippet';
