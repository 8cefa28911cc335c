import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's forum preferences. Content notes ("discusses racial violence") fold a topic's posts until the
 * reader opens them; each person chooses which: every topic with notes (the default, and the careful one),
 * only topics carrying notes they listed, or none.
 */
export class ForumPreferences1764460800001 implements MigrationInterface {
  name = 'ForumPreferences1764460800001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE forum_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        content_note_collapse text NOT NULL DEFAULT 'all' CHECK (content_note_collapse IN ('all', 'listed', 'none')),
        collapsed_content_notes text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE forum_preference');
  }
}
