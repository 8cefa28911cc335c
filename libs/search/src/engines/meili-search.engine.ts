import type { SearchType } from '../query/search-query.parser';
import { SearchEngine, type SearchFacets, type SearchHit, type SearchRequest, type SearchResult } from '../search-engine';
import { meiliFilter } from './meili-filter';
import type { MeiliGateway } from './meili.gateway';
import { markedSnippet } from './snippet';

const START = '\uE000';
const STOP = '\uE001';

const URLS: Record<SearchType, (hit: { entityId: string; topicId: string | null; postNumber: number | null }) => string> = {
  topic: (h) => `/forum/t/${h.entityId}`,
  post: (h) => `/forum/t/${h.topicId}#post-${h.postNumber}`,
  article: (h) => `/knowledge/a/${h.entityId}`,
  collection: (h) => `/knowledge/c/${h.entityId}`,
};

/** Search through Meilisearch, with the same visibility rules as PostgreSQL, applied as a server-built filter. */
export class MeiliSearchEngine extends SearchEngine {
  readonly name = 'meilisearch' as const;

  constructor(private readonly meili: MeiliGateway) {
    super();
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const offset = request.after?.offset ?? 0;
    const response = await this.meili.search(request.text, {
      filter: meiliFilter(request),
      facets: ['type', 'articleType', 'phases', 'tags', 'spaceId'],
      limit: request.limit + 1,
      offset,
      sort: request.text ? undefined : ['createdAt:desc'],
      attributesToCrop: ['text'],
      cropLength: 30,
      attributesToHighlight: ['text'],
      highlightPreTag: START,
      highlightPostTag: STOP,
      showRankingScore: true,
    });
    const hits = response.hits.slice(0, request.limit);
    const items: SearchHit[] = hits.map((doc) => ({
      type: doc.type,
      id: doc.entityId,
      title: doc.title,
      snippet: markedSnippet(String(doc._formatted?.text ?? doc.text.slice(0, 240)), START, STOP),
      url: URLS[doc.type](doc),
      score: doc._rankingScore ?? 0,
      scope: doc.scope as SearchHit['scope'],
      spaceId: doc.spaceId,
      topicId: doc.topicId,
      postNumber: doc.postNumber,
      articleType: doc.articleType as SearchHit['articleType'],
      stage: doc.type === 'article' && doc.status === 'published' && doc.verifyDueAt !== null && doc.verifyDueAt * 1000 <= request.asOf.getTime() ? 'needs_review' : doc.type === 'post' ? null : doc.status,
      tags: doc.tags,
      phases: doc.phases,
      author: doc.author,
      createdAt: new Date(doc.createdAt * 1000).toISOString(),
    }));
    const last = items[items.length - 1];
    const distribution = response.facetDistribution ?? {};
    const facets: SearchFacets = {
      type: distribution.type ?? {},
      articleType: distribution.articleType ?? {},
      phase: distribution.phases ?? {},
      tag: distribution.tags ?? {},
      space: distribution.spaceId ?? {},
    };
    return {
      items,
      next: response.hits.length > request.limit && last ? { asOf: request.asOf, score: last.score, id: last.id, offset: offset + request.limit } : null,
      facets,
      facetWindow: null,
      engine: this.name,
    };
  }
}
