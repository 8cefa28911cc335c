import { Injectable } from '@nestjs/common';
import type { ScopeSet } from '@app/identity';
import { pageSizeLiteral, PreparedReads } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';
import { postFromJson, postPageSelect, type PostRecord } from './post.repository';
import { SPACE_COLUMNS, spaceFromJson, type SpaceRecord } from './space.repository';

export type TopicState = 'open' | 'slow' | 'paused' | 'closed';

export interface TopicRecord {
  id: string;
  spaceId: string;
  title: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  /** The author's pseudonym number in this topic, when they posted anonymously. */
  authorPseudonym: number | null;
  kind: 'discussion' | 'question';
  tags: string[];
  phase: number | null;
  contentNotes: string[];
  pinned: 'none' | 'space' | 'global';
  state: TopicState;
  slowModeSeconds: number | null;
  archived: boolean;
  unlisted: boolean;
  answerPostNumber: number | null;
  postCount: number;
  lastPostNumber: number;
  createdAt: Date;
  bumpedAt: Date;
  /** The reader's last read post number; null when they never opened the topic. */
  lastReadPostNumber: number | null;
  /** The first post still awaits a facilitator's approval: the topic exists only for its author and moderators. */
  awaitingApproval: boolean;
  /** The reader asked for topics with (some of) these content notes to stay folded until they choose to open them. */
  contentNotesCollapsed: boolean;
}

export interface NewTopic {
  spaceId: string;
  title: string;
  authorId: string;
  anonymous: boolean;
  kind: 'discussion' | 'question';
  tags: string[];
  phase: number | null;
  contentNotes: string[];
  createdAt: Date;
  /** Whether readers see it at once (its first post does not await approval): only then does the space count it. */
  listed: boolean;
}

export interface TopicListQuery {
  readerId: string;
  scopes: ScopeSet;
  spaceId?: string;
  tag?: string;
  phase?: number;
  /** Only topics the reader has opened and that have posts they have not read. */
  unreadOnly?: boolean;
  /** Only topics the reader never opened, created after `since`. */
  newSince?: Date;
  authorId?: string;
  /** Only pinned topics (in this space, or globally). */
  pinnedOnly?: boolean;
  /** "Top": created since this moment, most posts first (keyset on post count then id). */
  topSince?: Date;
  after?: { bumpedAt: Date; id: string };
  afterTop?: { postCount: number; id: string };
  limit: number;
}

const TOPIC_COLUMNS = `t.id, t.space_id AS "spaceId", t.title, t.author_id AS "authorId", u.display_name AS "authorName",
  t.anonymous, (SELECT number FROM topic_pseudonym p WHERE p.topic_id = t.id AND p.user_id = t.author_id) AS "authorPseudonym",
  t.kind, t.tags, t.phase, t.content_notes AS "contentNotes", t.pinned, t.state, t.slow_mode_seconds AS "slowModeSeconds",
  t.archived, t.unlisted, t.answer_post_number AS "answerPostNumber", t.post_count AS "postCount",
  t.last_listed_post_number AS "lastPostNumber", t.created_at AS "createdAt", t.bumped_at AS "bumpedAt",
  r.last_read_post_number AS "lastReadPostNumber",
  EXISTS (SELECT 1 FROM post p1 WHERE p1.topic_id = t.id AND p1.post_number = 1 AND p1.status = 'pending') AS "awaitingApproval",
  CASE WHEN cardinality(t.content_notes) = 0 THEN false
       WHEN fp.content_note_collapse = 'none' THEN false
       WHEN fp.content_note_collapse = 'listed'
         THEN EXISTS (SELECT 1 FROM unnest(t.content_notes) note WHERE lower(note) = ANY(fp.collapsed_content_notes))
       ELSE true END AS "contentNotesCollapsed"`;

/** What TOPIC_COLUMNS needs to know about the reader: their read position here and their content-note choice. */
const readerJoins = (reader: string) => `LEFT JOIN topic_read r ON r.topic_id = t.id AND r.user_id = ${reader}
       LEFT JOIN forum_preference fp ON fp.user_id = ${reader}`;

