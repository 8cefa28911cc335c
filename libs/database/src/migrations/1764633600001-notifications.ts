import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'mentioned', 'replied', 'quoted', 'reacted', 'watching', 'room_invited', 'room_starting', 'report_status',
  'article_needs_review', 'review_requested', 'answer_marked', 'bookmark_reminder'`;

/**
 * Notifications, preferences, outgoing mail and digests. The domain tables tell the notifier what happened through
 * triggers that write jobs into job_outbox in the same transaction as the change, so no write path can forget
 * one and a crash after commit loses nothing.
 */
export class Notifications1764633600001 implements MigrationInterface {
  name = 'Notifications1764633600001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        -- Unread notifications with the same key merge (reactions on one post, new posts in one watched topic).
        group_key text NOT NULL,
        -- What an email threads under and immediate emails coalesce by: 'topic:<id>', 'article:<id>', 'room:<id>'.
        thread_key text NOT NULL,
        -- Null when the actor posted anonymously or the platform itself acted: actor_name is then what peers see.
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        actor_name text,
        subject text NOT NULL,
        -- A short extra the text needs (a report's new status), never content from a post.
        detail text,
        url text NOT NULL,
        -- Checked again whenever it is listed or mailed: someone who lost access stops seeing it.
        scope_key text NOT NULL,
        topic_id uuid,
        post_number integer,
        count integer NOT NULL DEFAULT 1,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email_immediate', 'email_digest')),
        email_due_at timestamptz,
        emailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE UNIQUE INDEX notification_unread_group_key ON notification (user_id, group_key) WHERE read_at IS NULL;
      CREATE INDEX notification_user_latest_idx ON notification (user_id, updated_at DESC, id DESC);
      CREATE INDEX notification_email_due_idx ON notification (email_due_at)
        WHERE emailed_at IS NULL AND email_due_at IS NOT NULL AND read_at IS NULL;

      CREATE TABLE notification_setting (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        digest_frequency text NOT NULL DEFAULT 'weekly' CHECK (digest_frequency IN ('daily', 'weekly', 'never')),
        digest_hour integer NOT NULL DEFAULT 7 CHECK (digest_hour BETWEEN 0 AND 23),
        time_zone text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64),
        quiet_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_setting_digest_idx ON notification_setting (digest_frequency) WHERE digest_frequency <> 'never';

      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        channel text NOT NULL CHECK (channel IN ('in_app', 'email_immediate', 'email_digest', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );

      CREATE TABLE outgoing_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        to_address text NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('immediate', 'digest', 'invitation', 'password_reset')),
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        message_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outgoing_mail_unsent_idx ON outgoing_mail (created_at) WHERE sent_at IS NULL;

      -- One row per person per digest period: the guard that makes a digest happen exactly once.
      CREATE TABLE digest_delivery (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        period_key text NOT NULL,
        item_count integer NOT NULL,
        mail_id uuid REFERENCES outgoing_mail(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, period_key)
      );
      CREATE INDEX digest_delivery_latest_idx ON digest_delivery (user_id, created_at DESC);

      -- Guards for sweeps that must tell someone once (an article due for review, a bookmark reminder, a room starting).
      CREATE TABLE notification_once (
        key text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- What happened, written as jobs in the writer's transaction.
      CREATE FUNCTION notify_post_visible() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'visible' AND (TG_OP = 'INSERT' OR OLD.status = 'pending') THEN
          PERFORM job_outbox_add('notify.post', jsonb_build_object('postId', NEW.id), 'notify.post|' || NEW.id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER post_notify AFTER INSERT OR UPDATE OF status ON post
        FOR EACH ROW EXECUTE FUNCTION notify_post_visible();

      CREATE FUNCTION notify_reaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_outbox_add('notify.reaction', jsonb_build_object('postId', NEW.post_id, 'userId', NEW.user_id), NULL);
        RETURN NULL;
      END $$;
      CREATE TRIGGER post_reaction_notify AFTER INSERT ON post_reaction
        FOR EACH ROW EXECUTE FUNCTION notify_reaction();

      CREATE FUNCTION notify_review_requested() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_outbox_add('notify.review-requested',
          jsonb_build_object('articleId', NEW.article_id, 'reviewerId', NEW.reviewer_id, 'assignedById', NEW.assigned_by_id), NULL);
        RETURN NULL;
      END $$;
      CREATE TRIGGER kb_review_notify AFTER INSERT ON kb_review
        FOR EACH ROW EXECUTE FUNCTION notify_review_requested();

      CREATE FUNCTION notify_report_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'harm' AND NEW.status IS DISTINCT FROM OLD.status THEN
          PERFORM job_outbox_add('notify.report-status',
            jsonb_build_object('source', TG_ARGV[0], 'flagId', NEW.id, 'status', NEW.status), NULL);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER post_flag_notify AFTER UPDATE OF status ON post_flag
        FOR EACH ROW EXECUTE FUNCTION notify_report_status('post');
      CREATE TRIGGER chat_message_flag_notify AFTER UPDATE OF status ON chat_message_flag
        FOR EACH ROW EXECUTE FUNCTION notify_report_status('chat');

      CREATE FUNCTION notify_room_starting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_outbox_add('notify.room-starting', jsonb_build_object('sessionId', NEW.id), 'notify.room-starting|' || NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER chat_session_notify AFTER INSERT ON chat_session
        FOR EACH ROW EXECUTE FUNCTION notify_room_starting();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER chat_session_notify ON chat_session; DROP FUNCTION notify_room_starting();
      DROP TRIGGER chat_message_flag_notify ON chat_message_flag; DROP TRIGGER post_flag_notify ON post_flag;
      DROP FUNCTION notify_report_status();
      DROP TRIGGER kb_review_notify ON kb_review; DROP FUNCTION notify_review_requested();
      DROP TRIGGER post_reaction_notify ON post_reaction; DROP FUNCTION notify_reaction();
      DROP TRIGGER post_notify ON post; DROP FUNCTION notify_post_visible();
      DROP TABLE notification_once, digest_delivery, outgoing_mail, notification_preference, notification_setting, notification;
    `);
  }
}
