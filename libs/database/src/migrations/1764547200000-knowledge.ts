import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base: articles moving through the knowledge-management cycle (draft → in review → published →
 * archived; "needs review" is a published article past its verification interval, derived, never stored), their
 * revisions, reviews, collections, and what readers do with them (applied it, helpful, viewed). Contributors are
 * the people trusted to review besides the facilitators.
 */
export class Knowledge1764547200000 implements MigrationInterface {
  name = 'Knowledge1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE kb_contributor (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        granted_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now()
      );

      -- How many approvals publishing takes in a scope; a scope without a row takes one.
      CREATE TABLE kb_scope_setting (
        scope_key text PRIMARY KEY CHECK (scope_key ~ '^(consortium|(inst|cohort|group):[0-9a-f-]{36})$'),
        approvals_required smallint NOT NULL CHECK (approvals_required BETWEEN 1 AND 5),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE kb_article (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
        body text NOT NULL CHECK (length(body) <= 200000),
        html text NOT NULL,
        renderer_version integer NOT NULL,
        type text NOT NULL CHECK (type IN ('guide', 'toolkit', 'template', 'case_study', 'research_summary', 'video', 'value_story')),
        phases smallint[] NOT NULL DEFAULT '{}' CHECK (phases <@ ARRAY[1, 2, 3, 4, 5, 6]::smallint[]),
        tags text[] NOT NULL DEFAULT '{}',
        scope_key text NOT NULL CHECK (scope_key ~ '^(consortium|(inst|cohort|group):[0-9a-f-]{36})$'),
        space_id uuid REFERENCES space(id) ON DELETE SET NULL,
        owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
        verification_interval_days integer NOT NULL DEFAULT 90 CHECK (verification_interval_days BETWEEN 1 AND 3650),
        verified_at timestamptz,
        published_at timestamptz,
        archived_at timestamptz,
        revision integer NOT NULL DEFAULT 1,
        captured_from_kind text CHECK (captured_from_kind IN ('topic', 'chat_session', 'application')),
        captured_from_id uuid,
        view_count integer NOT NULL DEFAULT 0,
        applied_count integer NOT NULL DEFAULT 0,
        helpful_yes integer NOT NULL DEFAULT 0,
        helpful_no integer NOT NULL DEFAULT 0,
        last_viewed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT published_is_verified CHECK (status NOT IN ('published', 'archived') OR verified_at IS NOT NULL OR archived_at IS NOT NULL)
      );
      CREATE INDEX kb_article_scope_updated_idx ON kb_article (scope_key, updated_at DESC, id DESC);
      CREATE INDEX kb_article_updated_idx ON kb_article (updated_at DESC, id DESC);
      CREATE INDEX kb_article_owner_idx ON kb_article (owner_id, status);
      CREATE INDEX kb_article_tags_idx ON kb_article USING gin (tags);
      CREATE INDEX kb_article_phases_idx ON kb_article USING gin (phases);
      CREATE INDEX kb_article_space_idx ON kb_article (space_id) WHERE space_id IS NOT NULL;
      -- The verification sweep and the needs-review queue look through published articles by when they were verified.
      CREATE INDEX kb_article_verified_idx ON kb_article (verified_at) WHERE status = 'published';

      CREATE TABLE kb_article_coauthor (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, user_id)
      );
      CREATE INDEX kb_article_coauthor_user_idx ON kb_article_coauthor (user_id);

      -- Every saved state of an article, whole, so any two can be compared and any one restored.
      CREATE TABLE kb_article_revision (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        revision integer NOT NULL CHECK (revision >= 1),
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        type text NOT NULL,
        phases smallint[] NOT NULL,
        tags text[] NOT NULL,
        attachments jsonb NOT NULL,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        note text CHECK (length(note) <= 300),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, revision)
      );

      CREATE TABLE kb_review (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        assigned_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('approved', 'changes_requested')),
        decided_revision integer,
        decided_at timestamptz,
        PRIMARY KEY (article_id, reviewer_id)
      );
      CREATE INDEX kb_review_reviewer_idx ON kb_review (reviewer_id);

      CREATE TABLE kb_review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 10000),
        html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_review_comment_article_idx ON kb_review_comment (article_id, created_at);

      CREATE TABLE kb_application (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        story text CHECK (length(story) <= 4000),
        story_html text,
        story_article_id uuid REFERENCES kb_article(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, user_id)
      );

      CREATE TABLE kb_helpful_vote (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        helpful boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, user_id)
      );

      -- One view per person per day: the row is the de-duplication, the article keeps the count.
      CREATE TABLE kb_article_view (
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        day date NOT NULL,
        PRIMARY KEY (article_id, user_id, day)
      );

      CREATE TABLE kb_collection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        scope_key text NOT NULL CHECK (scope_key ~ '^(consortium|(inst|cohort|group):[0-9a-f-]{36})$'),
        phase smallint CHECK (phase BETWEEN 1 AND 6),
        owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_collection_scope_idx ON kb_collection (scope_key, updated_at DESC);

      CREATE TABLE kb_collection_item (
        collection_id uuid NOT NULL REFERENCES kb_collection(id) ON DELETE CASCADE,
        article_id uuid NOT NULL REFERENCES kb_article(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (collection_id, article_id)
      );
      CREATE INDEX kb_collection_item_article_idx ON kb_collection_item (article_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE kb_collection_item, kb_collection, kb_article_view, kb_helpful_vote, kb_application, kb_review_comment,
        kb_review, kb_article_revision, kb_article_coauthor, kb_article, kb_scope_setting, kb_contributor
    `);
  }
}
