import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleFacts } from '../policy';
import { ARTICLE_DUE } from './article.repository';

export interface ReviewRequestFacts {
  title: string;
  /** What KnowledgePolicy.canRead needs, as the article is now (a reviewer unassigned since is no longer one). */
  article: ArticleFacts;
  assignedAt: Date;
  assignerName: string | null;
}

export interface DueArticle {
  id: string;
  title: string;
  scopeKey: string;
  ownerId: string;
  /** The verification this period counts from: a new verification starts a new period. */
  verifiedAt: Date;
}

/** What the notifier needs to know about knowledge events, read when the job runs (never from the job's payload). */
@Injectable()
export class KnowledgeNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A review still requested of this person, with the article's facts; null once they were unassigned. */
  async reviewRequest(articleId: string, reviewerId: string): Promise<ReviewRequestFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.title, a.scope_key AS "scopeKey", a.status, a.owner_id AS "ownerId", (o.status <> 'active') AS "ownerGone",
              ARRAY(SELECT c.user_id FROM kb_article_coauthor c WHERE c.article_id = a.id) AS "coauthorIds",
              ARRAY(SELECT x.reviewer_id FROM kb_review x WHERE x.article_id = a.id) AS "reviewerIds",
              r.assigned_at AS "assignedAt", u.display_name AS "assignerName"
         FROM kb_review r JOIN kb_article a ON a.id = r.article_id JOIN app_user o ON o.id = a.owner_id
         LEFT JOIN app_user u ON u.id = r.assigned_by_id
        WHERE r.article_id = $1 AND r.reviewer_id = $2`,
      [articleId, reviewerId],
    );
    if (!row) return null;
    return {
      title: row.title,
      assignedAt: row.assignedAt,
      assignerName: row.assignerName,
      article: {
        scopeKey: row.scopeKey,
        status: row.status,
        ownerId: row.ownerId,
        ownerGone: row.ownerGone,
        coauthors: (row.coauthorIds as string[]).map((id) => ({ id })),
        reviewerIds: row.reviewerIds,
      },
    };
  }

  /** Published articles past their verification interval (ARTICLE_DUE, the one definition), a page at a time by id. */
  dueArticles(afterId: string | null, limit: number): Promise<DueArticle[]> {
    return this.dataSource.query(
      `SELECT a.id, a.title, a.scope_key AS "scopeKey", a.owner_id AS "ownerId", a.verified_at AS "verifiedAt"
         FROM kb_article a WHERE ${ARTICLE_DUE} AND ($1::uuid IS NULL OR a.id > $1) ORDER BY a.id LIMIT $2`,
      [afterId, limit],
    );
  }
}
