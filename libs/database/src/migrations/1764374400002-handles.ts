import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handles for @mentions: lower-case, 2–30 of [a-z0-9_.-], unique. Every insert path (invitations, seeds,
 * imports) gets one from the email's local part when it brings none, so no caller can forget it.
 */
export class Handles1764374400002 implements MigrationInterface {
  name = 'Handles1764374400002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user ADD COLUMN handle text CHECK (handle ~ '^[a-z0-9_.-]{2,30}$');

      CREATE FUNCTION app_user_default_handle() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        base text;
        candidate text;
        suffix integer := 1;
      BEGIN
        IF NEW.handle IS NOT NULL THEN
          RETURN NEW;
        END IF;
        base := left(lower(regexp_replace(split_part(NEW.email, '@', 1), '[^a-zA-Z0-9_.-]', '', 'g')), 24);
        IF length(base) < 2 THEN
          base := 'member';
        END IF;
        candidate := base;
        WHILE EXISTS (SELECT 1 FROM app_user WHERE handle = candidate) LOOP
          suffix := suffix + 1;
          candidate := base || suffix;
        END LOOP;
        NEW.handle := candidate;
        RETURN NEW;
      END $$;

      CREATE TRIGGER app_user_handle BEFORE INSERT ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_default_handle();

      -- Existing people, oldest first, get the same treatment as new ones.
      DO $$
      DECLARE person record;
      BEGIN
        FOR person IN SELECT id, email FROM app_user WHERE handle IS NULL ORDER BY created_at, id LOOP
          UPDATE app_user SET handle = (
            WITH base AS (
              SELECT CASE WHEN length(b) >= 2 THEN b ELSE 'member' END AS b
              FROM (SELECT left(lower(regexp_replace(split_part(person.email, '@', 1), '[^a-zA-Z0-9_.-]', '', 'g')), 24) AS b) raw
            )
            SELECT candidate FROM base, LATERAL (
              SELECT CASE WHEN n = 1 THEN base.b ELSE base.b || n END AS candidate FROM generate_series(1, 100000) n
            ) options
            WHERE NOT EXISTS (SELECT 1 FROM app_user taken WHERE taken.handle = options.candidate)
            LIMIT 1
          ) WHERE id = person.id;
        END LOOP;
      END $$;

      ALTER TABLE app_user ALTER COLUMN handle SET NOT NULL;
      CREATE UNIQUE INDEX app_user_handle_key ON app_user (handle);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER app_user_handle ON app_user;
      DROP FUNCTION app_user_default_handle();
      ALTER TABLE app_user DROP COLUMN handle;
    `);
  }
}
