import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quarterSql, type ResponseFacts, type SchoolResponseFacts } from '../model/aggregate';

const QUARTER = quarterSql('r.submitted_at');

export interface SchoolRecord {
  id: string;
  name: string;
  slug: string;
  namedToPeers: boolean;
}

/** The schools behind results and the landscape, and the responses their aggregates are made of. */
@Injectable()
export class SchoolResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async school(id: string): Promise<SchoolRecord | null> {
    const rows = await this.dataSource.query(
      'SELECT id, name, slug, named_to_peers AS "namedToPeers" FROM institution WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async cohortIdsOf(schoolId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM cohort WHERE institution_id = $1', [schoolId]);
    return rows.map((r) => r.id);
  }

  async schools(ids: readonly string[]): Promise<SchoolRecord[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      'SELECT id, name, slug, named_to_peers AS "namedToPeers" FROM institution WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  /**
   * The school's responses to the instrument, each with its quarter; read only to be aggregated. One per person per
   * version and quarter (their latest): the minimum counts people, so someone answering five times is one respondent.
   */
  responses(schoolId: string, instrumentId: string): Promise<ResponseFacts[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (r.user_id, r.version_id, ${QUARTER}) r.version_id AS "versionId", ${QUARTER} AS quarter, r.answers, r.scores
       FROM assessment_response r JOIN assessment_version v ON v.id = r.version_id
       WHERE r.institution_id = $1 AND v.instrument_id = $2
       ORDER BY r.user_id, r.version_id, ${QUARTER}, r.submitted_at DESC, r.id DESC`,
      [schoolId, instrumentId],
    );
  }

  /** Every school's responses to the instrument (optionally one version), scores only, for the consortium means; one per person as above. */
  allSchoolResponses(instrumentId: string, version: number | null): Promise<SchoolResponseFacts[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (r.user_id, r.institution_id, r.version_id, ${QUARTER}) r.institution_id AS "institutionId",
         r.version_id AS "versionId", ${QUARTER} AS quarter, '{}'::jsonb AS answers, r.scores
       FROM assessment_response r JOIN assessment_version v ON v.id = r.version_id
       WHERE v.instrument_id = $1 AND r.institution_id IS NOT NULL AND ($2::int IS NULL OR v.version = $2)
       ORDER BY r.user_id, r.institution_id, r.version_id, ${QUARTER}, r.submitted_at DESC, r.id DESC`,
      [instrumentId, version],
    );
  }
}
