import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs. `job_outbox` is the durable side of the producer: work written in the same transaction as the
 * change that caused it (by triggers, or by a service inside its transaction), or parked there when Redis did not
 * answer. A relay moves it onto BullMQ; without Redis the in-process runner works straight from this table.
 * `dead_job` keeps what exhausted its retries, for admins to retry or discard.
 */
export class Jobs1764633600000 implements MigrationInterface {
  name = 'Jobs1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_outbox (
        id bigserial PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        payload jsonb NOT NULL DEFAULT '{}',
        -- Deterministic where a job must run once: a second enqueue of the same id while it waits is a no-op.
        job_id text CHECK (length(job_id) <= 300),
        run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX job_outbox_job_id_key ON job_outbox (job_id) WHERE job_id IS NOT NULL;
      CREATE INDEX job_outbox_due_idx ON job_outbox (run_at, id);

      CREATE TABLE dead_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        job_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        error text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dead_job_latest_idx ON dead_job (failed_at DESC, id DESC);

      -- Secrets the platform makes for itself (e.g. the key that signs unsubscribe links), shared by every process.
      CREATE TABLE app_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE FUNCTION job_outbox_add(job_name text, job_payload jsonb, job_key text) RETURNS void LANGUAGE sql AS $$
        INSERT INTO job_outbox (name, payload, job_id) VALUES (job_name, job_payload, job_key)
        ON CONFLICT (job_id) WHERE job_id IS NOT NULL DO NOTHING
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION job_outbox_add(text, jsonb, text); DROP TABLE app_secret, dead_job, job_outbox;');
  }
}
