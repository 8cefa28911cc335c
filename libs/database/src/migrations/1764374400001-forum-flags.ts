import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flags, harm reports and the facilitators' review queue. */
export class ForumFlags1764374400001 implements MigrationInterface {
  name = 'ForumFlags1764374400001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE post_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('spam', 'off_topic', 'harm')),
        note text CHECK (length(note) <= 1000),
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reviewed', 'action_taken')),
        resolved_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- One open flag per person per post; once resolved, the same person may flag the post again.
      CREATE UNIQUE INDEX post_flag_open_key ON post_flag (post_id, reporter_id) WHERE status = 'received';
      CREATE INDEX post_flag_reporter_idx ON post_flag (reporter_id, created_at DESC);
      CREATE INDEX post_flag_open_idx ON post_flag (created_at) WHERE status = 'received';
      CREATE INDEX post_pending_idx ON post (created_at) WHERE status = 'pending';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX post_pending_idx;
      DROP TABLE post_flag;
    `);
  }
}
