import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';

export interface ParticipantRecord {
  roomId: string;
  userId: string;
  displayName: string;
  pseudonymNumber: number | null;
  assigned: boolean;
  mutedUntil: Date | null;
  removedAt: Date | null;
  removedReason: string | null;
  joinedAt: Date;
}

const PARTICIPANT_COLUMNS = `p.room_id AS "roomId", p.user_id AS "userId", u.display_name AS "displayName",
  p.pseudonym_number AS "pseudonymNumber", p.assigned, p.muted_until AS "mutedUntil", p.removed_at AS "removedAt",
  p.removed_reason AS "removedReason", p.joined_at AS "joinedAt"`;

const PARTICIPANT_SQL = `SELECT ${PARTICIPANT_COLUMNS} FROM chat_participant p JOIN app_user u ON u.id = p.user_id WHERE p.room_id = $1 AND p.user_id = $2`;

/** Who is (or was) in a room: pseudonyms, mutes, removals, breakout assignments and agreement acceptances. */
@Injectable()
export class ParticipantRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async find(roomId: string, userId: string, manager?: EntityManager): Promise<ParticipantRecord | null> {
    const rows = await this.preparedReads.rows<ParticipantRecord>(PARTICIPANT_SQL, [roomId, userId], manager);
    return rows[0] ?? null;
  }

  list(roomId: string): Promise<ParticipantRecord[]> {
    return this.dataSource.query(
      `SELECT ${PARTICIPANT_COLUMNS} FROM chat_participant p JOIN app_user u ON u.id = p.user_id WHERE p.room_id = $1 ORDER BY p.joined_at`,
      [roomId],
    );
  }

  /** Records that a person joined; a removed person's row is left as it is. */
  async ensure(roomId: string, userId: string, manager?: EntityManager): Promise<void> {
    await this.db(manager).query(
      'INSERT INTO chat_participant (room_id, user_id) VALUES ($1, $2) ON CONFLICT (room_id, user_id) DO NOTHING',
      [roomId, userId],
    );
  }

  /** This person's pseudonym in the room, giving them the next number if they have none (under the room lock). */
  async pseudonymFor(roomId: string, userId: string, nextNumber: number, manager: EntityManager): Promise<{ number: number; created: boolean }> {
    await this.ensure(roomId, userId, manager);
    const [existing] = await manager.query('SELECT pseudonym_number AS number FROM chat_participant WHERE room_id = $1 AND user_id = $2', [
      roomId,
      userId,
    ]);
    if (existing?.number) return { number: existing.number, created: false };
    await manager.query('UPDATE chat_participant SET pseudonym_number = $3 WHERE room_id = $1 AND user_id = $2', [roomId, userId, nextNumber]);
    return { number: nextNumber, created: true };
  }

  async mute(roomId: string, userId: string, until: Date | null, manager: EntityManager): Promise<void> {
    await this.ensure(roomId, userId, manager);
    await manager.query('UPDATE chat_participant SET muted_until = $3 WHERE room_id = $1 AND user_id = $2', [roomId, userId, until]);
  }

  async remove(roomId: string, userId: string, reason: string, at: Date, manager: EntityManager): Promise<void> {
    await this.ensure(roomId, userId, manager);
    await manager.query('UPDATE chat_participant SET removed_at = $3, removed_reason = $4 WHERE room_id = $1 AND user_id = $2', [
      roomId,
      userId,
      at,
      reason,
    ]);
  }

  /** Who is assigned to each of these breakouts. */
  assignments(roomIds: string[]): Promise<{ roomId: string; userId: string; displayName: string }[]> {
    if (!roomIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT p.room_id AS "roomId", p.user_id AS "userId", u.display_name AS "displayName"
       FROM chat_participant p JOIN app_user u ON u.id = p.user_id WHERE p.room_id = ANY($1::uuid[]) AND p.assigned ORDER BY u.display_name`,
      [roomIds],
    );
  }

  async assign(roomId: string, userIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO chat_participant (room_id, user_id, assigned) SELECT $1, u, true FROM unnest($2::uuid[]) AS u
       ON CONFLICT (room_id, user_id) DO UPDATE SET assigned = true`,
      [roomId, userIds],
    );
  }

  /** The highest version accepted: to join (session null), or re-affirmed in the given session. */
  async acceptedVersion(roomId: string, userId: string, sessionId: string | null): Promise<number | null> {
    const [row] = await this.preparedReads.rows<{ version: number | null }>(
      `SELECT max(version) AS version FROM chat_agreement_acceptance
       WHERE room_id = $1 AND user_id = $2 AND session_id IS NOT DISTINCT FROM $3::uuid`,
      [roomId, userId, sessionId],
    );
    return row?.version ?? null;
  }

  async accept(roomId: string, userId: string, version: number, sessionId: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO chat_agreement_acceptance (room_id, user_id, version, session_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [roomId, userId, version, sessionId],
    );
  }
}
