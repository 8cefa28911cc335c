import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';

export const CHAT_REACTIONS = ['heart', 'thanks', 'insightful', 'support', 'agree'] as const;
export type ChatReaction = (typeof CHAT_REACTIONS)[number];
export type MessageKind = 'message' | 'check_in' | 'system';
export type MessageStatus = 'visible' | 'removed' | 'deleted';

export interface MessageRecord {
  id: string;
  roomId: string;
  seq: number;
  sessionId: string | null;
  kind: MessageKind;
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  pseudonymNumber: number | null;
  clientId: string;
  source: string;
  html: string;
  replyToSeq: number | null;
  status: MessageStatus;
  removedReason: string | null;
  pinned: boolean;
  editedAt: Date | null;
  createdAt: Date;
  reactions: Partial<Record<ChatReaction, number>>;
}

export interface NewMessage {
  roomId: string;
  sessionId: string | null;
  kind: MessageKind;
  authorId: string | null;
  anonymous: boolean;
  pseudonymNumber: number | null;
  clientId: string;
  source: string;
  html: string;
  rendererVersion: number;
  replyToSeq: number | null;
  createdAt: Date;
}

const MESSAGE_COLUMNS = `m.id, m.room_id AS "roomId", m.seq::int AS seq, m.session_id AS "sessionId", m.kind, m.author_id AS "authorId",
  u.display_name AS "authorName", m.anonymous, m.pseudonym_number AS "pseudonymNumber", m.client_id AS "clientId", m.source,
  m.html, m.reply_to_seq::int AS "replyToSeq", m.status, m.removed_reason AS "removedReason", m.pinned, m.edited_at AS "editedAt",
  m.created_at AS "createdAt",
  COALESCE((SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM chat_reaction x WHERE x.message_id = m.id GROUP BY kind) k), '{}') AS reactions`;

const FROM_MESSAGES = 'FROM chat_message m LEFT JOIN app_user u ON u.id = m.author_id';

