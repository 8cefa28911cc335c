import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '../model';

export interface CoalitionGroupRecord {
  id: string;
  name: string;
  description: string;
}

export interface CoalitionMemberRecord {
  groupId: string;
  userId: string;
  displayName: string;
  termStartsOn: CalendarDate | null;
  termEndsOn: CalendarDate | null;
  chair: boolean;
}

/** A school's guiding coalition: groups of kind guiding_coalition, their members' terms and the chair. */
@Injectable()
export class CoalitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  groups(schoolId: string): Promise<CoalitionGroupRecord[]> {
    return this.dataSource.query(
      `SELECT id, name, description FROM "group" WHERE institution_id = $1 AND kind = 'guiding_coalition' ORDER BY name, id`,
      [schoolId],
    );
  }

  /** Members of the given groups: the chair first, then by name. */
  members(groupIds: readonly string[]): Promise<CoalitionMemberRecord[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT m.group_id AS "groupId", m.user_id AS "userId", u.display_name AS "displayName",
         m.term_starts_on::text AS "termStartsOn", m.term_ends_on::text AS "termEndsOn", m.chair
       FROM group_member m JOIN app_user u ON u.id = m.user_id
       WHERE m.group_id = ANY($1::uuid[]) ORDER BY m.chair DESC, lower(u.display_name), u.id`,
      [groupIds],
    );
  }

  /**
   * Adds the person to the group or changes their term, as one transaction's part. Making someone chair first takes
   * the group's row lock (so two chair changes never interleave) and clears the previous chair. A term ends one year
   * after it starts (PostgreSQL's date arithmetic: 29 February gives 28 February). `chair` undefined keeps what was.
   */
  async setMember(groupId: string, userId: string, termStartsOn: CalendarDate, chair: boolean | undefined, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM "group" WHERE id = $1 FOR UPDATE', [groupId]);
    if (chair) await manager.query('UPDATE group_member SET chair = false WHERE group_id = $1 AND chair AND user_id <> $2', [groupId, userId]);
    await manager.query(
      `INSERT INTO group_member (group_id, user_id, term_starts_on, term_ends_on, chair)
       VALUES ($1, $2, $3::date, ($3::date + interval '1 year')::date, coalesce($4::boolean, false))
       ON CONFLICT (group_id, user_id) DO UPDATE SET term_starts_on = EXCLUDED.term_starts_on,
         term_ends_on = EXCLUDED.term_ends_on, chair = coalesce($4::boolean, group_member.chair)`,
      [groupId, userId, termStartsOn, chair ?? null],
    );
  }

  /** Removes the person from the given groups; answers whether they were in any. */
  async removeMember(groupIds: readonly string[], userId: string, manager: EntityManager): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE as [rows, affected].
    const [, affected] = await manager.query('DELETE FROM group_member WHERE group_id = ANY($1::uuid[]) AND user_id = $2', [groupIds, userId]);
    return affected > 0;
  }
}