const SPACE_OF_TOPIC = `(SELECT row_to_json(x) FROM (SELECT ${SPACE_COLUMNS} FROM space s WHERE s.id = t.space_id) x) AS space`;

/** A topic with its space, for the reader $2: the one statement behind opening a topic. */
const TOPIC_WITH_SPACE_SQL = `SELECT ${TOPIC_COLUMNS}, ${SPACE_OF_TOPIC}
  FROM topic t JOIN app_user u ON u.id = t.author_id
  ${readerJoins('$2')} WHERE t.id = $1`;

/**
 * Reading a topic's posts in one round trip: the topic with its space (for the access check, made by the caller
 * before anything is shown) and a page of posts as JSON. Parameters: reader, topic, after post number.
 */
function topicWithPostsSql(rowCount: number): string {
  return `SELECT ${TOPIC_COLUMNS}, ${SPACE_OF_TOPIC},
    (SELECT COALESCE(json_agg(page ORDER BY page."postNumber"), '[]') FROM (${postPageSelect('t.id', rowCount)}) page) AS posts
  FROM topic t JOIN app_user u ON u.id = t.author_id
  ${readerJoins('$1')} WHERE t.id = $2`;
}

type TopicRow = TopicRecord & { space: Parameters<typeof spaceFromJson>[0] | null };

