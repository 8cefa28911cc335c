import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reading a topic marks what its notifications were about as read, as in Discourse: the bell stops counting replies
 * the person has just read. A trigger on the forum's read marker, so every way of reading a topic counts.
 */
export class NotificationsReadWithTopic1764633600003 implements MigrationInterface {
  name = 'NotificationsReadWithTopic1764633600003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX notification_unread_topic_idx ON notification (user_id, topic_id) WHERE read_at IS NULL AND topic_id IS NOT NULL;

      CREATE FUNCTION notification_read_with_topic() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE notification SET read_at = now()
         WHERE user_id = NEW.user_id AND topic_id = NEW.topic_id AND read_at IS NULL AND post_number <= NEW.last_read_post_number;
        IF FOUND THEN
          PERFORM pg_notify('artc_notification_counts', NEW.user_id::text);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER topic_read_notifications AFTER INSERT OR UPDATE OF last_read_post_number ON topic_read
        FOR EACH ROW EXECUTE FUNCTION notification_read_with_topic();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER topic_read_notifications ON topic_read; DROP FUNCTION notification_read_with_topic();
      DROP INDEX notification_unread_topic_idx;
    `);
  }
}
