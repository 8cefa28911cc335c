import type { ScopeKey, ScopeSet } from '@app/identity';
import type { AuthorView } from '@app/forum';
import type { ArticleType, SearchStatus, SearchType } from './query/search-query.parser';

/** Who is searching, as the access policy sees them: every engine filters by this, never by what a client sends. */
export interface SearchVisibility {
  userId: string;
  readable: ScopeSet;
  /** Where the person curates the knowledge base: drafts there are theirs to find too. */
  curated: ScopeSet;
}

/** Filters after slugs and handles were resolved to ids. Empty lists mean "any". */
export interface SearchFilters {
  types: SearchType[];
  articleTypes: ArticleType[];
  tags: string[];
  phases: number[];
  spaceIds: string[];
  /** The scope keys of the schools asked for (the school, its cohorts and groups). */
  schoolScopes: ScopeKey[] | null;
  /** People asked for by name: never matched against anonymous content. */
  authorIds: string[];
  statuses: SearchStatus[];
  after: Date | null;
  before: Date | null;
}

/** Where a page ends: the score and id of its last hit, and the moment the search started (so pages stay stable). */
export interface SearchPosition {
  asOf: Date;
  score: number;
  id: string;
  /** Engines that page by position (Meilisearch) say where the next page starts. */
  offset?: number;
}

export interface SearchRequest {
  /** Free text for the engine (websearch syntax: quotes, or, -word); '' lists by recency with the filters alone. */
  text: string;
  filters: SearchFilters;
  visibility: SearchVisibility;
  asOf: Date;
  after: SearchPosition | null;
  limit: number;
}

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  /** Safe HTML: escaped text with the matched words in <mark>. */
  snippet: string;
  url: string;
  score: number;
  scope: ScopeKey;
  spaceId: string | null;
  topicId: string | null;
  postNumber: number | null;
  articleType: ArticleType | null;
  stage: string | null;
  tags: string[];
  phases: number[];
  author: AuthorView | null;
  createdAt: string;
}

export type FacetCounts = Record<string, number>;

export interface SearchFacets {
  type: FacetCounts;
  articleType: FacetCounts;
  phase: FacetCounts;
  tag: FacetCounts;
  space: FacetCounts;
}

export interface SearchResult {
  items: SearchHit[];
  next: SearchPosition | null;
  facets: SearchFacets;
  /** Facet counts cover at most this many best candidates per kind (PostgreSQL); null when they are exact. */
  facetWindow: number | null;
  engine: 'postgres' | 'meilisearch';
}

/** One way of answering a search. PostgreSQL always can; an external engine may be down, and then PostgreSQL answers. */
export abstract class SearchEngine {
  abstract readonly name: SearchResult['engine'];
  abstract search(request: SearchRequest): Promise<SearchResult>;
}
