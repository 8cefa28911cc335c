export * from './query/search-query.parser';
