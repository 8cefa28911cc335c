import type { SearchRequest } from '../search-engine';
import { ARTICLE_STATUSES, requestedTypes, TOPIC_STATUSES } from './postgres-candidates';

/** A string value in a Meilisearch filter: double-quoted, with quotes and backslashes escaped. */
export const quoted = (value: string | number) => `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;
const list = (values: readonly (string | number)[]) => `[${values.map(quoted).join(', ')}]`;
const any = (field: string, values: readonly (string | number)[]) => `${field} IN ${list(values)}`;


/**
 * The Meilisearch filter for a request, built on the server from the caller's visibility (never from a client's
 * filter string): the same rules as the PostgreSQL engine, in Meilisearch's filter language.
 */
export function meiliFilter(request: SearchRequest): string[] {
  const { filters, visibility } = request;
  const now = Math.floor(request.asOf.getTime() / 1000);
  const clauses: string[] = [];
  const types = requestedTypes(request);
  clauses.push(any('type', types.length ? types : ['none']));
  if (!visibility.readable.everything) clauses.push(any('scope', visibility.readable.keys.length ? visibility.readable.keys : ['none']));
  clauses.push(`createdAt <= ${now}`);

  // Drafts and articles in review: their authors and reviewers, and the scope's curators.
  const curated = visibility.curated.everything ? 'type = "article"' : visibility.curated.keys.length ? any('scope', visibility.curated.keys) : 'type = "none"';
  clauses.push(`(type != "article" OR status IN ["published", "archived"] OR readers = ${quoted(visibility.userId)} OR ${curated})`);

  const states = filters.statuses.filter((s) => TOPIC_STATUSES.includes(s));
  clauses.push(`(type IN ["article", "collection"] OR ${states.length ? any('status', states) : 'status != "archived"'})`);
  const stages = filters.statuses.filter((s) => ARTICLE_STATUSES.includes(s));
  const wanted = stages.length ? stages : ['published', 'needs_review'];
  const stageSql = wanted.map((s) =>
    s === 'needs_review'
      ? `(status = "published" AND verifyDueAt <= ${now})`
      : s === 'published'
        ? `(status = "published" AND verifyDueAt > ${now})`
        : `status = ${quoted(s)}`,
  );
  clauses.push(`(type != "article" OR ${stageSql.join(' OR ')})`);

  if (filters.articleTypes.length) clauses.push(`(type != "article" OR ${any('articleType', filters.articleTypes)})`);
  if (filters.tags.length) clauses.push(any('tags', filters.tags));
  if (filters.phases.length) clauses.push(any('phases', filters.phases));
  if (filters.spaceIds.length) clauses.push(any('spaceId', filters.spaceIds));
  if (filters.schoolScopes) clauses.push(any('scope', filters.schoolScopes.length ? filters.schoolScopes : ['none']));
  // authorIds is empty on anonymous documents, so a name never reaches them.
  if (filters.authorIds.length) clauses.push(any('authorIds', filters.authorIds));
  if (filters.after) clauses.push(`createdAt >= ${Math.floor(filters.after.getTime() / 1000)}`);
  if (filters.before) clauses.push(`createdAt < ${Math.floor(filters.before.getTime() / 1000)}`);
  return clauses;
}
