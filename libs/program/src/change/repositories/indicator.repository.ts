import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import { SqlConditions } from '@app/database';
import { DataSource } from 'typeorm';
import type { CalendarDate, Direction } from '../model';

export interface IndicatorFields {
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: Direction;
}

export interface IndicatorRecord extends IndicatorFields {
  id: string;
  targetId: string;
  createdAt: Date;
}

export interface MeasurementRecord {
  id: string;
  indicatorId: string;
  measuredOn: CalendarDate;
  value: number;
  note: string;
  evidenceUrls: string[];
  recordedById: string | null;
  recordedByName: string | null;
  createdAt: Date;
}

export interface IndicatorWithMeasurements extends IndicatorRecord {
  measurements: MeasurementRecord[];
}

// numeric comes back from pg as text: exact, but the API speaks JSON numbers.
const toIndicator = (row: IndicatorRecord): IndicatorRecord => ({ ...row, baseline: Number(row.baseline), targetValue: Number(row.targetValue) });
const toMeasurement = (row: MeasurementRecord): MeasurementRecord => ({ ...row, value: Number(row.value) });

const INDICATOR_COLUMNS = `i.id, i.target_id AS "targetId", i.name, i.unit, i.baseline, i.target_value AS "targetValue",
  i.direction, i.created_at AS "createdAt"`;
const MEASUREMENT_COLUMNS = `m.id, m.indicator_id AS "indicatorId", m.measured_on::text AS "measuredOn", m.value, m.note,
  m.evidence_urls AS "evidenceUrls", m.recorded_by_id AS "recordedById", r.display_name AS "recordedByName", m.created_at AS "createdAt"`;

/** A target's indicators and their measurements. */
@Injectable()
export class IndicatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<IndicatorRecord | null> {
    const rows = await this.dataSource.query(`SELECT ${INDICATOR_COLUMNS} FROM change_indicator i WHERE i.id = $1`, [id]);
    return rows[0] ? toIndicator(rows[0]) : null;
  }

  async countMeasurements(indicatorId: string): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM change_measurement WHERE indicator_id = $1', [indicatorId]);
    return row.n;
  }

  /** A target's indicators, each with every measurement in time order: two statements, whatever their number. */
  async listForTarget(targetId: string): Promise<IndicatorWithMeasurements[]> {
    const indicators: IndicatorRecord[] = await this.dataSource.query(
      `SELECT ${INDICATOR_COLUMNS} FROM change_indicator i WHERE i.target_id = $1 ORDER BY i.created_at, i.id`,
      [targetId],
    );
    const measurements: MeasurementRecord[] = indicators.length
      ? await this.dataSource.query(
          `SELECT ${MEASUREMENT_COLUMNS} FROM change_measurement m LEFT JOIN app_user r ON r.id = m.recorded_by_id
           WHERE m.indicator_id = ANY($1::uuid[]) ORDER BY m.indicator_id, m.measured_on, m.created_at, m.id`,
          [indicators.map((i) => i.id)],
        )
      : [];
    return indicators.map((indicator) => ({
      ...toIndicator(indicator),
      measurements: measurements.filter((m) => m.indicatorId === indicator.id).map(toMeasurement),
    }));
  }

  async create(targetId: string, fields: IndicatorFields): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO change_indicator (target_id, name, unit, baseline, target_value, direction) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [targetId, fields.name, fields.unit, fields.baseline, fields.targetValue, fields.direction],
    );
    return row.id;
  }

  async update(id: string, patch: Partial<IndicatorFields>): Promise<void> {
    const sets = new SqlConditions();
    const columns: [keyof IndicatorFields, string][] = [
      ['name', 'name'],
      ['unit', 'unit'],
      ['baseline', 'baseline'],
      ['targetValue', 'target_value'],
      ['direction', 'direction'],
    ];
    const assignments = columns.filter(([field]) => patch[field] !== undefined).map(([field, column]) => `${column} = ${sets.param(patch[field])}`);
    if (assignments.length === 0) return;
    await this.dataSource.query(`UPDATE change_indicator SET ${assignments.join(', ')} WHERE id = ${sets.param(id)}`, sets.values);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM change_indicator WHERE id = $1', [id]);
  }

  async findMeasurement(id: string): Promise<MeasurementRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${MEASUREMENT_COLUMNS} FROM change_measurement m LEFT JOIN app_user r ON r.id = m.recorded_by_id WHERE m.id = $1`,
      [id],
    );
    return rows[0] ? toMeasurement(rows[0]) : null;
  }

  /** A measurement's place: the target its indicator belongs to. */
  async measurementOwner(id: string): Promise<{ id: string; targetId: string } | null> {
    const rows = await this.dataSource.query(
      `SELECT m.id, i.target_id AS "targetId" FROM change_measurement m JOIN change_indicator i ON i.id = m.indicator_id WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Measurements in time order (keyset on measured_on, id); limit + 1 rows. */
  async measurements(indicatorId: string, page: { after?: Keyset; limit: number }): Promise<MeasurementRecord[]> {
    const rows = await this.dataSource.query(
      `SELECT ${MEASUREMENT_COLUMNS} FROM change_measurement m LEFT JOIN app_user r ON r.id = m.recorded_by_id
       WHERE m.indicator_id = $1 AND ($2::date IS NULL OR (m.measured_on, m.id) > ($2::date, $3::uuid))
       ORDER BY m.measured_on, m.id LIMIT $4`,
      [indicatorId, page.after?.key ?? null, page.after?.id ?? null, page.limit + 1],
    );
    return rows.map(toMeasurement);
  }

  async addMeasurement(
    indicatorId: string,
    measurement: { measuredOn: CalendarDate; value: number; note: string; evidenceUrls: string[] },
    recordedById: string,
  ): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO change_measurement (indicator_id, measured_on, value, note, evidence_urls, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [indicatorId, measurement.measuredOn, measurement.value, measurement.note, measurement.evidenceUrls, recordedById],
    );
    return row.id;
  }

  async deleteMeasurement(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM change_measurement WHERE id = $1', [id]);
  }
}
