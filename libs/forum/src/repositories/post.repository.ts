import { Injectable } from '@nestjs/common';
import { pageSizeLiteral } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';

export type PostStatus = 'visible' | 'pending' | 'hidden' | 'deleted';

export interface NewPost {
  topicId: string;
  postNumber: number;
  authorId: string;
  anonymous: boolean;
  pseudonymNumber: number | null;
  replyToPostNumber: number | null;
  source: string;
  html: string;
  rendererVersion: number;
  status: PostStatus;
  createdAt: Date;
}

export interface PostRecord extends NewPost {
  id: string;
  authorName: string;
  hiddenReason: string | null;
  editedAt: Date | null;
  reactionCounts: Record<string, number> | null;
  myReactions: string[];
  /** Whether the reader (the `$1` of the query) bookmarked this post, and when they asked to be reminded. */
  bookmarked: boolean;
  bookmarkReminderAt: Date | null;
}

const POST_COLUMNS = `p.id, p.topic_id AS "topicId", p.post_number AS "postNumber", p.author_id AS "authorId",
  u.display_name AS "authorName", p.anonymous, p.pseudonym_number AS "pseudonymNumber",
  p.reply_to_post_number AS "replyToPostNumber", p.source, p.html, p.renderer_version AS "rendererVersion", p.status,
  p.hidden_reason AS "hiddenReason", p.edited_at AS "editedAt", p.created_at AS "createdAt",
  (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM post_reaction WHERE post_id = p.id GROUP BY kind) k)
    AS "reactionCounts",
  ARRAY(SELECT kind FROM post_reaction WHERE post_id = p.id AND user_id = $1 ORDER BY kind) AS "myReactions",
  b.post_id IS NOT NULL AS "bookmarked", b.reminder_at AS "bookmarkReminderAt"`;

/** Posts with their authors and the reader's (`$1`) bookmark, for POST_COLUMNS. */
const POST_FROM = 'FROM post p JOIN app_user u ON u.id = p.author_id LEFT JOIN bookmark b ON b.user_id = $1 AND b.post_id = p.id';

/**
 * A page of a topic's posts; parameters: reader, topic, after post number. The row count is part of the text so a
 * prepared statement's generic plan knows it (see PreparedReads). Exported for the bench baseline.
 */
export function postPageSql(rowCount: number): string {
  return postPageSelect('$2', rowCount);
}

/** The page's SELECT for the topic `topic` (a parameter or a column); `$1` is the reader, `$3` the post number to start after. */
export function postPageSelect(topic: string, rowCount: number): string {
  return `SELECT ${POST_COLUMNS} ${POST_FROM}
  WHERE p.topic_id = ${topic} AND p.post_number > $3 ORDER BY p.post_number LIMIT ${pageSizeLiteral(rowCount)}`;
}

/** A post as it comes back inside a JSON aggregate: its times as text. */
export function postFromJson(
  row: Omit<PostRecord, 'createdAt' | 'editedAt' | 'bookmarkReminderAt'> & { createdAt: string; editedAt: string | null; bookmarkReminderAt: string | null },
): PostRecord {
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return { ...row, createdAt: new Date(row.createdAt), editedAt: date(row.editedAt), bookmarkReminderAt: date(row.bookmarkReminderAt) };
}

