import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';
import type { ArticleStage, ArticleStatus, ArticleType } from '../policy';

export interface Attachment {
  kind: 'video' | 'document' | 'link';
  title: string;
  url: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface ArticleRecord {
  id: string;
  title: string;
  summary: string;
  body: string;
  html: string;
  rendererVersion: number;
  type: ArticleType;
  phases: number[];
  tags: string[];
  scopeKey: ScopeKey;
  spaceId: string | null;
  ownerId: string;
  ownerName: string;
  ownerGone: boolean;
  coauthors: PersonRef[];
  reviewerIds: string[];
  attachments: Attachment[];
  status: ArticleStatus;
  verificationIntervalDays: number;
  verifiedAt: Date | null;
  /** When verification falls due: `verifiedAt` plus the interval. */
  dueAt: Date | null;
  /** Published and past `dueAt` by the database's clock: "needs review". */
  due: boolean;
  publishedAt: Date | null;
  archivedAt: Date | null;
  revision: number;
  capturedFromKind: 'topic' | 'chat_session' | 'application' | null;
  capturedFromId: string | null;
  viewCount: number;
  appliedCount: number;
  helpfulYes: number;
  helpfulNo: number;
  lastViewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable text of an article: what a revision keeps. */
export interface ArticleContent {
  title: string;
  summary: string;
  body: string;
  type: ArticleType;
  phases: number[];
  tags: string[];
  attachments: Attachment[];
}

export interface NewArticle extends ArticleContent {
  html: string;
  rendererVersion: number;
  scopeKey: ScopeKey;
  spaceId: string | null;
  ownerId: string;
  verificationIntervalDays: number;
  capturedFromKind: ArticleRecord['capturedFromKind'];
  capturedFromId: string | null;
}

/** A published article is due for verification: the one definition the queue, lists, search and dashboard share. */
export const ARTICLE_DUE = `(a.status = 'published' AND a.verified_at + make_interval(days => a.verification_interval_days) <= now())`;

/** Each stage of the cycle as a condition on `a`: the lists, the dashboard and search select stages by these. */
export const ARTICLE_STAGE_SQL: Record<ArticleStage, string> = {
  draft: `a.status = 'draft'`,
  in_review: `a.status = 'in_review'`,
  published: `(a.status = 'published' AND NOT ${ARTICLE_DUE})`,
  needs_review: ARTICLE_DUE,
  archived: `a.status = 'archived'`,
};

export const ARTICLE_COLUMNS = `a.id, a.title, a.summary, a.body, a.html, a.renderer_version AS "rendererVersion", a.type,
  a.phases::int[] AS phases, a.tags, a.scope_key AS "scopeKey", a.space_id AS "spaceId", a.owner_id AS "ownerId",
  o.display_name AS "ownerName", (o.status <> 'active') AS "ownerGone",
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id)
    FROM kb_article_coauthor c JOIN app_user u ON u.id = c.user_id WHERE c.article_id = a.id), '[]') AS coauthors,
  ARRAY(SELECT r.reviewer_id FROM kb_review r WHERE r.article_id = a.id) AS "reviewerIds",
  a.attachments, a.status, a.verification_interval_days AS "verificationIntervalDays", a.verified_at AS "verifiedAt",
  a.verified_at + make_interval(days => a.verification_interval_days) AS "dueAt", ${ARTICLE_DUE} AS due, a.published_at AS "publishedAt",
  a.archived_at AS "archivedAt", a.revision, a.captured_from_kind AS "capturedFromKind", a.captured_from_id AS "capturedFromId",
  a.view_count AS "viewCount", a.applied_count AS "appliedCount", a.helpful_yes AS "helpfulYes", a.helpful_no AS "helpfulNo",
  a.last_viewed_at AS "lastViewedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export const ARTICLE_FROM = 'kb_article a JOIN app_user o ON o.id = a.owner_id';

/** Articles, their co-authors and revisions. Reads that list articles live in ArticleListRepository. */
@Injectable()
export class ArticleRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<ArticleRecord | null> {
    const rows: ArticleRecord[] = await this.db(manager).query(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the article's row for a change that reads before it writes (a transition, a revision number). */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM kb_article WHERE id = $1 FOR UPDATE', [id]);
  }

  async create(article: NewArticle, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO kb_article (title, summary, body, html, renderer_version, type, phases, tags, scope_key, space_id, owner_id,
         attachments, verification_interval_days, captured_from_kind, captured_from_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::smallint[], $8, $9, $10, $11, $12::jsonb, $13, $14, $15) RETURNING id`,
      [
        article.title,
        article.summary,
        article.body,
        article.html,
        article.rendererVersion,
        article.type,
        article.phases,
        article.tags,
        article.scopeKey,
        article.spaceId,
        article.ownerId,
        JSON.stringify(article.attachments),
        article.verificationIntervalDays,
        article.capturedFromKind,
        article.capturedFromId,
      ],
    );
    await this.addRevision(row.id, 1, article, article.ownerId, null, manager);
    return row.id as string;
  }

  /**
   * Saves new content as the next revision. A published article that is updated counts as verified now: its owner
   * looked at it and changed what needed changing.
   */
  async saveContent(id: string, content: ArticleContent & { html: string; rendererVersion: number }, authorId: string, note: string | null, manager: EntityManager) {
    // UPDATE … RETURNING answers [rows, count].
    const [[row]] = await manager.query(
      `UPDATE kb_article SET title = $2, summary = $3, body = $4, html = $5, renderer_version = $6, type = $7, phases = $8::smallint[],
         tags = $9, attachments = $10::jsonb, revision = revision + 1, updated_at = now(),
         verified_at = CASE WHEN status = 'published' THEN now() ELSE verified_at END
       WHERE id = $1 RETURNING revision`,
      [id, content.title, content.summary, content.body, content.html, content.rendererVersion, content.type, content.phases, content.tags, JSON.stringify(content.attachments)],
    );
    await this.addRevision(id, row.revision, content, authorId, note, manager);
    return row.revision as number;
  }

  /** Settings that are not content: no revision. */
  async saveSettings(id: string, settings: { spaceId?: string | null; verificationIntervalDays?: number; ownerId?: string }, manager: EntityManager) {
    await manager.query(
      `UPDATE kb_article SET space_id = CASE WHEN $2 THEN $3::uuid ELSE space_id END,
         verification_interval_days = COALESCE($4, verification_interval_days), owner_id = COALESCE($5, owner_id), updated_at = now()
       WHERE id = $1`,
      [id, settings.spaceId !== undefined, settings.spaceId ?? null, settings.verificationIntervalDays ?? null, settings.ownerId ?? null],
    );
  }

  async setCoauthors(id: string, userIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM kb_article_coauthor WHERE article_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [id, userIds]);
    await manager.query(
      'INSERT INTO kb_article_coauthor (article_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING',
      [id, userIds],
    );
  }

  /**
   * Moves an article from one of `from` to `to` in one statement, so two people acting at once cannot both move
   * it; false when it was no longer in one of `from`. Publishing and verifying set `verified_at`.
   */
  async transition(id: string, from: readonly ArticleStatus[], to: ArticleStatus, manager?: EntityManager): Promise<boolean> {
    const [, count] = await this.db(manager).query(
      `UPDATE kb_article SET status = $3, updated_at = now(),
         published_at = CASE WHEN $3 = 'published' AND status <> 'published' THEN now() ELSE published_at END,
         verified_at = CASE WHEN $3 = 'published' THEN now() ELSE verified_at END,
         archived_at = CASE WHEN $3 = 'archived' THEN now() ELSE NULL END
       WHERE id = $1 AND status = ANY($2::text[])`,
      [id, from, to],
    );
    return count === 1;
  }

  /** The owner (or a curator) looked and the article still holds: verified now, nothing else changes. */
  async verify(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`UPDATE kb_article SET verified_at = now() WHERE id = $1 AND status = 'published'`, [id]);
    return count === 1;
  }

  private async addRevision(id: string, revision: number, content: ArticleContent, authorId: string, note: string | null, manager: EntityManager) {
    await manager.query(
      `INSERT INTO kb_article_revision (article_id, revision, title, summary, body, type, phases, tags, attachments, author_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7::smallint[], $8, $9::jsonb, $10, $11)`,
      [id, revision, content.title, content.summary, content.body, content.type, content.phases, content.tags, JSON.stringify(content.attachments), authorId, note],
    );
  }

  revisions(id: string): Promise<(ArticleContent & { revision: number; authorId: string | null; authorName: string | null; note: string | null; createdAt: Date })[]> {
    return this.dataSource.query(
      `SELECT r.revision, r.title, r.summary, r.body, r.type, r.phases::int[] AS phases, r.tags, r.attachments, r.author_id AS "authorId",
         u.display_name AS "authorName", r.note, r.created_at AS "createdAt"
       FROM kb_article_revision r LEFT JOIN app_user u ON u.id = r.author_id
       WHERE r.article_id = $1 ORDER BY r.revision`,
      [id],
    );
  }
}
