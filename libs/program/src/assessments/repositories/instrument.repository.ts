import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { InstrumentKind, InstrumentSection, VersionStatus } from '../model/instrument-model';

export interface InstrumentRecord {
  id: string;
  kind: InstrumentKind;
  title: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRecord {
  id: string;
  instrumentId: string;
  version: number;
  status: VersionStatus;
  sections: InstrumentSection[];
  publishedAt: Date | null;
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const INSTRUMENT_COLUMNS = `i.id, i.kind, i.title, i.description, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;
const VERSION_COLUMNS = `v.id, v.instrument_id AS "instrumentId", v.version, v.status, v.sections, v.published_at AS "publishedAt",
  v.retired_at AS "retiredAt", v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

/** PostgreSQL's check_violation: the frozen-version trigger refusing a write that slipped past the service. */
export const isFrozenByTrigger = (error: unknown): boolean =>
  ((error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code) === '23514';

/** Instruments and their versions; a version's sections are one JSON document. */
@Injectable()
export class InstrumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The instrument and its first, empty draft, together. */
  async create(input: { kind: InstrumentKind; title: string; description: string }): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        'INSERT INTO assessment_instrument (kind, title, description) VALUES ($1, $2, $3) RETURNING id',
        [input.kind, input.title, input.description],
      );
      await manager.query('INSERT INTO assessment_version (instrument_id, version) VALUES ($1, 1)', [row.id]);
      return row.id as string;
    });
  }

  async update(id: string, patch: { title?: string; description?: string }): Promise<void> {
    await this.dataSource.query(
      'UPDATE assessment_instrument SET title = COALESCE($2, title), description = COALESCE($3, description), updated_at = now() WHERE id = $1',
      [id, patch.title ?? null, patch.description ?? null],
    );
  }

  async findById(id: string): Promise<InstrumentRecord | null> {
    const rows = await this.dataSource.query(`SELECT ${INSTRUMENT_COLUMNS} FROM assessment_instrument i WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** All instruments, by title (a short list the consortium keeps). */
  list(kind?: InstrumentKind): Promise<InstrumentRecord[]> {
    return this.dataSource.query(
      `SELECT ${INSTRUMENT_COLUMNS} FROM assessment_instrument i WHERE ($1::text IS NULL OR i.kind = $1) ORDER BY i.title, i.id`,
      [kind ?? null],
    );
  }

  /** The versions of these instruments, newest first within each. */
  versionsOf(instrumentIds: readonly string[], manager?: EntityManager): Promise<VersionRecord[]> {
    if (instrumentIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource).query(
      `SELECT ${VERSION_COLUMNS} FROM assessment_version v WHERE v.instrument_id = ANY($1::uuid[]) ORDER BY v.instrument_id, v.version DESC`,
      [instrumentIds],
    );
  }

  async findVersion(instrumentId: string, version: number): Promise<VersionRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM assessment_version v WHERE v.instrument_id = $1 AND v.version = $2`,
      [instrumentId, version],
    );
    return rows[0] ?? null;
  }

  async findVersionById(id: string): Promise<VersionRecord | null> {
    const rows = await this.dataSource.query(`SELECT ${VERSION_COLUMNS} FROM assessment_version v WHERE v.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Replaces a draft's sections; false when the version is no longer a draft. */
  async saveDraft(versionId: string, sections: InstrumentSection[]): Promise<boolean> {
    // An UPDATE answers [rows, affected count] through TypeORM.
    const [, count] = await this.dataSource.query(
      `UPDATE assessment_version SET sections = $2::jsonb, updated_at = now() WHERE id = $1 AND status = 'draft'`,
      [versionId, JSON.stringify(sections)],
    );
    return count === 1;
  }

  /**
   * Publishes a draft and retires the version published before it, in one transaction (the instrument row is locked
   * so two publishes cannot interleave). False when the version is no longer a draft.
   */
  async publish(instrumentId: string, versionId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM assessment_instrument WHERE id = $1 FOR UPDATE', [instrumentId]);
      const [draft] = await manager.query(`SELECT id FROM assessment_version WHERE id = $1 AND status = 'draft'`, [versionId]);
      if (!draft) return false;
      await manager.query(
        `UPDATE assessment_version SET status = 'retired', retired_at = $2, updated_at = now() WHERE instrument_id = $1 AND status = 'published'`,
        [instrumentId, now],
      );
      await manager.query(
        `UPDATE assessment_version SET status = 'published', published_at = $2, updated_at = now() WHERE id = $1`,
        [versionId, now],
      );
      await manager.query('UPDATE assessment_instrument SET updated_at = now() WHERE id = $1', [instrumentId]);
      return true;
    });
  }

  /** A new draft copying the latest version's sections; null when the latest version is itself a draft. */
  async newDraft(instrumentId: string): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM assessment_instrument WHERE id = $1 FOR UPDATE', [instrumentId]);
      const [latest] = await this.versionsOf([instrumentId], manager);
      if (latest?.status === 'draft') return null;
      const next = (latest?.version ?? 0) + 1;
      await manager.query('INSERT INTO assessment_version (instrument_id, version, sections) VALUES ($1, $2, $3::jsonb)', [
        instrumentId,
        next,
        JSON.stringify(latest?.sections ?? []),
      ]);
      return next;
    });
  }

  /** Retires a published version; false when it is not the published one. */
  async retire(versionId: string, now: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE assessment_version SET status = 'retired', retired_at = $2, updated_at = now() WHERE id = $1 AND status = 'published'`,
      [versionId, now],
    );
    return count === 1;
  }
}
