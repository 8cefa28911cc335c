import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface CohortRecord {
  id: string;
  name: string;
  institutionId: string;
  currentPhase: number | null;
}

export interface PhaseDates {
  phase: number;
  /** 'YYYY-MM-DD' */
  startsOn: string;
  endsOn: string;
}

export interface CohortMember {
  id: string;
  displayName: string;
}

const COHORT_COLUMNS = `c.id, c.name, c.institution_id AS "institutionId", c.current_phase::int AS "currentPhase"`;

/** Where a cohort is in the program: its current phase and each phase's dates, and who is in it. */
@Injectable()
export class CohortPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  async cohort(id: string): Promise<CohortRecord | null> {
    const rows: CohortRecord[] = await this.dataSource.query(`SELECT ${COHORT_COLUMNS} FROM cohort c WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A person's own cohorts, by name: the first is the one their path shows unless they pick another. */
  cohortsOf(userId: string): Promise<CohortRecord[]> {
    return this.dataSource.query(
      `SELECT ${COHORT_COLUMNS} FROM cohort c JOIN cohort_member cm ON cm.cohort_id = c.id WHERE cm.user_id = $1 ORDER BY c.name, c.id`,
      [userId],
    );
  }

  phaseDates(cohortId: string): Promise<PhaseDates[]> {
    return this.dataSource.query(
      `SELECT phase::int AS phase, starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM cohort_phase_dates
        WHERE cohort_id = $1 ORDER BY phase`,
      [cohortId],
    );
  }

  async setCurrentPhase(cohortId: string, phase: number | null): Promise<void> {
    await this.dataSource.query('UPDATE cohort SET current_phase = $2 WHERE id = $1', [cohortId, phase]);
  }

  /** Replaces every phase's dates at once, so a cohort's calendar is never half old and half new. */
  async replaceDates(cohortId: string, dates: readonly PhaseDates[]): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query('SELECT 1 FROM cohort WHERE id = $1 FOR UPDATE', [cohortId]);
      await manager.query('DELETE FROM cohort_phase_dates WHERE cohort_id = $1', [cohortId]);
      if (dates.length === 0) return;
      await manager.query(
        `INSERT INTO cohort_phase_dates (cohort_id, phase, starts_on, ends_on)
         SELECT $1, d.phase, d.starts_on, d.ends_on FROM jsonb_to_recordset($2::jsonb) AS d(phase smallint, starts_on date, ends_on date)`,
        [cohortId, JSON.stringify(dates.map((d) => ({ phase: d.phase, starts_on: d.startsOn, ends_on: d.endsOn })))],
      );
    });
  }

  /** Active members, by name. */
  members(cohortId: string): Promise<CohortMember[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName" FROM cohort_member cm JOIN app_user u ON u.id = cm.user_id
        WHERE cm.cohort_id = $1 AND u.status = 'active' ORDER BY u.display_name, u.id`,
      [cohortId],
    );
  }
}
