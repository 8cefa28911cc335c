import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarDate } from '../model';

export interface SchoolFacts {
  id: string;
  name: string;
  namedToPeers: boolean;
}

/** What the change rules ask about a school and its people. */
@Injectable()
export class SchoolRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findSchool(id: string): Promise<SchoolFacts | null> {
    const rows = await this.dataSource.query('SELECT id, name, named_to_peers AS "namedToPeers" FROM institution WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** The active people among `userIds` who belong to the school. */
  async membersAmong(schoolId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND institution_id = $2 AND status = 'active'`,
      [userIds, schoolId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Whether the person serves today on one of the school's guiding coalitions (a term covering today, or no term). */
  async servesOnCoalition(userId: string, schoolId: string, today: CalendarDate): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM group_member m JOIN "group" g ON g.id = m.group_id
         WHERE m.user_id = $1 AND g.institution_id = $2 AND g.kind = 'guiding_coalition'
           AND (m.term_starts_on IS NULL OR (m.term_starts_on <= $3::date AND $3::date < m.term_ends_on))
       ) AS serves`,
      [userId, schoolId, today],
    );
    return row.serves;
  }
}