@Injectable()
export class TopicRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  async findById(id: string, readerId: string, manager?: EntityManager): Promise<TopicRecord | null> {
    const rows: TopicRecord[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${TOPIC_COLUMNS} FROM topic t JOIN app_user u ON u.id = t.author_id
       ${readerJoins('$2')} WHERE t.id = $1`,
      [id, readerId],
    );
    return rows[0] ?? null;
  }

  /**
   * The topic and its space in one round trip: every access check on a topic needs both, and this is the
   * first statement of every topic read.
   */
  async findWithSpace(id: string, readerId: string): Promise<{ topic: TopicRecord; space: SpaceRecord } | null> {
    const [row] = await this.preparedReads.rows<TopicRow>(TOPIC_WITH_SPACE_SQL, [id, readerId]);
    if (!row?.space) return null;
    const { space, ...topic } = row;
    return { topic, space: spaceFromJson(space) };
  }

  /** `findWithSpace` plus the posts after `afterPostNumber` (up to `rowCount`), in the same statement. */
  async findWithSpaceAndPosts(
    id: string,
    readerId: string,
    afterPostNumber: number,
    rowCount: number,
  ): Promise<{ topic: TopicRecord; space: SpaceRecord; posts: PostRecord[] } | null> {
    const [row] = await this.preparedReads.rows<TopicRow & { posts: Parameters<typeof postFromJson>[0][] }>(
      topicWithPostsSql(rowCount),
      [readerId, id, afterPostNumber],
    );
    if (!row?.space) return null;
    const { space, posts, ...topic } = row;
    return { topic, space: spaceFromJson(space), posts: posts.map(postFromJson) };
  }

  /** Locks the topic row: replies are numbered one at a time per topic. */
  async lockForPosting(id: string, manager: EntityManager): Promise<{ lastPostNumber: number; pseudonymCount: number } | null> {
    const rows = await manager.query(
      'SELECT last_post_number AS "lastPostNumber", pseudonym_count AS "pseudonymCount" FROM topic WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ?? null;
  }

  async create(topic: NewTopic, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO topic (space_id, title, author_id, anonymous, kind, tags, phase, content_notes, created_at, bumped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        topic.spaceId,
        topic.title,
        topic.authorId,
        topic.anonymous,
        topic.kind,
        topic.tags,
        topic.phase,
        topic.contentNotes,
        topic.createdAt,
      ],
    );
    // The space counts what its readers can see: a topic whose first post awaits approval counts once approved.
    if (topic.listed) await manager.query('UPDATE space SET topic_count = topic_count + 1 WHERE id = $1', [topic.spaceId]);
    return row.id;
  }

  /**
   * Numbers a new post into the topic. Only a listed post (not one awaiting approval) counts as a reply,
   * moves the last post number readers see, and bumps the topic's activity.
   */
  async recordPost(
    id: string,
    post: { postNumber: number; listed: boolean },
    pseudonymCount: number,
    at: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE topic SET last_post_number = $2, pseudonym_count = $3,
         post_count = post_count + CASE WHEN $5 THEN 1 ELSE 0 END,
         last_listed_post_number = CASE WHEN $5 THEN $2 ELSE last_listed_post_number END,
         bumped_at = CASE WHEN $5 THEN $4 ELSE bumped_at END
       WHERE id = $1`,
      [id, post.postNumber, pseudonymCount, at, post.listed],
    );
  }

  /** An approved post joins the topic's count and activity as if it had just been posted. */
  async recordApproval(id: string, postNumber: number, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH approved AS (
         UPDATE topic SET post_count = post_count + 1, last_listed_post_number = GREATEST(last_listed_post_number, $2),
           bumped_at = GREATEST(bumped_at, $3) WHERE id = $1 RETURNING space_id, unlisted, archived)
       UPDATE space SET topic_count = topic_count + 1 FROM approved
       WHERE space.id = approved.space_id AND $2 = 1 AND NOT approved.unlisted AND NOT approved.archived`,
      [id, postNumber, at],
    );
  }

  /** The pseudonym number this person has in this topic, creating the next one if they have none. */
  async pseudonymFor(
    topicId: string,
    userId: string,
    nextNumber: number,
    manager: EntityManager,
  ): Promise<{ number: number; created: boolean }> {
    const existing = await manager.query('SELECT number FROM topic_pseudonym WHERE topic_id = $1 AND user_id = $2', [
      topicId,
      userId,
    ]);
    if (existing[0]) return { number: existing[0].number, created: false };
    await manager.query('INSERT INTO topic_pseudonym (topic_id, user_id, number) VALUES ($1, $2, $3)', [
      topicId,
      userId,
      nextNumber,
    ]);
    return { number: nextNumber, created: true };
  }

  async setFlags(
    id: string,
    patch: { pinned?: 'none' | 'space' | 'global'; archived?: boolean; unlisted?: boolean },
    manager?: EntityManager,
  ): Promise<void> {
    // The space's count follows the topic in and out of its lists (a topic awaiting approval is in none).
    await (manager ?? this.dataSource.manager).query(
      `WITH before AS (
         SELECT t.space_id, NOT t.unlisted AND NOT t.archived AS listed,
           EXISTS (SELECT 1 FROM post p WHERE p.topic_id = t.id AND p.post_number = 1 AND p.status = 'pending') AS awaiting
         FROM topic t WHERE t.id = $1 FOR UPDATE),
       after AS (
         UPDATE topic SET pinned = coalesce($2, pinned), archived = coalesce($3, archived), unlisted = coalesce($4, unlisted)
         WHERE id = $1 RETURNING NOT unlisted AND NOT archived AS listed)
       UPDATE space SET topic_count = topic_count + (after.listed::int - before.listed::int) FROM before, after
       WHERE space.id = before.space_id AND NOT before.awaiting AND after.listed <> before.listed`,
      [id, patch.pinned ?? null, patch.archived ?? null, patch.unlisted ?? null],
    );
  }

  async setState(id: string, state: TopicState, slowModeSeconds: number | null, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query('UPDATE topic SET state = $2, slow_mode_seconds = $3 WHERE id = $1', [
      id,
      state,
      slowModeSeconds,
    ]);
  }

  async markRead(topicId: string, userId: string, postNumber: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO topic_read (user_id, topic_id, last_read_post_number) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, topic_id) DO UPDATE
         SET last_read_post_number = GREATEST(topic_read.last_read_post_number, EXCLUDED.last_read_post_number), updated_at = now()`,
      [userId, topicId, postNumber],
    );
  }

  /**
   * Topic lists, newest activity first, keyset-paginated on (bumped_at, id) so posting while a reader
   * pages never repeats or skips a topic.
   */
  list(query: TopicListQuery): Promise<TopicRecord[]> {
    const { sql, params } = topicListSql(query);
    return this.dataSource.query(sql, params);
  }

  /** The same page, plus up to `pinnedLimit` pinned topics to head it, in one round trip. Only for "latest". */
  async listWithPinned(query: TopicListQuery, pinnedLimit: number): Promise<{ rows: TopicRecord[]; pinned: TopicRecord[] }> {
    if (query.topSince || query.afterTop) throw new Error('Pinned topics head only the latest list');
    const { sql, params } = topicListWithPinnedSql(query, pinnedLimit);
    const all = await this.preparedReads.rows<TopicRecord & { pinnedRow: boolean }>(sql, params);
    const rows: TopicRecord[] = [];
    const pinned: TopicRecord[] = [];
    for (const { pinnedRow, ...topic } of all) (pinnedRow ? pinned : rows).push(topic);
    return { rows, pinned };
  }
}

