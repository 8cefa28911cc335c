import { Injectable } from '@nestjs/common';
import { PreparedReads } from '@app/database';
import type { CalendarDate, Direction, TargetCategory, TargetStatus } from '../model';
import type { SchoolFacts } from './school.repository';

/** The points of a chart: at most this many of an indicator's latest measurements (two years of weekly ones). */
export const SERIES_POINTS = 104;
export const OVERDUE_STEPS_SHOWN = 100;
export const RECENT_WINS_SHOWN = 10;

export interface DashboardIndicatorRow {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: Direction;
  /** [measuredOn, value] in time order, the latest last. */
  series: [CalendarDate, number][];
}

export interface DashboardTargetRow {
  id: string;
  title: string;
  status: TargetStatus;
  category: TargetCategory;
  sphere: string;
  startsOn: CalendarDate;
  dueOn: CalendarDate;
  ownerId: string | null;
  ownerName: string | null;
  indicators: DashboardIndicatorRow[];
}

export interface DashboardRow {
  /** Null when there is no such school. */
  school: SchoolFacts | null;
  targets: DashboardTargetRow[];
  overdue: { id: string; title: string; dueOn: CalendarDate; targetId: string; targetTitle: string; ownerId: string | null; ownerName: string | null }[];
  wins: { id: string; title: string; happenedOn: CalendarDate; targetId: string; targetTitle: string }[];
  cohorts: { id: string; name: string; currentPhase: number | null }[];
}

/**
 * A school's dashboard in one statement (one round trip, a plan made once per connection): the school, its targets
 * with their indicators and each indicator's latest points, the open steps past due, the latest wins and the cohorts'
 * phases.
 * Each part walks an index from the school's targets (change_target_school_idx, change_indicator_target_idx,
 * change_measurement_indicator_idx, change_step_target_idx, change_log_entry_target_idx).
 */
export const DASHBOARD_SQL = `
WITH targets AS MATERIALIZED (
  SELECT t.id, t.title, t.status, t.category, t.sphere, t.starts_on, t.due_on, t.owner_id, o.display_name AS owner_name
  FROM change_target t LEFT JOIN app_user o ON o.id = t.owner_id
  WHERE t.institution_id = $1
)
SELECT
  (SELECT json_build_object('id', s.id, 'name', s.name, 'namedToPeers', s.named_to_peers) FROM institution s WHERE s.id = $1) AS school,
  (SELECT coalesce(json_agg(json_build_object(
      'id', t.id, 'title', t.title, 'status', t.status, 'category', t.category, 'sphere', t.sphere,
      'startsOn', t.starts_on, 'dueOn', t.due_on, 'ownerId', t.owner_id, 'ownerName', t.owner_name,
      'indicators', (
        SELECT coalesce(json_agg(json_build_object(
            'id', i.id, 'name', i.name, 'unit', i.unit, 'baseline', i.baseline, 'targetValue', i.target_value,
            'direction', i.direction,
            'series', (
              SELECT coalesce(json_agg(json_build_array(p.measured_on, p.value) ORDER BY p.measured_on, p.created_at, p.id), '[]')
              FROM (SELECT m.id, m.measured_on, m.value, m.created_at FROM change_measurement m WHERE m.indicator_id = i.id
                    ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT ${SERIES_POINTS}) p)
          ) ORDER BY i.created_at, i.id), '[]')
        FROM change_indicator i WHERE i.target_id = t.id)
    ) ORDER BY t.due_on, t.id), '[]') FROM targets t) AS targets,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'dueOn', x.due_on, 'targetId', x.target_id,
      'targetTitle', x.target_title, 'ownerId', x.owner_id, 'ownerName', x.owner_name) ORDER BY x.due_on, x.id), '[]')
   FROM (SELECT s.id, s.title, s.due_on, t.id AS target_id, t.title AS target_title, s.owner_id, o.display_name AS owner_name
         FROM targets t JOIN change_step s ON s.target_id = t.id LEFT JOIN app_user o ON o.id = s.owner_id
         WHERE s.done_at IS NULL AND s.due_on < $2::date ORDER BY s.due_on, s.id LIMIT ${OVERDUE_STEPS_SHOWN}) x) AS overdue,
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'happenedOn', x.happened_on, 'targetId', x.target_id,
      'targetTitle', x.target_title) ORDER BY x.happened_on DESC, x.created_at DESC, x.id), '[]')
   FROM (SELECT e.id, e.title, e.happened_on, e.created_at, t.id AS target_id, t.title AS target_title
         FROM targets t JOIN change_log_entry e ON e.target_id = t.id AND e.kind = 'win'
         ORDER BY e.happened_on DESC, e.created_at DESC, e.id LIMIT ${RECENT_WINS_SHOWN}) x) AS wins,
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'currentPhase', c.current_phase) ORDER BY c.name, c.id), '[]')
   FROM cohort c WHERE c.institution_id = $1) AS cohorts`;

