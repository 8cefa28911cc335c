import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Forum core: spaces with agreements and facilitators, topics, posts with revisions, pseudonyms, reactions, read state. */
export class Forum1764288000000 implements MigrationInterface {
  name = 'Forum1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        scope_key text NOT NULL CHECK (scope_key ~ '^(consortium|(inst|cohort|group):[0-9a-f-]{36})$'),
        parent_id uuid REFERENCES space(id) ON DELETE RESTRICT,
        phase smallint CHECK (phase BETWEEN 1 AND 6),
        who_may_start text NOT NULL DEFAULT 'everyone' CHECK (who_may_start IN ('everyone', 'facilitators')),
        allow_anonymous boolean NOT NULL DEFAULT false,
        slow_mode_seconds integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 86400),
        first_posts_need_approval boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX space_slug_key ON space (slug);
      CREATE INDEX space_scope_idx ON space (scope_key);

      CREATE TABLE space_facilitator (
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      );

      CREATE TABLE space_agreement (
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        body text NOT NULL CHECK (length(btrim(body)) >= 1),
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, version)
      );

      CREATE TABLE agreement_acceptance (
        space_id uuid NOT NULL,
        version integer NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id, version),
        FOREIGN KEY (space_id, version) REFERENCES space_agreement(space_id, version) ON DELETE CASCADE
      );

      CREATE TABLE topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE RESTRICT,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        anonymous boolean NOT NULL DEFAULT false,
        kind text NOT NULL DEFAULT 'discussion' CHECK (kind IN ('discussion', 'question')),
        tags text[] NOT NULL DEFAULT '{}',
        phase smallint CHECK (phase BETWEEN 1 AND 6),
        content_notes text[] NOT NULL DEFAULT '{}',
        pinned text NOT NULL DEFAULT 'none' CHECK (pinned IN ('none', 'space', 'global')),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'slow', 'paused', 'closed')),
        slow_mode_seconds integer CHECK (slow_mode_seconds BETWEEN 1 AND 86400),
        archived boolean NOT NULL DEFAULT false,
        unlisted boolean NOT NULL DEFAULT false,
        answer_post_number integer,
        post_count integer NOT NULL DEFAULT 0,
        last_post_number integer NOT NULL DEFAULT 0,
        pseudonym_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        bumped_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX topic_space_latest_idx ON topic (space_id, bumped_at DESC, id DESC);
      CREATE INDEX topic_latest_idx ON topic (bumped_at DESC, id DESC);
      CREATE INDEX topic_tags_idx ON topic USING gin (tags);

      -- One pseudonym per person per topic: stable within the topic, unrelated across topics.
      CREATE TABLE topic_pseudonym (
        topic_id uuid NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        number integer NOT NULL,
        PRIMARY KEY (topic_id, user_id),
        UNIQUE (topic_id, number)
      );

      CREATE TABLE post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
        post_number integer NOT NULL,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        anonymous boolean NOT NULL DEFAULT false,
        pseudonym_number integer,
        reply_to_post_number integer,
        source text NOT NULL,
        html text NOT NULL,
        renderer_version integer NOT NULL,
        status text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'pending', 'hidden', 'deleted')),
        hidden_reason text,
        hidden_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        edited_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (topic_id, post_number),
        CONSTRAINT anonymous_has_pseudonym CHECK (NOT anonymous OR pseudonym_number IS NOT NULL)
      );
      CREATE INDEX post_author_idx ON post (author_id, created_at DESC);

      CREATE TABLE post_revision (
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        source text NOT NULL,
        edited_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, revision)
      );

      CREATE TABLE post_reaction (
        post_id uuid NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('heart', 'thanks', 'insightful', 'support', 'agree')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, user_id, kind)
      );

      CREATE TABLE topic_read (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
        last_read_post_number integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, topic_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE topic_read, post_reaction, post_revision, post, topic_pseudonym, topic,
        agreement_acceptance, space_agreement, space_facilitator, space;
    `);
  }
}