/**
 * The topic-list statement: only spaces in the reader's scopes; unlisted and archived excluded. Exported so
 * the benchmark's bare baseline server runs exactly the query the app runs.
 */
export function topicListSql(query: TopicListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  return { sql: topicSelect(query, params), params };
}

/**
 * A page of topics and, in the same round trip, the pinned topics that head it (a separate list, so paging
 * stays keyset-stable). Rows come back pinned first, each part in its own order; `pinnedRow` tells them apart.
 */
export function topicListWithPinnedSql(query: TopicListQuery, pinnedLimit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const page = topicSelect(query, params, 'false');
  const pinned = topicSelect({ ...query, pinnedOnly: true, limit: pinnedLimit - 1 }, params, 'true');
  return { sql: `(${pinned}) UNION ALL (${page}) ORDER BY "pinnedRow" DESC, "bumpedAt" DESC, id DESC`, params };
}

/** One SELECT of the topic list, its values appended to `params`; `pinnedRow` marks which part of a union it is. */
function topicSelect(query: TopicListQuery, params: unknown[], pinnedRow?: 'true' | 'false'): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const reader = bind(query.readerId);
  const where: string[] = [
    `(${bind(query.scopes.everything)}::boolean OR s.scope_key = ANY(${bind(query.scopes.keys)}::text[]))`,
    'NOT t.unlisted',
    'NOT t.archived',
    // A topic whose first post awaits approval is listed only for its author (moderators use the review queue).
    `(t.author_id = ${reader} OR NOT EXISTS (SELECT 1 FROM post p1 WHERE p1.topic_id = t.id AND p1.post_number = 1 AND p1.status = 'pending'))`,
  ];
  if (query.spaceId) where.push(`t.space_id = ${bind(query.spaceId)}`);
  if (query.tag) where.push(`${bind(query.tag)} = ANY(t.tags)`);
  if (query.phase) where.push(`t.phase = ${bind(query.phase)}`);
  if (query.authorId) where.push(`t.author_id = ${bind(query.authorId)} AND NOT t.anonymous`);
  if (query.unreadOnly) where.push('r.last_read_post_number IS NOT NULL AND r.last_read_post_number < t.last_listed_post_number');
  if (query.newSince) where.push(`r.user_id IS NULL AND t.created_at > ${bind(query.newSince)}`);
  if (query.pinnedOnly) where.push(query.spaceId ? "t.pinned <> 'none'" : "t.pinned = 'global'");
  if (query.topSince) where.push(`t.created_at > ${bind(query.topSince)}`);
  if (query.after) where.push(`(t.bumped_at, t.id) < (${bind(query.after.bumpedAt)}, ${bind(query.after.id)})`);
  if (query.afterTop) where.push(`(t.post_count, t.id) < (${bind(query.afterTop.postCount)}, ${bind(query.afterTop.id)})`);
  const order = query.topSince ? 't.post_count DESC, t.id DESC' : 't.bumped_at DESC, t.id DESC';
  const marker = pinnedRow ? `, ${pinnedRow} AS "pinnedRow"` : '';
  return `SELECT ${TOPIC_COLUMNS}${marker} FROM topic t JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = t.author_id
       ${readerJoins(reader)}
       WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${pageSizeLiteral(query.limit + 1)}`;
}
