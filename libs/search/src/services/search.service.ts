import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { badRequest, Clock, ErrorCode } from '@app/core';
import { AccessPolicy, scopeIncludes, type Actor, type ScopeKey } from '@app/identity';
import { KnowledgePolicy } from '@app/knowledge';
import { PostgresSearchEngine } from '../engines/postgres-search.engine';
import { mergeFilters, parseSearchQuery, type ParsedSearchQuery } from '../query/search-query.parser';
import { SearchLookupRepository } from '../repositories/search-lookup.repository';
import { SearchEngine, type SearchFilters, type SearchRequest, type SearchResult } from '../search-engine';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';

/** An external engine (Meilisearch) when one is configured; PostgreSQL answers when it is absent or fails. */
export const EXTERNAL_SEARCH_ENGINE = Symbol('EXTERNAL_SEARCH_ENGINE');

/** Filters given as query-string parameters, beside (and merged with) the ones typed into `q`. */
export interface SearchParams {
  q?: string;
  type?: string[];
  tag?: string[];
  phase?: string[];
  space?: string[];
  school?: string[];
  author?: string[];
  status?: string[];
  after?: string;
  before?: string;
  cursor?: string;
  limit?: number;
}

const EXPLICIT = ['type', 'tag', 'phase', 'space', 'school', 'author', 'status'] as const;

/**
 * One search across topics, posts, articles and collections. The caller's visibility comes from the access
 * policy, here, on the server; what a client sends can only narrow it.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    private readonly postgres: PostgresSearchEngine,
    private readonly lookups: SearchLookupRepository,
    private readonly clock: Clock,
    @Optional() @Inject(EXTERNAL_SEARCH_ENGINE) private readonly external: SearchEngine | null,
  ) {}

  async search(actor: Actor, params: SearchParams) {
    const readable = AccessPolicy.readableScopes(actor);
    const parsed = this.parse(params);
    const filters = await this.resolve(parsed, (scope) => scopeIncludes(readable, scope));
    const after = decodeSearchCursor(params.cursor);
    const empty = { items: [], nextCursor: null, facets: { type: {}, articleType: {}, phase: {}, tag: {}, space: {} }, facetWindow: null, engine: 'postgres' };
    if (!filters) return { ...empty, query: this.echo(parsed) };
    const request: SearchRequest = {
      text: parsed.text,
      filters,
      visibility: { userId: actor.userId, readable, curated: KnowledgePolicy.curatedScopes(actor) },
      asOf: after?.asOf ?? this.clock.now(),
      after,
      limit: params.limit ?? 20,
    };
    const result = await this.run(request);
    return {
      items: result.items,
      nextCursor: result.next ? encodeSearchCursor(result.next) : null,
      facets: result.facets,
      facetWindow: result.facetWindow,
      engine: result.engine,
      query: this.echo(parsed),
    };
  }

  private async run(request: SearchRequest): Promise<SearchResult> {
    if (this.external) {
      try {
        return await this.external.search(request);
      } catch (error) {
        // Search keeps working while the external engine is down; its index catches up from the outbox later.
        this.logger.warn({ err: error }, 'external search engine failed; PostgreSQL answers');
      }
    }
    return this.postgres.search(request);
  }

  /** `q` with its inline filters, and the query-string filters, checked by the same rules and merged. */
  private parse(params: SearchParams): ParsedSearchQuery {
    const inline = parseSearchQuery(params.q ?? '');
    const tokens = EXPLICIT.flatMap((name) => (params[name]?.length ? [`${name}:${params[name]!.join(',')}`] : []));
    if (params.after) tokens.push(`after:${params.after}`);
    if (params.before) tokens.push(`before:${params.before}`);
    if (tokens.length === 0) return inline;
    const explicit = parseSearchQuery(tokens.join(' '));
    if (explicit.text) throw badRequest(ErrorCode.ValidationFailed, 'A filter value is not valid', [{ field: 'q', message: `unexpected "${explicit.text.slice(0, 40)}"` }]);
    const { text: _text, ...rest } = explicit;
    return mergeFilters(inline, rest);
  }

  /**
   * Names to ids. A space the reader cannot read is treated as one that does not exist; when nothing named resolves,
   * the answer is empty (null) rather than unfiltered.
   */
  private async resolve(parsed: ParsedSearchQuery, canRead: (scope: ScopeKey) => boolean): Promise<SearchFilters | null> {
    const [spaces, schoolScopes, authorIds] = await Promise.all([
      this.lookups.spaceIdsBySlug(parsed.spaces),
      this.lookups.schoolScopesBySlug(parsed.schools),
      this.lookups.userIdsByHandle(parsed.authors),
    ]);
    const spaceIds = spaces.filter((s) => canRead(s.scopeKey)).map((s) => s.id);
    if (parsed.spaces.length && spaceIds.length === 0) return null;
    if (parsed.schools.length && schoolScopes.length === 0) return null;
    if (parsed.authors.length && authorIds.length === 0) return null;
    return {
      types: parsed.types,
      articleTypes: parsed.articleTypes,
      tags: parsed.tags,
      phases: parsed.phases,
      spaceIds,
      schoolScopes: parsed.schools.length ? schoolScopes : null,
      authorIds,
      statuses: parsed.statuses,
      after: parsed.after,
      before: parsed.before,
    };
  }

  /** What the server understood, so a client can show the filters as chips. */
  private echo(parsed: ParsedSearchQuery) {
    return {
      text: parsed.text,
      types: parsed.types,
      articleTypes: parsed.articleTypes,
      tags: parsed.tags,
      phases: parsed.phases,
      spaces: parsed.spaces,
      schools: parsed.schools,
      authors: parsed.authors,
      statuses: parsed.statuses,
      after: parsed.after?.toISOString() ?? null,
      before: parsed.before?.toISOString() ?? null,
    };
  }
}
