import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionKind } from '../policy/session-policy';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface SessionRecord {
  id: string;
  kind: SessionKind;
  phase: number | null;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  scopeKey: ScopeKey;
  joinUrl: string | null;
  location: string | null;
  agenda: string;
  agendaHtml: string;
  roomId: string | null;
  parentId: string | null;
  notes: string;
  notesArticleId: string | null;
  cancelledAt: Date | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  facilitators: PersonRef[];
  facilitatorIds: string[];
}

/** The fields a session is written with; facilitators and pre-work are written beside it. */
export interface SessionContent {
  phase: number | null;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  joinUrl: string | null;
  location: string | null;
  agenda: string;
  agendaHtml: string;
  roomId: string | null;
}

export interface NewSession extends SessionContent {
  kind: SessionKind;
  scopeKey: ScopeKey;
  parentId: string | null;
  createdById: string;
}

export type PreworkEntry = { itemId: string; articleId?: undefined } | { articleId: string; itemId?: undefined };

export interface PreworkRow {
  position: number;
  itemId: string | null;
  itemTitle: string | null;
  articleId: string | null;
}

/** Columns of `program_session s` as a SessionRecord; facilitators active or not (a name stays on the record). */
export const SESSION_COLUMNS = `s.id, s.kind, s.phase::int AS phase, s.title, s.description, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.time_zone AS "timeZone", s.scope_key AS "scopeKey", s.join_url AS "joinUrl", s.location, s.agenda, s.agenda_html AS "agendaHtml",
  s.room_id AS "roomId", s.parent_id AS "parentId", s.notes, s.notes_article_id AS "notesArticleId", s.cancelled_at AS "cancelledAt",
  s.created_by_id AS "createdById", s.created_at AS "createdAt", s.updated_at AS "updatedAt",
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name, u.id)
    FROM program_session_facilitator f JOIN app_user u ON u.id = f.user_id WHERE f.session_id = s.id), '[]') AS facilitators,
  ARRAY(SELECT f.user_id FROM program_session_facilitator f WHERE f.session_id = s.id) AS "facilitatorIds"`;

/** Sessions, their facilitators and pre-work. RSVPs and attendance live in SessionRsvpRepository. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<SessionRecord | null> {
    const rows: SessionRecord[] = await this.db(manager).query(
      `SELECT ${SESSION_COLUMNS} FROM program_session s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM program_session WHERE id = $1 FOR UPDATE', [id]);
  }

  async create(session: NewSession, now: Date, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO program_session (kind, phase, title, description, starts_at, ends_at, time_zone, scope_key, join_url, location,
                                    agenda, agenda_html, room_id, parent_id, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id`,
      [
        session.kind,
        session.phase,
        session.title,
        session.description,
        session.startsAt,
        session.endsAt,
        session.timeZone,
        session.scopeKey,
        session.joinUrl,
        session.location,
        session.agenda,
        session.agendaHtml,
        session.roomId,
        session.parentId,
        session.createdById,
        now,
      ],
    );
    return row.id;
  }

  /** `now` moves updated_at, which the iCalendar SEQUENCE is counted from: calendars take the change. */
  async update(id: string, content: SessionContent, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE program_session SET phase = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, time_zone = $7, join_url = $8,
              location = $9, agenda = $10, agenda_html = $11, room_id = $12, updated_at = $13
        WHERE id = $1`,
      [
        id,
        content.phase,
        content.title,
        content.description,
        content.startsAt,
        content.endsAt,
        content.timeZone,
        content.joinUrl,
        content.location,
        content.agenda,
        content.agendaHtml,
        content.roomId,
        now,
      ],
    );
  }

  async setFacilitators(id: string, userIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM program_session_facilitator WHERE session_id = $1', [id]);
    if (userIds.length) {
      await manager.query('INSERT INTO program_session_facilitator (session_id, user_id) SELECT $1, unnest($2::uuid[])', [
        id,
        userIds,
      ]);
    }
  }

  async setPrework(id: string, entries: readonly PreworkEntry[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM program_session_prework WHERE session_id = $1', [id]);
    if (entries.length) {
      await manager.query(
        `INSERT INTO program_session_prework (session_id, position, item_id, article_id)
         SELECT $1, r.position, r.item_id, r.article_id FROM jsonb_to_recordset($2::jsonb) AS r(position int, item_id uuid, article_id uuid)`,
        [
          id,
          JSON.stringify(
            entries.map((e, position) => ({ position, item_id: e.itemId ?? null, article_id: e.articleId ?? null })),
          ),
        ],
      );
    }
  }

  async prework(id: string): Promise<PreworkRow[]> {
    return this.dataSource.query(
      `SELECT p.position, p.item_id AS "itemId", i.title AS "itemTitle", p.article_id AS "articleId"
         FROM program_session_prework p LEFT JOIN program_item i ON i.id = p.item_id
        WHERE p.session_id = $1 ORDER BY p.position`,
      [id],
    );
  }

  /** Learning-path items are the consortium's program content, readable by every member: only their existence matters. */
  async existingItemIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM program_item WHERE id = ANY($1::uuid[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async subSessions(parentId: string): Promise<SessionRecord[]> {
    return this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM program_session s WHERE s.parent_id = $1 ORDER BY s.starts_at, s.id`,
      [parentId],
    );
  }

  /** Live sub-sessions that a new span for their conference would leave outside it. */
  async subSessionsOutside(parentId: string, startsAt: Date, endsAt: Date, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM program_session
        WHERE parent_id = $1 AND cancelled_at IS NULL AND (starts_at < $2 OR ends_at > $3)`,
      [parentId, startsAt, endsAt],
    );
    return row.n;
  }

  /** Cancelling a conference cancels its sub-sessions with it. */
  async cancel(id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE program_session SET cancelled_at = $2, updated_at = $2 WHERE (id = $1 OR parent_id = $1) AND cancelled_at IS NULL',
      [id, now],
    );
  }

  /** Notes are the facilitators' working text: saving them is not a change calendars need to hear about. */
  async setNotes(id: string, notes: string): Promise<void> {
    await this.dataSource.query('UPDATE program_session SET notes = $2 WHERE id = $1', [id, notes]);
  }

  /** Records the captured draft; false when another capture got there first. */
  async setNotesArticle(id: string, articleId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      'UPDATE program_session SET notes_article_id = $2 WHERE id = $1 AND notes_article_id IS NULL',
      [id, articleId],
    );
    return count > 0;
  }
}
