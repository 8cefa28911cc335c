import { Injectable } from '@nestjs/common';
import type { ScopeSet } from '@app/identity';
import { DataSource } from 'typeorm';

export type SubscriptionLevel = 'watching' | 'tracking' | 'normal' | 'muted';
export type PersonalTarget = 'topic' | 'space';

export interface BookmarkRow {
  postId: string;
  reminderAt: Date | null;
  createdAt: Date;
}

export interface DraftRow {
  title: string | null;
  body: string;
  updatedAt: Date;
}

/** Keyset position over (created_at, id), newest first. */
export interface After {
  at: Date;
  id: string;
}

// Scope filtering in SQL keeps pages full in the common case; each row is still checked through PostService.
const READABLE_SPACE = '($2::boolean OR s.scope_key = ANY($3::text[]))';

/** One person's own forum state: bookmarks, subscription levels and drafts. Nobody else's rows are ever read. */
@Injectable()
export class PersonalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsertBookmark(userId: string, postId: string, reminderAt: Date | null, at: Date): Promise<BookmarkRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO bookmark (user_id, post_id, reminder_at, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, post_id) DO UPDATE SET reminder_at = EXCLUDED.reminder_at
       RETURNING post_id AS "postId", reminder_at AS "reminderAt", created_at AS "createdAt"`,
      [userId, postId, reminderAt, at],
    );
    return row;
  }

  async deleteBookmark(userId: string, postId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM bookmark WHERE user_id = $1 AND post_id = $2', [userId, postId]);
  }

  bookmarks(userId: string, scopes: ScopeSet, after: After | undefined, limit: number): Promise<BookmarkRow[]> {
    const params: unknown[] = [userId, scopes.everything, scopes.keys, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = 'AND (b.created_at, b.post_id) < ($5, $6)';
    }
    return this.dataSource.query(
      `SELECT b.post_id AS "postId", b.reminder_at AS "reminderAt", b.created_at AS "createdAt"
       FROM bookmark b JOIN post p ON p.id = b.post_id JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id
       WHERE b.user_id = $1 AND ${READABLE_SPACE} ${keyset}
       ORDER BY b.created_at DESC, b.post_id DESC LIMIT $4`,
      params,
    );
  }

  /** This person's posts in readable spaces, newest first; posts they deleted are left out. */
  postsBy(userId: string, scopes: ScopeSet, after: After | undefined, limit: number): Promise<{ id: string; createdAt: Date }[]> {
    const params: unknown[] = [userId, scopes.everything, scopes.keys, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = 'AND (p.created_at, p.id) < ($5, $6)';
    }
    return this.dataSource.query(
      `SELECT p.id, p.created_at AS "createdAt"
       FROM post p JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id
       WHERE p.author_id = $1 AND p.status <> 'deleted' AND ${READABLE_SPACE} ${keyset}
       ORDER BY p.created_at DESC, p.id DESC LIMIT $4`,
      params,
    );
  }

  async subscription(userId: string, type: PersonalTarget, targetId: string): Promise<SubscriptionLevel | null> {
    const rows = await this.dataSource.query(
      'SELECT level FROM subscription WHERE user_id = $1 AND target_type = $2 AND target_id = $3',
      [userId, type, targetId],
    );
    return rows[0]?.level ?? null;
  }

  async setSubscription(
    userId: string,
    type: PersonalTarget,
    targetId: string,
    level: SubscriptionLevel,
    at: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO subscription (user_id, target_type, target_id, level, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, target_type, target_id) DO UPDATE SET level = EXCLUDED.level, updated_at = EXCLUDED.updated_at`,
      [userId, type, targetId, level, at],
    );
  }

  async hasPostedIn(userId: string, topicId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM post WHERE author_id = $1 AND topic_id = $2 LIMIT 1', [
      userId,
      topicId,
    ]);
    return rows.length > 0;
  }

  async draft(userId: string, type: PersonalTarget, targetId: string): Promise<DraftRow | null> {
    const rows = await this.dataSource.query(
      `SELECT title, body, updated_at AS "updatedAt" FROM draft WHERE user_id = $1 AND target_type = $2 AND target_id = $3`,
      [userId, type, targetId],
    );
    return rows[0] ?? null;
  }

  async saveDraft(
    userId: string,
    type: PersonalTarget,
    targetId: string,
    draft: { title: string | null; body: string },
    at: Date,
  ): Promise<DraftRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO draft (user_id, target_type, target_id, title, body, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, target_type, target_id) DO UPDATE
         SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
       RETURNING title, body, updated_at AS "updatedAt"`,
      [userId, type, targetId, draft.title, draft.body, at],
    );
    return row;
  }

  async deleteDraft(userId: string, type: PersonalTarget, targetId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM draft WHERE user_id = $1 AND target_type = $2 AND target_id = $3', [
      userId,
      type,
      targetId,
    ]);
  }

  async setAnswer(topicId: string, postNumber: number | null): Promise<void> {
    await this.dataSource.query('UPDATE topic SET answer_post_number = $2 WHERE id = $1', [topicId, postNumber]);
  }
}
