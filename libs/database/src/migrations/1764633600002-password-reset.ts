import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets: one row per emailed link. Only the token's hash is stored; a row is used once, and confirming
 * one marks every other open row of that person used, so an older email in the inbox cannot be replayed.
 */
export class PasswordReset1764633600002 implements MigrationInterface {
  name = 'PasswordReset1764633600002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX password_reset_token_key ON password_reset (token_hash);
      -- Counting a person's recent requests and closing their open ones.
      CREATE INDEX password_reset_open_idx ON password_reset (user_id, created_at DESC) WHERE used_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE password_reset');
  }
}
