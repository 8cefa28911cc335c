import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ApplicationRecord {
  userId: string;
  displayName: string;
  story: string | null;
  storyHtml: string | null;
  storyArticleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What readers do with an article: "I applied this" (once per person, with an optional story), helpful votes
 * (one per person, changeable) and views (one per person per day). The article row keeps the counts, changed in
 * the same statement as the row that justifies them.
 */
@Injectable()
export class EngagementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records or updates the person's application; true when it is their first for this article. */
  async apply(articleId: string, userId: string, story: string | null, storyHtml: string | null): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `WITH saved AS (
         INSERT INTO kb_application (article_id, user_id, story, story_html) VALUES ($1, $2, $3, $4)
         ON CONFLICT (article_id, user_id) DO UPDATE SET story = EXCLUDED.story, story_html = EXCLUDED.story_html, updated_at = now()
         RETURNING (xmax = 0) AS inserted
       ), counted AS (
         UPDATE kb_article SET applied_count = applied_count + 1 WHERE id = $1 AND (SELECT inserted FROM saved)
       )
       SELECT inserted FROM saved`,
      [articleId, userId, story, storyHtml],
    );
    return row.inserted;
  }

  async withdraw(articleId: string, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM kb_application WHERE article_id = $1 AND user_id = $2 RETURNING 1),
       counted AS (UPDATE kb_article SET applied_count = applied_count - (SELECT count(*) FROM gone) WHERE id = $1)
       SELECT count(*)::int AS n FROM gone`,
      [articleId, userId],
    );
    return row.n === 1;
  }

  application(articleId: string, userId: string): Promise<ApplicationRecord | null> {
    return this.applications(articleId, userId).then((rows) => rows[0] ?? null);
  }

  /** Applications of an article, newest first; with `userId`, only that person's. */
  applications(articleId: string, userId?: string): Promise<ApplicationRecord[]> {
    return this.dataSource.query(
      `SELECT a.user_id AS "userId", u.display_name AS "displayName", a.story, a.story_html AS "storyHtml",
         a.story_article_id AS "storyArticleId", a.created_at AS "createdAt", a.updated_at AS "updatedAt"
       FROM kb_application a JOIN app_user u ON u.id = a.user_id
       WHERE a.article_id = $1 AND ($2::uuid IS NULL OR a.user_id = $2) ORDER BY a.created_at DESC, a.user_id LIMIT 200`,
      [articleId, userId ?? null],
    );
  }

  async linkStoryArticle(articleId: string, userId: string, storyArticleId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE kb_application SET story_article_id = $3 WHERE article_id = $1 AND user_id = $2', [articleId, userId, storyArticleId]);
  }

  /** Sets (or with null, withdraws) the person's vote, keeping the article's two counters in step. */
  async vote(articleId: string, userId: string, helpful: boolean | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [previous] = await manager.query(
        'DELETE FROM kb_helpful_vote WHERE article_id = $1 AND user_id = $2 RETURNING helpful',
        [articleId, userId],
      );
      if (helpful !== null) {
        await manager.query('INSERT INTO kb_helpful_vote (article_id, user_id, helpful) VALUES ($1, $2, $3)', [articleId, userId, helpful]);
      }
      const was = previous[0]?.helpful as boolean | undefined;
      const yes = (helpful === true ? 1 : 0) - (was === true ? 1 : 0);
      const no = (helpful === false ? 1 : 0) - (was === false ? 1 : 0);
      if (yes || no) {
        await manager.query('UPDATE kb_article SET helpful_yes = helpful_yes + $2, helpful_no = helpful_no + $3 WHERE id = $1', [articleId, yes, no]);
      }
    });
  }

  async myVote(articleId: string, userId: string): Promise<boolean | null> {
    const [row] = await this.dataSource.query('SELECT helpful FROM kb_helpful_vote WHERE article_id = $1 AND user_id = $2', [articleId, userId]);
    return row ? row.helpful : null;
  }

  /** Counts a view once per person per day (the day in UTC). */
  async recordView(articleId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `WITH seen AS (
         INSERT INTO kb_article_view (article_id, user_id, day) VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date)
         ON CONFLICT DO NOTHING RETURNING 1
       )
       UPDATE kb_article SET view_count = view_count + 1, last_viewed_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM seen)`,
      [articleId, userId],
    );
  }
}
