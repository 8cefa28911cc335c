import { Injectable } from '@nestjs/common';
import type { ScopeKey, ScopeSet } from '@app/identity';
import { PreparedReads } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';

export const ROOM_STATES = ['open', 'slow', 'paused', 'closed', 'archived'] as const;
export type RoomState = (typeof ROOM_STATES)[number];

export interface RoomRecord {
  id: string;
  title: string;
  scopeKey: ScopeKey;
  parentId: string | null;
  sessionId: string | null;
  guidingQuestion: string | null;
  spaceId: string | null;
  anonymous: boolean;
  retentionDays: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  state: RoomState;
  slowModeSeconds: number | null;
  lastSeq: number;
  createdAt: Date;
  /** The main room's facilitators (a breakout has none of its own). */
  facilitatorIds: string[];
  /** The current agreements version, null when the room has none. */
  agreementVersion: number | null;
  /** The session in progress in this room (for a breakout: its parent's), if any. */
  liveSessionId: string | null;
}

export interface NewRoom {
  title: string;
  scopeKey: ScopeKey;
  spaceId: string | null;
  anonymous: boolean;
  retentionDays: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  createdById: string;
}

const ROOM_COLUMNS = `r.id, r.title, r.scope_key AS "scopeKey", r.parent_id AS "parentId", r.session_id AS "sessionId",
  r.guiding_question AS "guidingQuestion", r.space_id AS "spaceId", r.anonymous, r.retention_days AS "retentionDays",
  r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.state, r.slow_mode_seconds AS "slowModeSeconds",
  r.last_seq::int AS "lastSeq", r.created_at AS "createdAt",
  ARRAY(SELECT user_id FROM chat_room_facilitator f WHERE f.room_id = COALESCE(r.parent_id, r.id) ORDER BY f.created_at) AS "facilitatorIds",
  (SELECT max(version) FROM chat_agreement a WHERE a.room_id = COALESCE(r.parent_id, r.id)) AS "agreementVersion",
  (SELECT s.id FROM chat_session s WHERE s.room_id = COALESCE(r.parent_id, r.id) AND s.ended_at IS NULL) AS "liveSessionId"`;

const ROOM_BY_ID_SQL = `SELECT ${ROOM_COLUMNS} FROM chat_room r WHERE r.id = $1`;

/** Rooms, their facilitators and agreements. */
@Injectable()
export class RoomRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<RoomRecord | null> {
    // Behind every chat event: outside a transaction it runs as a prepared statement (see PreparedReads).
    const rows = await this.preparedReads.rows<RoomRecord>(ROOM_BY_ID_SQL, [id], manager);
    return rows[0] ?? null;
  }

  /** Main rooms in the reader's scopes, soonest first; rooms without a schedule after scheduled ones. */
  list(scopes: ScopeSet): Promise<RoomRecord[]> {
    return this.dataSource.query(
      `SELECT ${ROOM_COLUMNS} FROM chat_room r
       WHERE r.parent_id IS NULL AND ($1::boolean OR r.scope_key = ANY($2::text[]))
       ORDER BY r.starts_at NULLS LAST, r.created_at DESC LIMIT 500`,
      [scopes.everything, scopes.keys],
    );
  }

  /** The breakouts of a session, in the order they were made; `openOnly` leaves out closed ones. */
  breakouts(sessionId: string, openOnly = false): Promise<RoomRecord[]> {
    return this.dataSource.query(
      `SELECT ${ROOM_COLUMNS} FROM chat_room r WHERE r.session_id = $1 AND (NOT $2 OR r.state <> 'closed') ORDER BY r.created_at, r.id`,
      [sessionId, openOnly],
    );
  }

  async create(room: NewRoom, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO chat_room (title, scope_key, space_id, anonymous, retention_days, starts_at, ends_at, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [room.title, room.scopeKey, room.spaceId, room.anonymous, room.retentionDays, room.startsAt, room.endsAt, room.createdById],
    );
    return row.id;
  }

  async createBreakout(parent: RoomRecord, sessionId: string, title: string, question: string | null, manager: EntityManager) {
    const [row] = await manager.query(
      // clock_timestamp, not now(): breakouts made in one transaction keep the order they were made in.
      `INSERT INTO chat_room (title, scope_key, parent_id, session_id, guiding_question, anonymous, retention_days, created_by_id, created_at)
       SELECT $2::text, scope_key, id, $3::uuid, $4::text, anonymous, retention_days, created_by_id, clock_timestamp() FROM chat_room WHERE id = $1 RETURNING id`,
      [parent.id, title, sessionId, question],
    );
    return row.id as string;
  }

  async addFacilitators(roomId: string, userIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO chat_room_facilitator (room_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [roomId, userIds],
    );
  }

  async replaceFacilitators(roomId: string, userIds: string[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM chat_room_facilitator WHERE room_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [roomId, userIds]);
    await this.addFacilitators(roomId, userIds, manager);
  }

  async setState(roomId: string, state: RoomState, slowModeSeconds: number | null, manager: EntityManager): Promise<void> {
    // The live session's open breakouts follow their main room; closed ones stay closed.
    await manager.query(
      `UPDATE chat_room SET state = $2, slow_mode_seconds = $3
       WHERE id = $1 OR (parent_id = $1 AND state <> 'closed'
         AND session_id IN (SELECT id FROM chat_session WHERE room_id = $1 AND ended_at IS NULL))`,
      [roomId, state, slowModeSeconds],
    );
  }

  /** Closes every breakout of a session: their messages stay attached to it. */
  async closeBreakouts(sessionId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE chat_room SET state = 'closed' WHERE session_id = $1 AND state <> 'closed'`, [sessionId]);
  }

  /**
   * Locks the room row for a change that must not interleave with numbering (a new pseudonym, a new agreements
   * version); `MessageRepository.insertNumbered` takes the same lock for its one statement.
   */
  async lockForMessage(roomId: string, manager: EntityManager): Promise<{ lastSeq: number; pseudonymCount: number }> {
    const [row] = await manager.query(
      'SELECT last_seq::int AS "lastSeq", pseudonym_count AS "pseudonymCount" FROM chat_room WHERE id = $1 FOR UPDATE',
      [roomId],
    );
    return row;
  }

  async recordPseudonymCount(roomId: string, pseudonymCount: number, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_room SET pseudonym_count = $2 WHERE id = $1', [roomId, pseudonymCount]);
  }

  async agreement(roomId: string): Promise<{ version: number; body: string; createdAt: Date } | null> {
    const rows = await this.dataSource.query(
      'SELECT version, body, created_at AS "createdAt" FROM chat_agreement WHERE room_id = $1 ORDER BY version DESC LIMIT 1',
      [roomId],
    );
    return rows[0] ?? null;
  }

  async publishAgreement(roomId: string, body: string, userId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO chat_agreement (room_id, version, body, created_by_id)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3 FROM chat_agreement WHERE room_id = $1 RETURNING version`,
      [roomId, body, userId],
    );
    return row.version;
  }
}
