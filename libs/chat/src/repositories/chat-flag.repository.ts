import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type ChatFlagKind = 'spam' | 'off_topic' | 'harm';
export type ChatFlagStatus = 'received' | 'reviewed' | 'action_taken';

export interface ChatFlagRecord {
  id: string;
  messageId: string;
  roomId: string;
  mainRoomId: string;
  reporterId: string;
  reporterName: string;
  kind: ChatFlagKind;
  note: string | null;
  status: ChatFlagStatus;
  createdAt: Date;
  resolvedAt: Date | null;
}

const FLAG_COLUMNS = `f.id, f.message_id AS "messageId", m.room_id AS "roomId", COALESCE(r.parent_id, r.id) AS "mainRoomId",
  f.reporter_id AS "reporterId", u.display_name AS "reporterName", f.kind, f.note, f.status, f.created_at AS "createdAt",
  f.resolved_at AS "resolvedAt"`;
const FROM_FLAGS = `FROM chat_message_flag f JOIN chat_message m ON m.id = f.message_id JOIN chat_room r ON r.id = m.room_id
  JOIN app_user u ON u.id = f.reporter_id`;

/** Flags on room messages. */
@Injectable()
export class ChatFlagRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when this person already has an open flag on the message. */
  async create(messageId: string, reporterId: string, kind: ChatFlagKind, note: string | null): Promise<{ id: string; createdAt: Date } | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO chat_message_flag (message_id, reporter_id, kind, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (message_id, reporter_id) WHERE status = 'received' DO NOTHING RETURNING id, created_at AS "createdAt"`,
      [messageId, reporterId, kind, note],
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<ChatFlagRecord | null> {
    const rows: ChatFlagRecord[] = await this.dataSource.query(`SELECT ${FLAG_COLUMNS} ${FROM_FLAGS} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Open flags on a room's messages (main room and breakouts), oldest first. */
  openInRoom(mainRoomId: string): Promise<ChatFlagRecord[]> {
    return this.dataSource.query(
      `SELECT ${FLAG_COLUMNS} ${FROM_FLAGS} WHERE COALESCE(r.parent_id, r.id) = $1 AND f.status = 'received' ORDER BY f.created_at LIMIT 500`,
      [mainRoomId],
    );
  }

  byReporter(reporterId: string): Promise<ChatFlagRecord[]> {
    return this.dataSource.query(`SELECT ${FLAG_COLUMNS} ${FROM_FLAGS} WHERE f.reporter_id = $1 ORDER BY f.created_at DESC LIMIT 200`, [
      reporterId,
    ]);
  }

  async resolve(id: string, status: ChatFlagStatus, userId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_message_flag SET status = $2, resolved_by_id = $3, resolved_at = $4 WHERE id = $1', [id, status, userId, at]);
  }

  /** Every open flag on the message, once a facilitator acted on it. */
  async resolveAllOn(messageId: string, userId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE chat_message_flag SET status = 'action_taken', resolved_by_id = $2, resolved_at = $3 WHERE message_id = $1 AND status = 'received'`,
      [messageId, userId, at],
    );
  }
}
