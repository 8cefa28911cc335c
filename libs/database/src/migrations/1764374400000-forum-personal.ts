import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bookmarks, subscriptions, drafts and topic answers. */
export class ForumPersonal1764374400000 implements MigrationInterface {
  name = 'ForumPersonal1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bookmark (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        reminder_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, post_id)
      );
      CREATE INDEX bookmark_user_latest_idx ON bookmark (user_id, created_at DESC, post_id DESC);
      CREATE INDEX bookmark_reminder_idx ON bookmark (reminder_at) WHERE reminder_at IS NOT NULL;

      -- target_id is a topic or a space, so it carries no foreign key; rows are removed with the person.
      CREATE TABLE subscription (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('topic', 'space')),
        target_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('watching', 'tracking', 'normal', 'muted')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_type, target_id)
      );
      CREATE INDEX subscription_target_idx ON subscription (target_type, target_id, level);

      -- A reply draft per person per topic, and a new-topic draft per person per space.
      CREATE TABLE draft (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('topic', 'space')),
        target_id uuid NOT NULL,
        title text CHECK (title IS NULL OR length(title) <= 200),
        body text NOT NULL CHECK (octet_length(body) <= 65536),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_type, target_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE draft, subscription, bookmark;');
  }
}