export interface ConsortiumSchoolRow {
  id: string;
  name: string;
  namedToPeers: boolean;
  /** [phase or null (not started), cohorts] */
  cohorts: [number | null, number][];
  targets: Partial<Record<TargetStatus, number>>;
  /**
   * Of targets not dropped: [baseline, targetValue, direction, days since the target started, its length in days,
   * latest value or null]. Day counts come from PostgreSQL's date arithmetic: parsing 300 dates per request costs more.
   */
  indicators: [number, number, Direction, number, number, number | null][];
  wins: number;
}

/**
 * Every school's figures in one statement, set-based: each part is one pass grouped by school (the latest measurement
 * of each indicator is one backward step on change_measurement_indicator_idx), then joined to the schools.
 */
export const CONSORTIUM_SQL = `
WITH cohorts AS (
  SELECT x.institution_id, json_agg(json_build_array(x.phase, x.n) ORDER BY x.phase NULLS FIRST) AS cohorts
  FROM (SELECT c.institution_id, c.current_phase AS phase, count(*)::int AS n FROM cohort c GROUP BY 1, 2) x
  GROUP BY x.institution_id
), targets AS (
  SELECT x.institution_id, json_object_agg(x.status, x.n) AS targets
  FROM (SELECT t.institution_id, t.status, count(*)::int AS n FROM change_target t GROUP BY 1, 2) x
  GROUP BY x.institution_id
), indicators AS (
  SELECT t.institution_id, json_agg(json_build_array(i.baseline, i.target_value, i.direction, $1::date - t.starts_on, t.due_on - t.starts_on, l.value)) AS indicators
  FROM change_target t JOIN change_indicator i ON i.target_id = t.id
  LEFT JOIN LATERAL (SELECT m.value FROM change_measurement m WHERE m.indicator_id = i.id
                     ORDER BY m.measured_on DESC, m.created_at DESC LIMIT 1) l ON true
  WHERE t.status <> 'dropped'
  GROUP BY t.institution_id
), wins AS (
  SELECT t.institution_id, count(*)::int AS wins
  FROM change_log_entry e JOIN change_target t ON t.id = e.target_id
  WHERE e.kind = 'win' AND e.happened_on > $1::date - 90 AND e.happened_on <= $1::date
  GROUP BY t.institution_id
)
SELECT s.id, s.name, s.named_to_peers AS "namedToPeers", coalesce(c.cohorts, '[]') AS cohorts, coalesce(t.targets, '{}') AS targets,
  coalesce(i.indicators, '[]') AS indicators, coalesce(w.wins, 0) AS wins
FROM institution s
LEFT JOIN cohorts c ON c.institution_id = s.id
LEFT JOIN targets t ON t.institution_id = s.id
LEFT JOIN indicators i ON i.institution_id = s.id
LEFT JOIN wins w ON w.institution_id = s.id
ORDER BY s.name, s.id`;

/** The read side of monitoring: a school's dashboard and the consortium's progress. */
@Injectable()
export class ChangeProgressRepository {
  constructor(private readonly reads: PreparedReads) {}

  async dashboard(schoolId: string, today: CalendarDate): Promise<DashboardRow> {
    const [row] = await this.reads.rows<DashboardRow>(DASHBOARD_SQL, [schoolId, today]);
    return row;
  }

  consortium(today: CalendarDate): Promise<ConsortiumSchoolRow[]> {
    return this.reads.rows<ConsortiumSchoolRow>(CONSORTIUM_SQL, [today]);
  }
}
