import type { Author } from '../../lib/forum-types';

export type HitType = 'topic' | 'post' | 'article' | 'collection';

export interface SearchHit {
  type: HitType;
  id: string;
  title: string;
  /** Escaped text with matches in <mark>, from the server. */
  snippet: string;
  url: string;
  score: number;
  scope: string;
  spaceId: string | null;
  topicId: string | null;
  postNumber: number | null;
  articleType: string | null;
  stage: string | null;
  tags: string[];
  phases: number[];
  author: Author | null;
  createdAt: string;
}

export interface SearchFacets {
  type: Record<string, number>;
  articleType: Record<string, number>;
  phase: Record<string, number>;
  tag: Record<string, number>;
  space: Record<string, number>;
}

export interface UnderstoodQuery {
  text: string;
  types: string[];
  articleTypes: string[];
  tags: string[];
  phases: number[];
  spaces: string[];
  schools: string[];
  authors: string[];
  statuses: string[];
  after: string | null;
  before: string | null;
}

export interface SearchAnswer {
  items: SearchHit[];
  nextCursor: string | null;
  facets: SearchFacets;
  facetWindow: number | null;
  engine: string;
  query: UnderstoodQuery;
}
