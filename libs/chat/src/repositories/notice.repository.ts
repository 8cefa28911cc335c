import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RoomNoticeFacts {
  roomId: string;
  title: string;
  scopeKey: string;
}

/** What the notifier needs to know about chat events, read when the job runs (never from the job's payload). */
@Injectable()
export class ChatNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A session that is still running, its room, and who started it: the author of the session's first system note
   * (SessionService writes "Session started" in the same transaction), null if that note is gone.
   */
  async liveSession(sessionId: string): Promise<(RoomNoticeFacts & { starterId: string | null }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.id AS "roomId", r.title, r.scope_key AS "scopeKey",
              (SELECT m.author_id FROM chat_message m WHERE m.session_id = s.id AND m.room_id = r.id AND m.kind = 'system'
                ORDER BY m.seq LIMIT 1) AS "starterId"
         FROM chat_session s JOIN chat_room r ON r.id = s.room_id
        WHERE s.id = $1 AND s.ended_at IS NULL`,
      [sessionId],
    );
    return row ?? null;
  }

  /** Everyone who belongs to a main room: its facilitators and the participants nobody removed. */
  async audience(roomId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `SELECT user_id AS "userId" FROM chat_participant WHERE room_id = $1 AND removed_at IS NULL
       UNION SELECT user_id FROM chat_room_facilitator WHERE room_id = $1`,
      [roomId],
    );
    return rows.map((r) => r.userId);
  }

  /** A main room (a breakout answers with its main room, where invitations and links lead). */
  async mainRoom(roomId: string): Promise<RoomNoticeFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT m.id AS "roomId", m.title, m.scope_key AS "scopeKey"
         FROM chat_room r JOIN chat_room m ON m.id = COALESCE(r.parent_id, r.id) WHERE r.id = $1`,
      [roomId],
    );
    return row ?? null;
  }

  async displayName(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT display_name AS name FROM app_user WHERE id = $1', [userId]);
    return row?.name ?? null;
  }

  /** A harm report on a message: who made it, and the main room it was said in (breakouts close; the room stays). */
  async messageFlag(flagId: string): Promise<(RoomNoticeFacts & { reporterId: string }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT f.reporter_id AS "reporterId", m.id AS "roomId", m.title, m.scope_key AS "scopeKey"
         FROM chat_message_flag f JOIN chat_message msg ON msg.id = f.message_id
         JOIN chat_room r ON r.id = msg.room_id JOIN chat_room m ON m.id = COALESCE(r.parent_id, r.id)
        WHERE f.id = $1`,
      [flagId],
    );
    return row ?? null;
  }
}
