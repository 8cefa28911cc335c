import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Schools, cohorts, groups, people, invitations, sessions, API tokens, audit log and sign-in throttling. */
export class Identity1764201600000 implements MigrationInterface {
  name = 'Identity1764201600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX institution_slug_key ON institution (slug);
      CREATE UNIQUE INDEX institution_name_key ON institution (lower(name));

      CREATE TABLE cohort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        program_year integer NOT NULL CHECK (program_year BETWEEN 2000 AND 2100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX cohort_name_key ON cohort (institution_id, lower(name));

      CREATE TABLE "group" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid REFERENCES institution(id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('guiding_coalition', 'learning_lab', 'other')),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX group_name_key ON "group" (coalesce(institution_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        password_hash text,
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
        pronouns text NOT NULL DEFAULT '',
        school_role text CHECK (school_role IN ('student', 'staff', 'faculty', 'leadership')),
        bio text NOT NULL DEFAULT '',
        expertise text[] NOT NULL DEFAULT '{}',
        platform_role text NOT NULL DEFAULT 'member' CHECK (platform_role IN ('admin', 'facilitator', 'member')),
        institution_id uuid REFERENCES institution(id) ON DELETE RESTRICT,
        school_lead boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT school_lead_needs_school CHECK (NOT school_lead OR institution_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
      CREATE INDEX app_user_institution_idx ON app_user (institution_id);
      CREATE INDEX app_user_directory_idx ON app_user (lower(display_name), id);
      CREATE INDEX app_user_expertise_idx ON app_user USING gin (expertise);

      CREATE TABLE cohort_member (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      );
      CREATE INDEX cohort_member_user_idx ON cohort_member (user_id);

      CREATE TABLE group_member (
        group_id uuid NOT NULL REFERENCES "group"(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_member_user_idx ON group_member (user_id);

      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL DEFAULT '',
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        cohort_id uuid REFERENCES cohort(id) ON DELETE SET NULL,
        school_role text CHECK (school_role IN ('student', 'staff', 'faculty', 'leadership')),
        platform_role text NOT NULL DEFAULT 'member' CHECK (platform_role IN ('admin', 'facilitator', 'member')),
        school_lead boolean NOT NULL DEFAULT false,
        token_hash text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked')),
        invited_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        accepted_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX invitation_token_key ON invitation (token_hash);
      CREATE UNIQUE INDEX invitation_one_pending_per_email ON invitation (email) WHERE status = 'pending';
      CREATE INDEX invitation_institution_idx ON invitation (institution_id, created_at DESC);

      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      );
      CREATE UNIQUE INDEX user_session_token_key ON user_session (token_hash);
      CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX api_token_token_key ON api_token (token_hash);
      CREATE INDEX api_token_user_idx ON api_token (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        reason text,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_entry_target_idx ON audit_entry (target_type, target_id, created_at DESC);

      -- One row per failed sign-in; counted over a sliding window per account and per address.
      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        subject text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failure_subject_idx ON login_failure (subject, failed_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE login_failure, audit_entry, api_token, user_session, invitation, group_member, cohort_member,
        app_user, "group", cohort, institution;
    `);
  }
}
