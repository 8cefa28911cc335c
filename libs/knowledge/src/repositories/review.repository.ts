import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type ReviewDecision = 'approved' | 'changes_requested';

export interface ReviewRecord {
  reviewerId: string;
  reviewerName: string;
  assignedAt: Date;
  decision: ReviewDecision | null;
  decidedRevision: number | null;
  decidedAt: Date | null;
}

export interface ReviewCommentRecord {
  id: string;
  authorId: string | null;
  authorName: string | null;
  html: string;
  createdAt: Date;
}

/** Reviewers assigned to an article, their decisions (each on one revision) and the review conversation. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(articleId: string): Promise<ReviewRecord[]> {
    return this.dataSource.query(
      `SELECT r.reviewer_id AS "reviewerId", u.display_name AS "reviewerName", r.assigned_at AS "assignedAt", r.decision,
         r.decided_revision AS "decidedRevision", r.decided_at AS "decidedAt"
       FROM kb_review r JOIN app_user u ON u.id = r.reviewer_id WHERE r.article_id = $1 ORDER BY r.assigned_at, u.display_name`,
      [articleId],
    );
  }

  /** Adds reviewers (someone already assigned keeps their decision). */
  async assign(articleId: string, reviewerIds: readonly string[], assignedById: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO kb_review (article_id, reviewer_id, assigned_by_id) SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (article_id, reviewer_id) DO NOTHING`,
      [articleId, reviewerIds, assignedById],
    );
  }

  async unassign(articleId: string, reviewerId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query('DELETE FROM kb_review WHERE article_id = $1 AND reviewer_id = $2', [articleId, reviewerId]);
    return count === 1;
  }

  async decide(articleId: string, reviewerId: string, decision: ReviewDecision, revision: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE kb_review SET decision = $3, decided_revision = $4, decided_at = now() WHERE article_id = $1 AND reviewer_id = $2`,
      [articleId, reviewerId, decision, revision],
    );
  }

  /** Approvals given to exactly this revision: an approval of an earlier text does not carry over to a changed one. */
  async approvals(articleId: string, revision: number, manager?: EntityManager): Promise<number> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS n FROM kb_review WHERE article_id = $1 AND decision = 'approved' AND decided_revision = $2`,
      [articleId, revision],
    );
    return row.n;
  }

  async addComment(articleId: string, authorId: string, body: string, html: string): Promise<string> {
    const [row] = await this.dataSource.query(
      'INSERT INTO kb_review_comment (article_id, author_id, body, html) VALUES ($1, $2, $3, $4) RETURNING id',
      [articleId, authorId, body, html],
    );
    return row.id;
  }

  comments(articleId: string): Promise<ReviewCommentRecord[]> {
    return this.dataSource.query(
      `SELECT c.id, c.author_id AS "authorId", u.display_name AS "authorName", c.html, c.created_at AS "createdAt"
       FROM kb_review_comment c LEFT JOIN app_user u ON u.id = c.author_id WHERE c.article_id = $1 ORDER BY c.created_at, c.id`,
      [articleId],
    );
  }
}
