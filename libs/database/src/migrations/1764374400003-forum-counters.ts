import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the forum's hot paths need at a million posts: a kept topic counter per space (counting on every
 * read cost ~30 ms in a busy space), and an index that answers "is this topic's first post pending?"
 * without scanning posts, and the few pinned topics of a space without walking all of them.
 */
export class ForumCounters1764374400003 implements MigrationInterface {
  name = 'ForumCounters1764374400003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE space ADD COLUMN topic_count integer NOT NULL DEFAULT 0;
      UPDATE space SET topic_count = (SELECT count(*) FROM topic WHERE topic.space_id = space.id);
      CREATE INDEX post_first_pending_idx ON post (topic_id) WHERE post_number = 1 AND status = 'pending';
      CREATE INDEX topic_pinned_idx ON topic (space_id, bumped_at DESC) WHERE pinned <> 'none';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX topic_pinned_idx;
      DROP INDEX post_first_pending_idx;
      ALTER TABLE space DROP COLUMN topic_count;
    `);
  }
}