@Injectable()
export class PostRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(post: NewPost, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO post (topic_id, post_number, author_id, anonymous, pseudonym_number, reply_to_post_number, source, html,
         renderer_version, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        post.topicId,
        post.postNumber,
        post.authorId,
        post.anonymous,
        post.pseudonymNumber,
        post.replyToPostNumber,
        post.source,
        post.html,
        post.rendererVersion,
        post.status,
        post.createdAt,
      ],
    );
    return row.id;
  }

  async findById(id: string, readerId: string, manager?: EntityManager): Promise<PostRecord | null> {
    const rows: PostRecord[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${POST_COLUMNS} ${POST_FROM} WHERE p.id = $2`,
      [readerId, id],
    );
    return rows[0] ?? null;
  }

  /** Posts of a topic by number, in order (for quoting them elsewhere). */
  byNumbers(topicId: string, postNumbers: readonly number[], readerId: string): Promise<PostRecord[]> {
    return this.dataSource.query(
      `SELECT ${POST_COLUMNS} ${POST_FROM} WHERE p.topic_id = $2 AND p.post_number = ANY($3::int[]) ORDER BY p.post_number`,
      [readerId, topicId, postNumbers],
    );
  }

  async existsVisible(topicId: string, postNumber: number, manager?: EntityManager): Promise<boolean> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM post WHERE topic_id = $1 AND post_number = $2 AND status = 'visible'`,
      [topicId, postNumber],
    );
    return rows.length > 0;
  }

  /** When this person last posted in the topic, or anywhere in the space: for slow mode. */
  async lastPostedAt(
    authorId: string,
    where: { topicId: string } | { spaceId: string },
    manager?: EntityManager,
  ): Promise<Date | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      'topicId' in where
        ? 'SELECT max(created_at) AS at FROM post WHERE author_id = $1 AND topic_id = $2'
        : 'SELECT max(p.created_at) AS at FROM post p JOIN topic t ON t.id = p.topic_id WHERE p.author_id = $1 AND t.space_id = $2',
      [authorId, 'topicId' in where ? where.topicId : where.spaceId],
    );
    return rows[0]?.at ?? null;
  }

  /** How many posts this person wrote since a moment, anywhere: the flood limit. */
  async countSince(authorId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.dataSource.query(
      'SELECT count(*)::int AS count, min(created_at) AS oldest FROM post WHERE author_id = $1 AND created_at > $2',
      [authorId, since],
    );
    return row;
  }

  async hasVisiblePostBy(authorId: string, spaceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM post p JOIN topic t ON t.id = p.topic_id WHERE p.author_id = $1 AND t.space_id = $2 AND p.status = 'visible' LIMIT 1`,
      [authorId, spaceId],
    );
    return rows.length > 0;
  }

  async updateSource(
    id: string,
    source: string,
    html: string,
    rendererVersion: number,
    at: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('UPDATE post SET source = $2, html = $3, renderer_version = $4, edited_at = $5 WHERE id = $1', [
      id,
      source,
      html,
      rendererVersion,
      at,
    ]);
  }

  async addRevision(postId: string, source: string, editorId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO post_revision (post_id, revision, source, edited_by_id)
       SELECT $1, coalesce(max(revision), 0) + 1, $2, $3 FROM post_revision WHERE post_id = $1`,
      [postId, source, editorId],
    );
  }

  revisions(postId: string): Promise<{ revision: number; source: string; editedById: string | null; createdAt: Date }[]> {
    return this.dataSource.query(
      `SELECT revision, source, edited_by_id AS "editedById", created_at AS "createdAt" FROM post_revision
       WHERE post_id = $1 ORDER BY revision`,
      [postId],
    );
  }

  async setStatus(
    id: string,
    status: PostStatus,
    reason: string | null,
    by: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE post SET status = $2, hidden_reason = $3, hidden_by_id = $4 WHERE id = $1',
      [id, status, reason, by],
    );
  }

  /** Adds a reaction; false when this person already gave this one. */
  async react(postId: string, userId: string, kind: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'INSERT INTO post_reaction (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING kind',
      [postId, userId, kind],
    );
    return rows.length > 0;
  }

  async unreact(postId: string, userId: string, kind: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'WITH gone AS (DELETE FROM post_reaction WHERE post_id = $1 AND user_id = $2 AND kind = $3 RETURNING 1) SELECT * FROM gone',
      [postId, userId, kind],
    );
    return rows.length > 0;
  }

  reactors(postId: string): Promise<{ kind: string; userId: string; displayName: string }[]> {
    return this.dataSource.query(
      `SELECT r.kind, r.user_id AS "userId", u.display_name AS "displayName" FROM post_reaction r
       JOIN app_user u ON u.id = r.user_id WHERE r.post_id = $1 ORDER BY r.kind, r.created_at`,
      [postId],
    );
  }
}
