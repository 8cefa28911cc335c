import { Injectable } from '@nestjs/common';
import { presentAuthor } from '@app/forum';
import type { ScopeKey } from '@app/identity';
import { ARTICLE_DUE } from '@app/knowledge';
import { DataSource } from 'typeorm';
import type { SearchType } from '../query/search-query.parser';
import { SearchEngine, type SearchFacets, type SearchHit, type SearchRequest, type SearchResult } from '../search-engine';
import { CANDIDATES, CandidateQuery, requestedTypes, type Candidate } from './postgres-candidates';
import { markedSnippet, MARK_OPTIONS } from './snippet';

interface DetailRow {
  id: string;
  title: string;
  headline: string;
  scope: ScopeKey;
  spaceId: string | null;
  topicId: string | null;
  postNumber: number | null;
  articleType: string | null;
  stage: string | null;
  tags: string[];
  phases: number[];
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  pseudonymNumber: number | null;
  createdAt: Date;
}

const emptyFacets = (): SearchFacets => ({ type: {}, articleType: {}, phase: {}, tag: {}, space: {} });

/**
 * The default engine: PostgreSQL full text over the tables themselves, so nothing needs indexing and a change is
 * found as soon as it commits. Each kind contributes its newest matches (CANDIDATES), ranked together; facets
 * count those candidates; a page is cut from them by (score, id).
 */
@Injectable()
export class PostgresSearchEngine extends SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const types = requestedTypes(request);
    // Only stop words make an empty query, which matches nothing: such a search finds nothing rather than everything.
    if (types.length === 0) {
      return { items: [], next: null, facets: emptyFacets(), facetWindow: null, engine: this.name };
    }
    const query = new CandidateQuery(request);
    const candidates = foldFirstPosts(await this.dataSource.query(query.sql(types), query.values), types);
    candidates.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const after = request.after;
    const remaining = after ? candidates.filter((c) => c.score < after.score || (c.score === after.score && c.id < after.id)) : candidates;
    const page = remaining.slice(0, request.limit);
    const items = await this.details(page, request.text);
    const last = page[page.length - 1];
    return {
      items,
      next: remaining.length > request.limit && last ? { asOf: request.asOf, score: last.score, id: last.id } : null,
      facets: facetsOf(candidates),
      facetWindow: Math.max(...types.map((t) => CANDIDATES[t])),
      engine: this.name,
    };
  }

  private async details(page: Candidate[], text: string): Promise<SearchHit[]> {
    const byType = new Map<SearchType, string[]>();
    for (const hit of page) byType.set(hit.type, [...(byType.get(hit.type) ?? []), hit.id]);
    const rows = new Map<string, DetailRow>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        for (const row of await this.dataSource.query(DETAILS[type], [ids, text])) rows.set(`${type}:${row.id}`, row);
      }),
    );
    return page.flatMap((hit) => {
      const row = rows.get(`${hit.type}:${hit.id}`);
      return row ? [toHit(hit, row)] : [];
    });
  }
}

/**
 * A topic's first post is the topic (as in Discourse): when topics are asked for, a first post that matches counts as
 * its topic, with the better of the two scores, instead of appearing twice. Posts only asked for alongside stay out.
 */
function foldFirstPosts(rows: Candidate[], types: SearchType[]): Candidate[] {
  if (!types.includes('topic')) return rows;
  const byTopic = new Map<string, Candidate>();
  const rest: Candidate[] = [];
  for (const row of rows) {
    const asTopic = row.type === 'post' && row.postNumber === 1 ? { ...row, type: 'topic' as const, id: row.topicId!, topicId: null, postNumber: null } : row;
    if (asTopic.type !== 'topic') {
      if (asTopic.type !== 'post' || types.includes('post')) rest.push(asTopic);
      continue;
    }
    const known = byTopic.get(asTopic.id);
    if (!known || known.score < asTopic.score) byTopic.set(asTopic.id, asTopic);
  }
  return [...byTopic.values(), ...rest];
}

function facetsOf(candidates: Candidate[]): SearchFacets {
  const facets = emptyFacets();
  const count = (facet: Record<string, number>, key: string | null) => {
    if (key !== null) facet[key] = (facet[key] ?? 0) + 1;
  };
  for (const c of candidates) {
    count(facets.type, c.type);
    count(facets.articleType, c.articleType);
    count(facets.space, c.spaceId);
    for (const tag of c.tags) count(facets.tag, tag);
    for (const phase of c.phases) count(facets.phase, String(phase));
  }
  return facets;
}

