import { Injectable } from '@nestjs/common';
import { presentAuthor, type AuthorView } from '@app/forum';
import { DataSource } from 'typeorm';
import type { SearchType } from '../query/search-query.parser';

/**
 * A document of an external index. It carries its scope (every query is filtered by the caller's scopes on the
 * server) and never an anonymous author's identity: `author` is what readers see, `authorIds` is empty for
 * anonymous content, so no filter or facet can reach the person.
 */
export interface SearchDocument {
  id: string;
  type: SearchType;
  entityId: string;
  title: string;
  text: string;
  scope: string;
  spaceId: string | null;
  topicId: string | null;
  postNumber: number | null;
  tags: string[];
  phases: number[];
  articleType: string | null;
  /** Topics and posts: open | closed | archived. Articles: draft | in_review | published | archived. */
  status: string;
  /** Articles: when verification falls due (seconds since 1970); published articles past it need review. */
  verifyDueAt: number | null;
  /** Drafts and articles in review: the people besides curators who may find them. */
  readers: string[];
  authorIds: string[];
  author: AuthorView | null;
  createdAt: number;
}

export const documentId = (type: SearchType, entityId: string) => `${type}-${entityId}`;

const seconds = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000);

/** Reads what an external index holds, from the tables; a row that should not be found yields no document. */
@Injectable()
export class SearchDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async topics(ids: readonly string[]): Promise<SearchDocument[]> {
    const rows = await this.dataSource.query(
      `SELECT t.id, t.title, CASE WHEN fp.status = 'visible' THEN fp.source ELSE '' END AS text, s.scope_key AS scope, t.space_id AS "spaceId", t.tags, t.phase, t.author_id AS "authorId",
         u.display_name AS "authorName", t.anonymous, fp.pseudonym_number AS "pseudonymNumber", t.created_at AS "createdAt",
         CASE WHEN t.archived THEN 'archived' WHEN t.state = 'closed' THEN 'closed' ELSE 'open' END AS status
       FROM topic t JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = t.author_id
         JOIN post fp ON fp.topic_id = t.id AND fp.post_number = 1
       WHERE t.id = ANY($1::uuid[]) AND NOT t.unlisted AND fp.status <> 'pending'`,
      [ids],
    );
    return rows.map((r: any) => ({
      ...this.common('topic', r),
      topicId: r.id,
      postNumber: null,
      phases: r.phase ? [r.phase] : [],
      articleType: null,
      verifyDueAt: null,
      readers: [],
    }));
  }

  /**
   * Visible replies; `topicIds` adds every visible reply of those topics (their topic changed what they carry). A
   * topic's first post is not a document of its own: the topic's document carries its text.
   */
  async posts(ids: readonly string[], topicIds: readonly string[] = []): Promise<SearchDocument[]> {
    const rows = await this.dataSource.query(
      `SELECT p.id, t.title, p.source AS text, s.scope_key AS scope, t.space_id AS "spaceId", p.topic_id AS "topicId", p.post_number AS "postNumber",
         t.tags, t.phase, p.author_id AS "authorId", u.display_name AS "authorName", p.anonymous, p.pseudonym_number AS "pseudonymNumber",
         p.created_at AS "createdAt", CASE WHEN t.archived THEN 'archived' WHEN t.state = 'closed' THEN 'closed' ELSE 'open' END AS status
       FROM post p JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = p.author_id
       WHERE (p.id = ANY($1::uuid[]) OR p.topic_id = ANY($2::uuid[])) AND p.status = 'visible' AND p.post_number > 1 AND NOT t.unlisted
         AND NOT EXISTS (SELECT 1 FROM post fp WHERE fp.topic_id = t.id AND fp.post_number = 1 AND fp.status = 'pending')`,
      [ids, topicIds],
    );
    return rows.map((r: any) => ({
      ...this.common('post', r),
      phases: r.phase ? [r.phase] : [],
      articleType: null,
      verifyDueAt: null,
      readers: [],
    }));
  }

  async articles(ids: readonly string[]): Promise<SearchDocument[]> {
    const rows = await this.dataSource.query(
      `SELECT a.id, a.title, a.summary || E'\\n' || a.body AS text, a.scope_key AS scope, a.space_id AS "spaceId", a.tags, a.phases::int[] AS phases,
         a.type AS "articleType", a.status, a.owner_id AS "authorId", u.display_name AS "authorName", false AS anonymous, NULL AS "pseudonymNumber",
         a.created_at AS "createdAt", a.verified_at + make_interval(days => a.verification_interval_days) AS "dueAt",
         ARRAY(SELECT c.user_id FROM kb_article_coauthor c WHERE c.article_id = a.id) AS coauthors,
         ARRAY(SELECT r.reviewer_id FROM kb_review r WHERE r.article_id = a.id) AS reviewers
       FROM kb_article a JOIN app_user u ON u.id = a.owner_id WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r: any) => ({
      ...this.common('article', r),
      topicId: null,
      postNumber: null,
      phases: r.phases,
      articleType: r.articleType,
      verifyDueAt: r.dueAt ? seconds(r.dueAt) : null,
      readers: r.status === 'draft' || r.status === 'in_review' ? [r.authorId, ...r.coauthors, ...r.reviewers] : [],
      authorIds: [r.authorId, ...r.coauthors],
    }));
  }

  async collections(ids: readonly string[]): Promise<SearchDocument[]> {
    const rows = await this.dataSource.query(
      `SELECT c.id, c.title, c.description AS text, c.scope_key AS scope, NULL AS "spaceId", c.phase, c.owner_id AS "authorId",
         u.display_name AS "authorName", false AS anonymous, NULL AS "pseudonymNumber", c.created_at AS "createdAt", 'published' AS status
       FROM kb_collection c JOIN app_user u ON u.id = c.owner_id WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r: any) => ({
      ...this.common('collection', r),
      tags: [],
      phases: r.phase ? [r.phase] : [],
      articleType: null,
      verifyDueAt: null,
      readers: [],
    }));
  }

  /** Ids of every row of a kind, a page at a time (for a full reindex). */
  async allIds(type: SearchType, afterId: string | null, limit: number): Promise<string[]> {
    const table = { topic: 'topic', post: 'post', article: 'kb_article', collection: 'kb_collection' }[type];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ${table} WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  private common(type: SearchType, r: any) {
    const author = presentAuthor({ id: r.authorId, displayName: r.authorName }, { anonymous: r.anonymous, pseudonymNumber: r.pseudonymNumber });
    return {
      id: documentId(type, r.id),
      type,
      entityId: r.id as string,
      title: r.title as string,
      text: (r.text ?? '') as string,
      scope: r.scope as string,
      spaceId: (r.spaceId ?? null) as string | null,
      topicId: (r.topicId ?? null) as string | null,
      postNumber: (r.postNumber ?? null) as number | null,
      tags: (r.tags ?? []) as string[],
      status: r.status as string,
      authorIds: r.anonymous ? [] : [r.authorId as string],
      author,
      createdAt: seconds(r.createdAt),
    };
  }
}
