import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PostFacts {
  postId: string;
  topicId: string;
  postNumber: number;
  topicTitle: string;
  spaceId: string;
  scopeKey: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  pseudonymNumber: number | null;
  source: string;
  replyToPostNumber: number | null;
  topicAuthorId: string;
}

export interface DueReminder {
  userId: string;
  postId: string;
  reminderAt: Date;
  topicId: string;
  postNumber: number;
  topicTitle: string;
  scopeKey: string;
  visible: boolean;
}

/** What the notifier needs to know about forum events, read when the job runs (never from the job's payload). */
@Injectable()
export class ForumNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A visible post in a topic that still exists; null otherwise (deleted or hidden since: tell nobody). */
  async visiblePost(postId: string): Promise<PostFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT p.id AS "postId", p.topic_id AS "topicId", p.post_number AS "postNumber", t.title AS "topicTitle",
              t.space_id AS "spaceId", s.scope_key AS "scopeKey", p.author_id AS "authorId", u.display_name AS "authorName",
              p.anonymous, p.pseudonym_number AS "pseudonymNumber", p.source, p.reply_to_post_number AS "replyToPostNumber",
              t.author_id AS "topicAuthorId"
         FROM post p JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id JOIN app_user u ON u.id = p.author_id
        WHERE p.id = $1 AND p.status = 'visible'`,
      [postId],
    );
    return row ?? null;
  }

  /** Authors of visible posts of one topic, by post number. */
  async authorsOf(topicId: string, postNumbers: readonly number[]): Promise<string[]> {
    if (postNumbers.length === 0) return [];
    const rows: { authorId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT author_id AS "authorId" FROM post WHERE topic_id = $1 AND post_number = ANY($2::int[]) AND status = 'visible'`,
      [topicId, postNumbers],
    );
    return rows.map((r) => r.authorId);
  }

  async idsByHandles(handles: readonly string[]): Promise<string[]> {
    if (handles.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM app_user WHERE handle = ANY($1::text[]) AND status = 'active'`,
      [handles],
    );
    return rows.map((r) => r.id);
  }

  /** People watching the topic, and, for a new topic, people watching its space. */
  async watchers(topicId: string, spaceId: string | null): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id AS "userId" FROM subscription
        WHERE level = 'watching' AND ((target_type = 'topic' AND target_id = $1) OR (target_type = 'space' AND target_id = $2::uuid))`,
      [topicId, spaceId],
    );
    return rows.map((r) => r.userId);
  }

  async displayName(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT display_name AS name FROM app_user WHERE id = $1', [userId]);
    return row?.name ?? null;
  }

  /** A topic's answer, if one is marked: its author and number. */
  async answer(topicId: string): Promise<{ topicTitle: string; scopeKey: string; topicAuthorId: string; postNumber: number; answerAuthorId: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT t.title AS "topicTitle", s.scope_key AS "scopeKey", t.author_id AS "topicAuthorId",
              p.post_number AS "postNumber", p.author_id AS "answerAuthorId"
         FROM topic t JOIN space s ON s.id = t.space_id
         JOIN post p ON p.topic_id = t.id AND p.post_number = t.answer_post_number AND p.status = 'visible'
        WHERE t.id = $1`,
      [topicId],
    );
    return row ?? null;
  }

  /** A harm report on a post: who made it and where (the topic's title and scope). */
  async postFlag(flagId: string): Promise<{ reporterId: string; topicId: string; topicTitle: string; scopeKey: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT f.reporter_id AS "reporterId", t.id AS "topicId", t.title AS "topicTitle", s.scope_key AS "scopeKey"
         FROM post_flag f JOIN post p ON p.id = f.post_id JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id
        WHERE f.id = $1`,
      [flagId],
    );
    return row ?? null;
  }

  /**
   * Bookmarks whose reminder is due, oldest first, with the post's place and whether it is still visible. The
   * person's access is checked by the caller, at delivery.
   */
  dueReminders(now: Date, limit: number): Promise<DueReminder[]> {
    return this.dataSource.query(
      `SELECT b.user_id AS "userId", b.post_id AS "postId", b.reminder_at AS "reminderAt", p.topic_id AS "topicId",
              p.post_number AS "postNumber", t.title AS "topicTitle", s.scope_key AS "scopeKey", (p.status = 'visible') AS visible
         FROM bookmark b JOIN post p ON p.id = b.post_id JOIN topic t ON t.id = p.topic_id JOIN space s ON s.id = t.space_id
        WHERE b.reminder_at <= $1 ORDER BY b.reminder_at, b.user_id, b.post_id LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * A reminder is a moment, not a standing order: once told (or not tellable), it is done, unless the person set a
   * new one since. Compared to the millisecond, as `reminderAt` came back through a JavaScript Date.
   */
  async clearReminder(userId: string, postId: string, reminderAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE bookmark SET reminder_at = NULL WHERE user_id = $1 AND post_id = $2 AND date_trunc('milliseconds', reminder_at) = $3`,
      [userId, postId, reminderAt],
    );
  }
}