function toHit(hit: Candidate, row: DetailRow): SearchHit {
  const author =
    row.authorId === null
      ? null
      : presentAuthor({ id: row.authorId, displayName: row.authorName ?? 'Former member' }, { anonymous: row.anonymous, pseudonymNumber: row.pseudonymNumber });
  const url = {
    topic: `/forum/t/${row.id}`,
    post: `/forum/t/${row.topicId}#post-${row.postNumber}`,
    article: `/knowledge/a/${row.id}`,
    collection: `/knowledge/c/${row.id}`,
  }[hit.type];
  return {
    type: hit.type,
    id: row.id,
    title: row.title,
    snippet: markedSnippet(row.headline),
    url,
    score: hit.score,
    scope: row.scope,
    spaceId: row.spaceId,
    topicId: row.topicId,
    postNumber: row.postNumber,
    articleType: (row.articleType as SearchHit['articleType']) ?? null,
    stage: row.stage,
    tags: row.tags,
    phases: row.phases,
    author,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

// $1: the ids of one kind on the page, $2: the search text (for the highlighted snippet; '' gives the opening words).
const HEADLINE = (text: string) =>
  `CASE WHEN $2 = '' THEN left(${text}, 240) ELSE ts_headline('english', ${text}, websearch_to_tsquery('english', $2), '${MARK_OPTIONS}') END`;
// Markdown punctuation and the snippet's own markers are taken out of the text a snippet is cut from.
const PLAIN = (column: string) => `regexp_replace(${column}, '[*_\`#>\\[\\]\\uE000\\uE001]+', '', 'g')`;

const DETAILS: Record<SearchType, string> = {
  topic: `SELECT t.id, t.title, ${HEADLINE(PLAIN(`t.title || E'\\n' || CASE WHEN fp.status = 'visible' THEN fp.source ELSE '' END`))} AS headline, s.scope_key AS scope, t.space_id AS "spaceId", t.id AS "topicId",
      NULL::int AS "postNumber", NULL AS "articleType", CASE WHEN t.archived THEN 'archived' WHEN t.state = 'closed' THEN 'closed' ELSE 'open' END AS stage,
      t.tags, CASE WHEN t.phase IS NULL THEN '{}'::int[] ELSE ARRAY[t.phase::int] END AS phases, t.author_id AS "authorId",
      u.display_name AS "authorName", t.anonymous,
      (SELECT number FROM topic_pseudonym tp WHERE tp.topic_id = t.id AND tp.user_id = t.author_id) AS "pseudonymNumber", t.created_at AS "createdAt"
    FROM topic t JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = t.author_id
      LEFT JOIN post fp ON fp.topic_id = t.id AND fp.post_number = 1 WHERE t.id = ANY($1::uuid[])`,
  post: `SELECT p.id, t.title, ${HEADLINE(PLAIN('p.source'))} AS headline, s.scope_key AS scope, t.space_id AS "spaceId", p.topic_id AS "topicId",
      p.post_number AS "postNumber", NULL AS "articleType", NULL AS stage, t.tags,
      CASE WHEN t.phase IS NULL THEN '{}'::int[] ELSE ARRAY[t.phase::int] END AS phases, p.author_id AS "authorId", u.display_name AS "authorName",
      p.anonymous, p.pseudonym_number AS "pseudonymNumber", p.created_at AS "createdAt"
    FROM post p JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = p.author_id WHERE p.id = ANY($1::uuid[])`,
  article: `SELECT a.id, a.title, ${HEADLINE(PLAIN(`a.summary || E'\\n' || a.body`))} AS headline, a.scope_key AS scope, a.space_id AS "spaceId",
      NULL::uuid AS "topicId", NULL::int AS "postNumber", a.type AS "articleType",
      CASE WHEN ${ARTICLE_DUE} THEN 'needs_review' ELSE a.status END AS stage,
      a.tags, a.phases::int[] AS phases, a.owner_id AS "authorId", u.display_name AS "authorName", false AS anonymous, NULL::int AS "pseudonymNumber",
      a.created_at AS "createdAt"
    FROM kb_article a JOIN app_user u ON u.id = a.owner_id WHERE a.id = ANY($1::uuid[])`,
  collection: `SELECT c.id, c.title, ${HEADLINE(PLAIN(`c.title || E'\\n' || c.description`))} AS headline, c.scope_key AS scope, NULL::uuid AS "spaceId",
      NULL::uuid AS "topicId", NULL::int AS "postNumber", NULL AS "articleType", NULL AS stage, '{}'::text[] AS tags,
      CASE WHEN c.phase IS NULL THEN '{}'::int[] ELSE ARRAY[c.phase::int] END AS phases, c.owner_id AS "authorId", u.display_name AS "authorName",
      false AS anonymous, NULL::int AS "pseudonymNumber", c.created_at AS "createdAt"
    FROM kb_collection c JOIN app_user u ON u.id = c.owner_id WHERE c.id = ANY($1::uuid[])`,
};
