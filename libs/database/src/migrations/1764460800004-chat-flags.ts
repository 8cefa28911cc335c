import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flags and harm reports on dialogue-room messages, routed like the forum's. */
export class ChatFlags1764460800004 implements MigrationInterface {
  name = 'ChatFlags1764460800004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE chat_message_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES chat_message(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('spam', 'off_topic', 'harm')),
        note text CHECK (length(note) <= 1000),
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reviewed', 'action_taken')),
        resolved_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX chat_message_flag_open_key ON chat_message_flag (message_id, reporter_id) WHERE status = 'received';
      CREATE INDEX chat_message_flag_reporter_idx ON chat_message_flag (reporter_id, created_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE chat_message_flag');
  }
}
