import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chats for Change: live dialogue rooms. A room keeps its scope for life (as a space does). Each message gets
 * the room's next sequence number under the room's row lock, and (author, client id) is unique per room, so a
 * resend returns the message already written. Breakouts are child rooms of one session, with their own numbering.
 */
export class Chat1764460800002 implements MigrationInterface {
  name = 'Chat1764460800002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE chat_room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        scope_key text NOT NULL,
        parent_id uuid REFERENCES chat_room(id),
        guiding_question text CHECK (length(guiding_question) <= 1000),
        space_id uuid REFERENCES space(id),
        anonymous boolean NOT NULL DEFAULT false,
        retention_days integer CHECK (retention_days BETWEEN 1 AND 3650),
        starts_at timestamptz,
        ends_at timestamptz,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'slow', 'paused', 'closed', 'archived')),
        slow_mode_seconds integer CHECK (slow_mode_seconds BETWEEN 1 AND 86400),
        last_seq bigint NOT NULL DEFAULT 0,
        pseudonym_count integer NOT NULL DEFAULT 0,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      );
      CREATE INDEX chat_room_scope_idx ON chat_room (scope_key, starts_at) WHERE parent_id IS NULL;
      CREATE INDEX chat_room_parent_idx ON chat_room (parent_id) WHERE parent_id IS NOT NULL;

      CREATE FUNCTION chat_room_scope_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.scope_key IS DISTINCT FROM OLD.scope_key THEN
          RAISE EXCEPTION 'a room keeps the scope it was created with' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER chat_room_scope_is_fixed BEFORE UPDATE OF scope_key ON chat_room
        FOR EACH ROW EXECUTE FUNCTION chat_room_scope_is_fixed();

      CREATE TABLE chat_room_facilitator (
        room_id uuid NOT NULL REFERENCES chat_room(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room_id, user_id)
      );

      CREATE TABLE chat_agreement (
        room_id uuid NOT NULL REFERENCES chat_room(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        body text NOT NULL CHECK (length(btrim(body)) >= 1),
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room_id, version)
      );

      CREATE TABLE chat_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES chat_room(id) ON DELETE CASCADE,
        number integer NOT NULL,
        stage text NOT NULL DEFAULT 'check_in'
          CHECK (stage IN ('check_in', 'agreements', 'framing', 'breakouts', 'report_out', 'closed')),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        timer_ends_at timestamptz,
        check_in_prompt text CHECK (length(check_in_prompt) <= 300),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        UNIQUE (room_id, number)
      );
      -- At most one live session per room.
      CREATE UNIQUE INDEX chat_session_live_key ON chat_session (room_id) WHERE ended_at IS NULL;
      ALTER TABLE chat_room ADD COLUMN session_id uuid REFERENCES chat_session(id) ON DELETE CASCADE;

      CREATE TABLE chat_agreement_acceptance (
        room_id uuid NOT NULL,
        version integer NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        -- Null: accepted to join the room; a session: re-affirmed at that session's check-in.
        session_id uuid REFERENCES chat_session(id) ON DELETE CASCADE,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (room_id, version) REFERENCES chat_agreement(room_id, version) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX chat_acceptance_key ON chat_agreement_acceptance (room_id, user_id, version, COALESCE(session_id, '00000000-0000-0000-0000-000000000000'));

      CREATE TABLE chat_participant (
        room_id uuid NOT NULL REFERENCES chat_room(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        pseudonym_number integer,
        -- For a breakout: assigned by a facilitator; participants of other breakouts cannot read it.
        assigned boolean NOT NULL DEFAULT false,
        muted_until timestamptz,
        removed_at timestamptz,
        removed_reason text,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room_id, user_id),
        UNIQUE (room_id, pseudonym_number)
      );

      CREATE TABLE chat_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES chat_room(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        session_id uuid REFERENCES chat_session(id) ON DELETE SET NULL,
        kind text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'check_in', 'system')),
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        anonymous boolean NOT NULL DEFAULT false,
        pseudonym_number integer,
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64),
        source text NOT NULL,
        html text NOT NULL,
        renderer_version integer NOT NULL,
        reply_to_seq bigint,
        status text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'removed', 'deleted')),
        removed_reason text,
        pinned boolean NOT NULL DEFAULT false,
        edited_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (room_id, seq)
      );
      CREATE UNIQUE INDEX chat_message_client_key ON chat_message (room_id, author_id, client_id);
      CREATE INDEX chat_message_session_idx ON chat_message (session_id, seq);

      CREATE TABLE chat_message_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES chat_message(id) ON DELETE CASCADE,
        source text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX chat_message_revision_idx ON chat_message_revision (message_id, replaced_at);

      CREATE TABLE chat_reaction (
        message_id uuid NOT NULL REFERENCES chat_message(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('heart', 'thanks', 'insightful', 'support', 'agree')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id, kind)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE chat_reaction, chat_message_revision, chat_message, chat_participant, chat_agreement_acceptance;
      ALTER TABLE chat_room DROP COLUMN session_id;
      DROP TABLE chat_session, chat_agreement, chat_room_facilitator;
      DROP TRIGGER chat_room_scope_is_fixed ON chat_room;
      DROP FUNCTION chat_room_scope_is_fixed();
      DROP TABLE chat_room;
    `);
  }
}
