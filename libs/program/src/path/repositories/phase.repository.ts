import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PhaseRecord {
  number: number;
  title: string;
  description: string;
  goals: string[];
  moduleCount: number;
  itemCount: number;
  updatedAt: Date;
}

export interface PhasePatch {
  title?: string;
  description?: string;
  goals?: string[];
}

/** The program's six phases (seeded by the migration; only their words change). */
@Injectable()
export class PhaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<PhaseRecord[]> {
    return this.dataSource.query(
      `SELECT p.number::int AS number, p.title, p.description, p.goals, p.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM program_module m WHERE m.phase = p.number) AS "moduleCount",
         (SELECT count(*)::int FROM program_item i JOIN program_module m ON m.id = i.module_id WHERE m.phase = p.number) AS "itemCount"
       FROM program_phase p ORDER BY p.number`,
    );
  }

  async find(number: number): Promise<PhaseRecord | null> {
    return (await this.list()).find((phase) => phase.number === number) ?? null;
  }

  async update(number: number, patch: PhasePatch): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE program_phase SET title = COALESCE($2, title), description = COALESCE($3, description),
         goals = COALESCE($4::text[], goals), updated_at = now()
       WHERE number = $1`,
      [number, patch.title ?? null, patch.description ?? null, patch.goals ?? null],
    );
    return count === 1;
  }
}
