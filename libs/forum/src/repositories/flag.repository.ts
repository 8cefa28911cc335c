import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostStatus } from './post.repository';

export const FLAG_KINDS = ['spam', 'off_topic', 'harm'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type FlagStatus = 'received' | 'reviewed' | 'action_taken';

export interface OwnFlagRecord {
  id: string;
  kind: FlagKind;
  note: string | null;
  status: FlagStatus;
  postId: string;
  topicId: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** A post as the review queue shows it; the author's name is only ever used through presentAuthor. */
export interface ReviewPostRecord {
  postId: string;
  topicId: string;
  topicTitle: string;
  spaceId: string;
  scopeKey: ScopeKey;
  postNumber: number;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  pseudonymNumber: number | null;
  status: PostStatus;
  html: string;
  postCreatedAt: Date;
  /** The caller facilitates the space (or is an admin), as opposed to reviewing it as its school's lead. */
  moderates: boolean;
}

export interface OpenFlagRecord extends ReviewPostRecord {
  id: string;
  kind: FlagKind;
  note: string | null;
  reporterId: string;
  reporterName: string;
  createdAt: Date;
}

export interface FlagReviewFacts {
  id: string;
  kind: FlagKind;
  status: FlagStatus;
  postId: string;
  authorId: string;
  spaceId: string;
  scopeKey: ScopeKey;
  schoolId: string | null;
  moderates: boolean;
}

/** Who is reviewing: the queue is filtered in SQL on these. */
export interface Reviewer {
  userId: string;
  isAdmin: boolean;
  /** The school this person leads, or null. */
  leadOfSchoolId: string | null;
}

/** The school a space belongs to: its institution scope, or the school of its cohort or group (none for consortium). */
const SCHOOL_OF_SPACE = `CASE split_part(s.scope_key, ':', 1)
    WHEN 'inst' THEN split_part(s.scope_key, ':', 2)::uuid
    WHEN 'cohort' THEN (SELECT c.institution_id FROM cohort c WHERE c.id = split_part(s.scope_key, ':', 2)::uuid)
    WHEN 'group' THEN (SELECT g.institution_id FROM "group" g WHERE g.id = split_part(s.scope_key, ':', 2)::uuid)
  END`;

// $1 reviewer id, $2 reviewer is admin, $3 optional space id.
const REVIEW_SPACES = `review_space AS (
  SELECT s.id, s.scope_key, ${SCHOOL_OF_SPACE} AS school_id,
    ($2::boolean OR EXISTS (SELECT 1 FROM space_facilitator sf WHERE sf.space_id = s.id AND sf.user_id = $1)) AS moderates
  FROM space s WHERE $3::uuid IS NULL OR s.id = $3::uuid)`;

const REVIEW_POST_COLUMNS = `p.id AS "postId", p.topic_id AS "topicId", t.title AS "topicTitle", t.space_id AS "spaceId",
  rs.scope_key AS "scopeKey", p.post_number AS "postNumber", p.author_id AS "authorId", au.display_name AS "authorName",
  p.anonymous, p.pseudonym_number AS "pseudonymNumber", p.status, p.html, p.created_at AS "postCreatedAt",
  rs.moderates`;

const QUEUE_LIMIT = 500;

@Injectable()
export class FlagRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when this person already has an open flag on the post. */
  async insert(flag: {
    postId: string;
    reporterId: string;
    kind: FlagKind;
    note: string | null;
    createdAt: Date;
  }): Promise<{ id: string; kind: FlagKind; status: FlagStatus; createdAt: Date } | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO post_flag (post_id, reporter_id, kind, note, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (post_id, reporter_id) WHERE status = 'received' DO NOTHING
       RETURNING id, kind, status, created_at AS "createdAt"`,
      [flag.postId, flag.reporterId, flag.kind, flag.note, flag.createdAt],
    );
    return rows[0] ?? null;
  }

  mine(reporterId: string): Promise<OwnFlagRecord[]> {
    return this.dataSource.query(
      `SELECT f.id, f.kind, f.note, f.status, f.post_id AS "postId", p.topic_id AS "topicId", f.created_at AS "createdAt",
         f.resolved_at AS "resolvedAt"
       FROM post_flag f JOIN post p ON p.id = f.post_id WHERE f.reporter_id = $1 ORDER BY f.created_at DESC, f.id`,
      [reporterId],
    );
  }

  async facilitatesAnySpace(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM space_facilitator WHERE user_id = $1 LIMIT 1', [userId]);
    return rows.length > 0;
  }

  async schoolOfSpace(spaceId: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT ${SCHOOL_OF_SPACE} AS "schoolId" FROM space s WHERE s.id = $1`, [spaceId]);
    return rows[0]?.schoolId ?? null;
  }

  /**
   * Open flags the reviewer may act on: every flag in spaces they moderate, harm reports in their school's
   * spaces when they lead it. Flags on the reviewer's own posts never appear: an author does not learn of them.
   */
  openFlags(reviewer: Reviewer, spaceId: string | null): Promise<OpenFlagRecord[]> {
    return this.dataSource.query(
      `WITH ${REVIEW_SPACES}
       SELECT ${REVIEW_POST_COLUMNS}, f.id, f.kind, f.note, f.reporter_id AS "reporterId", ru.display_name AS "reporterName",
         f.created_at AS "createdAt"
       FROM post_flag f JOIN post p ON p.id = f.post_id JOIN topic t ON t.id = p.topic_id
       JOIN review_space rs ON rs.id = t.space_id JOIN app_user au ON au.id = p.author_id JOIN app_user ru ON ru.id = f.reporter_id
       WHERE f.status = 'received' AND p.author_id <> $1 AND (rs.moderates OR (f.kind = 'harm' AND rs.school_id = $4::uuid))
       ORDER BY f.created_at, f.id LIMIT ${QUEUE_LIMIT}`,
      [reviewer.userId, reviewer.isAdmin, spaceId, reviewer.leadOfSchoolId],
    );
  }

  /** Posts awaiting approval in spaces the reviewer moderates. */
  pendingPosts(reviewer: Reviewer, spaceId: string | null): Promise<ReviewPostRecord[]> {
    return this.dataSource.query(
      `WITH ${REVIEW_SPACES}
       SELECT ${REVIEW_POST_COLUMNS}
       FROM post p JOIN topic t ON t.id = p.topic_id JOIN review_space rs ON rs.id = t.space_id
       JOIN app_user au ON au.id = p.author_id
       WHERE p.status = 'pending' AND rs.moderates AND p.author_id <> $1
       ORDER BY p.created_at, p.id LIMIT ${QUEUE_LIMIT}`,
      [reviewer.userId, reviewer.isAdmin, spaceId],
    );
  }

  async reviewFacts(flagId: string, reviewer: Reviewer): Promise<FlagReviewFacts | null> {
    const rows = await this.dataSource.query(
      `WITH ${REVIEW_SPACES}
       SELECT f.id, f.kind, f.status, f.post_id AS "postId", p.author_id AS "authorId", t.space_id AS "spaceId",
         rs.scope_key AS "scopeKey", rs.school_id AS "schoolId", rs.moderates
       FROM post_flag f JOIN post p ON p.id = f.post_id JOIN topic t ON t.id = p.topic_id JOIN review_space rs ON rs.id = t.space_id
       WHERE f.id = $4`,
      [reviewer.userId, reviewer.isAdmin, null, flagId],
    );
    return rows[0] ?? null;
  }

  /** Resolves open flags; returns the ids it changed. */
  async resolve(
    where: { flagId: string } | { postId: string },
    status: Exclude<FlagStatus, 'received'>,
    resolvedById: string,
    at: Date,
    manager: EntityManager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from the driver as [rows, count].
      `WITH changed AS (UPDATE post_flag SET status = $2, resolved_by_id = $3, resolved_at = $4
         WHERE ${'flagId' in where ? 'id' : 'post_id'} = $1 AND status = 'received' RETURNING id)
       SELECT id FROM changed ORDER BY id`,
      ['flagId' in where ? where.flagId : where.postId, status, resolvedById, at],
    );
    return rows.map((row) => row.id);
  }
}
