import { SqlConditions } from '@app/database';
import { ARTICLE_STAGE_SQL, visibleArticles, type ArticleStage } from '@app/knowledge';
import type { SearchStatus, SearchType } from '../query/search-query.parser';
import type { SearchRequest } from '../search-engine';

/**
 * How many of the newest matches of each kind are ranked. Ranking every match of a common word over a million posts
 * costs close to a second (three, counting the visibility rules); the newest 500 are ranked in milliseconds, and for a rare word they are all of them.
 */
export const CANDIDATES: Record<SearchType, number> = { post: 500, topic: 200, article: 200, collection: 50 };

export interface Candidate {
  type: SearchType;
  id: string;
  score: number;
  /** Posts: their topic and number (a topic's first post is found as the topic itself). */
  topicId: string | null;
  postNumber: number | null;
  spaceId: string | null;
  tags: string[];
  phases: number[];
  articleType: string | null;
}

/** Which `status:` values speak of topics (and their posts), and which of articles; `archived` of both. */
export const TOPIC_STATUSES: SearchStatus[] = ['open', 'closed', 'archived'];
export const ARTICLE_STATUSES: SearchStatus[] = ['published', 'needs_review', 'draft', 'in_review', 'archived'];

/** The kinds a request asks for: `type:` names them; `type:guide` (an article type) asks for articles. */
export function requestedTypes(request: SearchRequest): SearchType[] {
  const { types, articleTypes, statuses, tags, spaceIds } = request.filters;
  let wanted: SearchType[] = types.length || articleTypes.length ? [...types] : ['topic', 'post', 'article', 'collection'];
  if (articleTypes.length && !wanted.includes('article')) wanted.push('article');
  // A filter that means nothing for a kind leaves that kind out rather than ignoring the filter.
  if (statuses.length) {
    wanted = wanted.filter((t) =>
      t === 'article' ? statuses.some((s) => ARTICLE_STATUSES.includes(s)) : t !== 'collection' && statuses.some((s) => TOPIC_STATUSES.includes(s)),
    );
  }
  if (tags.length || spaceIds.length) wanted = wanted.filter((t) => t !== 'collection');
  return wanted;
}

/** Builds the one statement that fetches every kind's candidates, ranked, with what facets need. */
export class CandidateQuery {
  private readonly where = new SqlConditions();
  private readonly query: string | null;
  private readonly asOf: string;

  constructor(private readonly request: SearchRequest) {
    this.query = request.text ? `websearch_to_tsquery('english', ${this.where.param(request.text)})` : null;
    this.asOf = `${this.where.param(request.asOf)}::timestamptz`;
  }

  get values(): unknown[] {
    return this.where.values;
  }

  /** Relevance (when there is text) times a mild recency factor: brand new counts 1.25×, fading over about 60 days. */
  private score(vector: string, created: string): string {
    const recency = `(1 + 0.25 * exp(-extract(epoch FROM (${this.asOf} - ${created})) / 5184000))`;
    return this.query ? `ts_rank(${vector}, ${this.query}) * ${recency}` : recency;
  }

  private matches(vector: string): string {
    return this.query ? `${vector} @@ ${this.query}` : 'true';
  }

  private dates(column: string): string {
    const { after, before } = this.request.filters;
    const parts = [`${column} <= ${this.asOf}`];
    if (after) parts.push(`${column} >= ${this.where.param(after)}::timestamptz`);
    if (before) parts.push(`${column} < ${this.where.param(before)}::timestamptz`);
    return parts.join(' AND ');
  }

  /** Spaces the reader may read (and, with `school:`, of those schools): topics and posts live in them. */
  private readableSpaces(): string {
    const { readable } = this.request.visibility;
    const school = this.request.filters.schoolScopes;
    const schoolSql = school ? ` AND s.scope_key = ANY(${this.where.param(school)}::text[])` : '';
    return `ARRAY(SELECT s.id FROM space s WHERE (${this.where.param(readable.everything)}::boolean OR s.scope_key = ANY(${this.where.param(readable.keys)}::text[]))${schoolSql})`;
  }

  /** A topic a reader finds: listed, in a readable space, not waiting for approval, in the asked-for states. */
  private topicVisible(t: string): string {
    const f = this.request.filters;
    const parts = [`${t}.space_id = ANY(${this.readableSpaces()})`, `NOT ${t}.unlisted`];
    parts.push(`NOT EXISTS (SELECT 1 FROM post fp WHERE fp.topic_id = ${t}.id AND fp.post_number = 1 AND fp.status = 'pending')`);
    const states = f.statuses.filter((s) => TOPIC_STATUSES.includes(s));
    if (states.length === 0) parts.push(`NOT ${t}.archived`);
    else {
      const options = states.map((s) =>
        s === 'archived' ? `${t}.archived` : s === 'closed' ? `(NOT ${t}.archived AND ${t}.state = 'closed')` : `(NOT ${t}.archived AND ${t}.state <> 'closed')`,
      );
      parts.push(`(${options.join(' OR ')})`);
    }
    if (f.spaceIds.length) parts.push(`${t}.space_id = ANY(${this.where.param(f.spaceIds)}::uuid[])`);
    if (f.tags.length) parts.push(`${t}.tags && ${this.where.param(f.tags)}::text[]`);
    if (f.phases.length) parts.push(`${t}.phase = ANY(${this.where.param(f.phases)}::int[])`);
    return parts.join(' AND ');
  }

  private authorsNamed(table: string): string {
    const { authorIds } = this.request.filters;
    // Never matched against anonymous content: a name must not find what was said without one.
    return authorIds.length ? ` AND NOT ${table}.anonymous AND ${table}.author_id = ANY(${this.where.param(authorIds)}::uuid[])` : '';
  }

