import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A space's topic count is what its readers can see in its lists: unlisted and archived topics, and topics whose
 * first post awaits approval, no longer count (a count that moved when someone's topic went to review told peers
 * it existed). The application keeps it in step from here on.
 */
export class SpaceListedTopicCount1764460800005 implements MigrationInterface {
  name = 'SpaceListedTopicCount1764460800005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE space SET topic_count = (
        SELECT count(*) FROM topic t
        WHERE t.space_id = space.id AND NOT t.unlisted AND NOT t.archived
          AND NOT EXISTS (SELECT 1 FROM post p WHERE p.topic_id = t.id AND p.post_number = 1 AND p.status = 'pending'))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('UPDATE space SET topic_count = (SELECT count(*) FROM topic WHERE topic.space_id = space.id)');
  }
}