/** Messages of a room in sequence order, their revisions and reactions. */
@Injectable()
export class MessageRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<MessageRecord | null> {
    const rows: MessageRecord[] = await this.db(manager).query(`SELECT ${MESSAGE_COLUMNS} ${FROM_MESSAGES} WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByClientId(roomId: string, authorId: string, clientId: string, manager?: EntityManager): Promise<MessageRecord | null> {
    const rows = await this.preparedReads.rows<MessageRecord>(
      `SELECT ${MESSAGE_COLUMNS} ${FROM_MESSAGES} WHERE m.room_id = $1 AND m.author_id = $2 AND m.client_id = $3`,
      [roomId, authorId, clientId],
      manager,
    );
    return rows[0] ?? null;
  }

  /** Messages after a sequence number, oldest first: what a resuming client missed. */
  after(roomId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    return this.dataSource.query(`SELECT ${MESSAGE_COLUMNS} ${FROM_MESSAGES} WHERE m.room_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`, [
      roomId,
      afterSeq,
      limit,
    ]);
  }

  async existsVisible(roomId: string, seq: number, manager?: EntityManager): Promise<boolean> {
    const rows = await this.db(manager).query(`SELECT 1 FROM chat_message WHERE room_id = $1 AND seq = $2 AND status = 'visible'`, [
      roomId,
      seq,
    ]);
    return rows.length > 0;
  }

  /** When this person last wrote in the room: slow mode's clock. */
  async lastMessageAt(roomId: string, authorId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(created_at) AS at FROM chat_message WHERE room_id = $1 AND author_id = $2 AND kind <> 'system'`,
      [roomId, authorId],
    );
    return row?.at ?? null;
  }

  /**
   * Numbers and writes a message in one statement: the room's row is locked from taking the next number until the
   * statement's transaction commits, so concurrent sends queue only for that, and a failed insert (a reused
   * client id) leaves the number untaken — sequences stay gap-free.
   */
  async insertNumbered(message: NewMessage, manager?: EntityManager): Promise<MessageRecord> {
    const [row] = await this.db(manager).query(
      `WITH numbered AS (UPDATE chat_room SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
       INSERT INTO chat_message (room_id, seq, session_id, kind, author_id, anonymous, pseudonym_number, client_id, source, html,
         renderer_version, reply_to_seq, created_at)
       SELECT $1::uuid, numbered.last_seq, $2::uuid, $3::text, $4::uuid, $5::boolean, $6::int, $7::text, $8::text, $9::text,
         $10::int, $11::bigint, $12::timestamptz
       FROM numbered RETURNING id, seq::int AS seq, (SELECT display_name FROM app_user WHERE id = author_id) AS "authorName"`,
      [
        message.roomId,
        message.sessionId,
        message.kind,
        message.authorId,
        message.anonymous,
        message.pseudonymNumber,
        message.clientId,
        message.source,
        message.html,
        message.rendererVersion,
        message.replyToSeq,
        message.createdAt,
      ],
    );
    if (!row) throw new Error(`There is no room ${message.roomId} to write to`);
    const { rendererVersion: _version, ...written } = message;
    return { ...written, ...row, status: 'visible', removedReason: null, pinned: false, editedAt: null, reactions: {} };
  }

  async edit(id: string, source: string, html: string, rendererVersion: number, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO chat_message_revision (message_id, source, replaced_at) SELECT id, source, $2 FROM chat_message WHERE id = $1`,
      [id, at],
    );
    await manager.query('UPDATE chat_message SET source = $2, html = $3, renderer_version = $4, edited_at = $5 WHERE id = $1', [
      id,
      source,
      html,
      rendererVersion,
      at,
    ]);
  }

  revisions(id: string): Promise<{ source: string; replacedAt: Date }[]> {
    return this.dataSource.query(
      'SELECT source, replaced_at AS "replacedAt" FROM chat_message_revision WHERE message_id = $1 ORDER BY replaced_at',
      [id],
    );
  }

  async setStatus(id: string, status: MessageStatus, reason: string | null, manager?: EntityManager): Promise<void> {
    await this.db(manager).query('UPDATE chat_message SET status = $2, removed_reason = $3 WHERE id = $1', [id, status, reason]);
  }

  async setPinned(id: string, pinned: boolean, manager?: EntityManager): Promise<void> {
    await this.db(manager).query('UPDATE chat_message SET pinned = $2 WHERE id = $1', [id, pinned]);
  }

  pinned(roomId: string): Promise<MessageRecord[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} ${FROM_MESSAGES} WHERE m.room_id = $1 AND m.pinned AND m.status = 'visible' ORDER BY m.seq`,
      [roomId],
    );
  }

  /** False when this person had already reacted so. */
  async react(messageId: string, userId: string, kind: ChatReaction): Promise<boolean> {
    const rows = await this.dataSource.query(
      'INSERT INTO chat_reaction (message_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
      [messageId, userId, kind],
    );
    return rows.length > 0;
  }

  async unreact(messageId: string, userId: string, kind: ChatReaction): Promise<void> {
    await this.dataSource.query('DELETE FROM chat_reaction WHERE message_id = $1 AND user_id = $2 AND kind = $3', [messageId, userId, kind]);
  }

  myReactions(messageIds: string[], userId: string): Promise<{ messageId: string; kind: ChatReaction }[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      'SELECT message_id AS "messageId", kind FROM chat_reaction WHERE message_id = ANY($1::uuid[]) AND user_id = $2 ORDER BY kind',
      [messageIds, userId],
    );
  }

  reactors(messageId: string): Promise<{ kind: ChatReaction; userId: string; displayName: string }[]> {
    return this.dataSource.query(
      `SELECT x.kind, x.user_id AS "userId", u.display_name AS "displayName" FROM chat_reaction x JOIN app_user u ON u.id = x.user_id
       WHERE x.message_id = $1 ORDER BY x.created_at`,
      [messageId],
    );
  }

  /** Messages and characters per author in one session (main room and its breakouts): participation balance. */
  participation(sessionId: string): Promise<{ authorId: string; messages: number; characters: number }[]> {
    return this.dataSource.query(
      `SELECT author_id AS "authorId", count(*)::int AS messages, COALESCE(sum(length(source)), 0)::int AS characters
       FROM chat_message WHERE session_id = $1 AND kind = 'message' AND status <> 'deleted' AND author_id IS NOT NULL
       GROUP BY author_id`,
      [sessionId],
    );
  }

  /** A session's messages, main room first, then each breakout in the order made; each in sequence order. */
  ofSession(sessionId: string): Promise<(MessageRecord & { breakoutId: string | null })[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}, CASE WHEN r.parent_id IS NULL THEN NULL ELSE r.id END AS "breakoutId"
       ${FROM_MESSAGES} JOIN chat_room r ON r.id = m.room_id
       WHERE m.session_id = $1 ORDER BY (r.parent_id IS NOT NULL), r.created_at, r.id, m.seq`,
      [sessionId],
    );
  }

  /**
   * Deletes what a room's retention policy no longer keeps: messages of sessions that ended more than the
   * room's retention_days ago, and messages outside any session older than that. Returns how many went.
   */
  async purgeExpired(now: Date): Promise<number> {
    const rows = await this.dataSource.query(
      `DELETE FROM chat_message m USING chat_room r
       WHERE r.id = m.room_id AND r.retention_days IS NOT NULL AND (
         (m.session_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM chat_session s WHERE s.id = m.session_id AND s.ended_at IS NOT NULL
              AND s.ended_at < $1::timestamptz - make_interval(days => r.retention_days)))
         OR (m.session_id IS NULL AND m.created_at < $1::timestamptz - make_interval(days => r.retention_days)))
       RETURNING m.id`,
      [now],
    );
    return Array.isArray(rows[0]) ? rows[0].length : rows.length;
  }
}
