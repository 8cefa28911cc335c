import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';

export const STAGES = ['check_in', 'agreements', 'framing', 'breakouts', 'report_out', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export interface SessionRecord {
  id: string;
  roomId: string;
  number: number;
  stage: Stage;
  stageChangedAt: Date;
  timerEndsAt: Date | null;
  checkInPrompt: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

const SESSION_COLUMNS = `id, room_id AS "roomId", number, stage, stage_changed_at AS "stageChangedAt", timer_ends_at AS "timerEndsAt",
  check_in_prompt AS "checkInPrompt", started_at AS "startedAt", ended_at AS "endedAt"`;

/** Sessions of a room: one live at a time, moved through the stages of a Chat for Change. */
@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedReads: PreparedReads,
  ) {}

  async findById(id: string, manager?: EntityManager): Promise<SessionRecord | null> {
    const rows = await this.preparedReads.rows<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM chat_session WHERE id = $1`, [id], manager);
    return rows[0] ?? null;
  }

  findByIds(ids: readonly string[]): Promise<SessionRecord[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.query(`SELECT ${SESSION_COLUMNS} FROM chat_session WHERE id = ANY($1::uuid[])`, [ids]);
  }

  list(roomId: string): Promise<SessionRecord[]> {
    return this.dataSource.query(`SELECT ${SESSION_COLUMNS} FROM chat_session WHERE room_id = $1 ORDER BY number`, [roomId]);
  }

  async start(roomId: string, checkInPrompt: string | null, at: Date, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO chat_session (room_id, number, check_in_prompt, started_at, stage_changed_at)
       SELECT $1, COALESCE(max(number), 0) + 1, $2, $3, $3 FROM chat_session WHERE room_id = $1 RETURNING id`,
      [roomId, checkInPrompt, at],
    );
    return row.id;
  }

  async setStage(id: string, stage: Stage, timerEndsAt: Date | null, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE chat_session SET stage = $2, timer_ends_at = $3, stage_changed_at = $4,
         ended_at = CASE WHEN $2 = 'closed' THEN $4 ELSE ended_at END
       WHERE id = $1`,
      [id, stage, timerEndsAt, at],
    );
  }

  async setTimer(id: string, timerEndsAt: Date | null, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_session SET timer_ends_at = $2 WHERE id = $1', [id, timerEndsAt]);
  }
}
