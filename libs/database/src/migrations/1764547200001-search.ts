import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search. PostgreSQL full text: generated, weighted tsvector columns (titles above summaries above tags above
 * bodies) with GIN indexes, plus recency indexes: a common word is answered from the newest matches instead of
 * ranking every match (see libs/search). And the search outbox: a row per changed document, written by triggers
 * in the same transaction as the change itself, so no write path can forget it; an external engine (Meilisearch)
 * is fed from it.
 */
export class Search1764547200001 implements MigrationInterface {
  name = 'Search1764547200001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- array_to_string is only STABLE in general; for text[] it is immutable, and generated columns need that said.
      CREATE FUNCTION artc_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$;

      ALTER TABLE topic ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', artc_words(tags)), 'C')) STORED;
      CREATE INDEX topic_search_idx ON topic USING gin (search_vector);
      CREATE INDEX topic_created_idx ON topic (created_at DESC);

      ALTER TABLE post ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', source), 'B')) STORED;
      CREATE INDEX post_search_idx ON post USING gin (search_vector);
      CREATE INDEX post_created_idx ON post (created_at DESC) WHERE status = 'visible';

      ALTER TABLE kb_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
        || setweight(to_tsvector('english', artc_words(tags)), 'C') || setweight(to_tsvector('english', body), 'D')) STORED;
      CREATE INDEX kb_article_search_idx ON kb_article USING gin (search_vector);

      ALTER TABLE kb_collection ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')) STORED;
      CREATE INDEX kb_collection_search_idx ON kb_collection USING gin (search_vector);

      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        entity_type text NOT NULL CHECK (entity_type IN ('topic', 'post', 'article', 'collection')),
        entity_id uuid NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );

      CREATE FUNCTION search_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_outbox (entity_type, entity_id) VALUES (TG_ARGV[0], COALESCE(NEW.id, OLD.id));
        RETURN NULL;
      END $$;

      -- Only columns a search document is made of: a topic's bump on every reply is not a change to index.
      CREATE TRIGGER topic_search_outbox AFTER INSERT OR DELETE OR UPDATE OF title, tags, phase, space_id, archived, unlisted, anonymous
        ON topic FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue('topic');
      CREATE TRIGGER post_search_outbox AFTER INSERT OR DELETE OR UPDATE OF source, status
        ON post FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue('post');
      CREATE TRIGGER kb_article_search_outbox AFTER INSERT OR DELETE OR UPDATE OF title, summary, body, type, phases, tags, scope_key, space_id, status, verified_at, verification_interval_days, owner_id
        ON kb_article FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue('article');
      CREATE TRIGGER kb_collection_search_outbox AFTER INSERT OR DELETE OR UPDATE OF title, description, scope_key, phase
        ON kb_collection FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue('collection');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER kb_collection_search_outbox ON kb_collection;
      DROP TRIGGER kb_article_search_outbox ON kb_article;
      DROP TRIGGER post_search_outbox ON post;
      DROP TRIGGER topic_search_outbox ON topic;
      DROP FUNCTION search_outbox_enqueue();
      DROP TABLE search_outbox;
      ALTER TABLE kb_collection DROP COLUMN search_vector;
      ALTER TABLE kb_article DROP COLUMN search_vector;
      DROP INDEX post_created_idx;
      ALTER TABLE post DROP COLUMN search_vector;
      DROP INDEX topic_created_idx;
      ALTER TABLE topic DROP COLUMN search_vector;
      DROP FUNCTION artc_words(text[]);
    `);
  }
}