  private topics(): string {
    return `(SELECT 'topic' AS type, t.id, ${this.score('t.search_vector', 't.created_at')} AS score, NULL::uuid AS "topicId", NULL::int AS "postNumber", t.space_id AS "spaceId", t.tags,
        CASE WHEN t.phase IS NULL THEN '{}'::int[] ELSE ARRAY[t.phase::int] END AS phases, NULL::text AS "articleType"
      FROM topic t
      WHERE ${this.matches('t.search_vector')} AND ${this.dates('t.created_at')} AND ${this.topicVisible('t')}${this.authorsNamed('t')}
      ORDER BY t.created_at DESC LIMIT ${CANDIDATES.topic})`;
  }

  private posts(): string {
    return `(SELECT 'post' AS type, p.id, ${this.score('p.search_vector', 'p.created_at')} AS score, p.topic_id AS "topicId", p.post_number AS "postNumber", t.space_id AS "spaceId", t.tags,
        CASE WHEN t.phase IS NULL THEN '{}'::int[] ELSE ARRAY[t.phase::int] END AS phases, NULL::text AS "articleType"
      FROM post p JOIN topic t ON t.id = p.topic_id
      WHERE ${this.matches('p.search_vector')} AND p.status = 'visible' AND ${this.dates('p.created_at')} AND ${this.topicVisible('t')}${this.authorsNamed('p')}
      ORDER BY p.created_at DESC LIMIT ${CANDIDATES.post})`;
  }

  private articles(): string {
    const f = this.request.filters;
    const { visibility } = this.request;
    const inner = new SqlConditions();
    // The knowledge base's own visibility rule, so search can never show an article its page would not.
    visibleArticles({ userId: visibility.userId, readable: visibility.readable, curated: visibility.curated }, inner);
    const visible = this.rebase(inner);
    const stages = f.statuses.filter((s) => ARTICLE_STATUSES.includes(s)) as ArticleStage[];
    const wanted: ArticleStage[] = stages.length ? stages : ['published', 'needs_review'];
    const parts = [visible, `(${wanted.map((s) => ARTICLE_STAGE_SQL[s]).join(' OR ')})`, this.dates('COALESCE(a.published_at, a.created_at)')];
    if (f.articleTypes.length) parts.push(`a.type = ANY(${this.where.param(f.articleTypes)}::text[])`);
    if (f.tags.length) parts.push(`a.tags && ${this.where.param(f.tags)}::text[]`);
    if (f.phases.length) parts.push(`a.phases && ${this.where.param(f.phases)}::smallint[]`);
    if (f.spaceIds.length) parts.push(`a.space_id = ANY(${this.where.param(f.spaceIds)}::uuid[])`);
    if (f.schoolScopes) parts.push(`a.scope_key = ANY(${this.where.param(f.schoolScopes)}::text[])`);
    if (f.authorIds.length) {
      const ids = this.where.param(f.authorIds);
      parts.push(`(a.owner_id = ANY(${ids}::uuid[]) OR EXISTS (SELECT 1 FROM kb_article_coauthor c WHERE c.article_id = a.id AND c.user_id = ANY(${ids}::uuid[])))`);
    }
    return `(SELECT 'article' AS type, a.id, ${this.score('a.search_vector', 'a.created_at')} AS score, NULL::uuid AS "topicId", NULL::int AS "postNumber", a.space_id AS "spaceId", a.tags,
        a.phases::int[] AS phases, a.type AS "articleType"
      FROM kb_article a
      WHERE ${this.matches('a.search_vector')} AND ${parts.join(' AND ')}
      ORDER BY a.updated_at DESC LIMIT ${CANDIDATES.article})`;
  }

  private collections(): string {
    const f = this.request.filters;
    const { readable } = this.request.visibility;
    const parts = [`(${this.where.param(readable.everything)}::boolean OR c.scope_key = ANY(${this.where.param(readable.keys)}::text[]))`, this.dates('c.created_at')];
    if (f.phases.length) parts.push(`c.phase = ANY(${this.where.param(f.phases)}::int[])`);
    if (f.schoolScopes) parts.push(`c.scope_key = ANY(${this.where.param(f.schoolScopes)}::text[])`);
    if (f.authorIds.length) parts.push(`c.owner_id = ANY(${this.where.param(f.authorIds)}::uuid[])`);
    return `(SELECT 'collection' AS type, c.id, ${this.score('c.search_vector', 'c.created_at')} AS score, NULL::uuid AS "topicId", NULL::int AS "postNumber", NULL::uuid AS "spaceId", '{}'::text[] AS tags,
        CASE WHEN c.phase IS NULL THEN '{}'::int[] ELSE ARRAY[c.phase::int] END AS phases, NULL::text AS "articleType"
      FROM kb_collection c
      WHERE ${this.matches('c.search_vector')} AND ${parts.join(' AND ')}
      ORDER BY c.updated_at DESC LIMIT ${CANDIDATES.collection})`;
  }

  /** Moves another builder's parameters into this statement's numbering. */
  private rebase(other: SqlConditions): string {
    return other.sql.replace(/\$(\d+)/g, (_, n: string) => this.where.param(other.values[Number(n) - 1]));
  }

  sql(types: SearchType[]): string {
    // A topic's first post is the topic: when topics are asked for, first posts are fetched to be folded into them.
    if (types.includes('topic') && !types.includes('post')) types = [...types, 'post'];
    const parts = types.map((type) => ({ topic: () => this.topics(), post: () => this.posts(), article: () => this.articles(), collection: () => this.collections() })[type]());
    return parts.join('\nUNION ALL\n');
  }
}
