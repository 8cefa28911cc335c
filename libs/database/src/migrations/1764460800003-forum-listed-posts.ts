import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A post awaiting approval exists only for its author and the facilitators. Counting it in a topic's reply
 * count, last post number (unread counts) or activity time told every reader that something was waiting.
 * Those now follow listed posts only; approval brings the post into them.
 */
export class ForumListedPosts1764460800003 implements MigrationInterface {
  name = 'ForumListedPosts1764460800003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE topic ADD COLUMN last_listed_post_number integer NOT NULL DEFAULT 0;
      UPDATE topic SET
        last_listed_post_number = COALESCE((SELECT max(post_number) FROM post WHERE post.topic_id = topic.id AND post.status <> 'pending'), 0),
        post_count = (SELECT count(*) FROM post WHERE post.topic_id = topic.id AND post.status <> 'pending')
      WHERE EXISTS (SELECT 1 FROM post WHERE post.topic_id = topic.id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE topic DROP COLUMN last_listed_post_number');
  }
}
