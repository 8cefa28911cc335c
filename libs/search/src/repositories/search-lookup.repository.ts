import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource } from 'typeorm';

/** Turns the names people type in a search box (space slugs, school slugs, handles) into ids. */
@Injectable()
export class SearchLookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  async spaceIdsBySlug(slugs: readonly string[]): Promise<{ id: string; scopeKey: ScopeKey }[]> {
    if (slugs.length === 0) return [];
    return this.dataSource.query('SELECT id, scope_key AS "scopeKey" FROM space WHERE slug = ANY($1::text[])', [slugs]);
  }

  /** Every scope of the named schools: the school itself, its cohorts and its groups. */
  async schoolScopesBySlug(slugs: readonly string[]): Promise<ScopeKey[]> {
    if (slugs.length === 0) return [];
    const rows: { key: ScopeKey }[] = await this.dataSource.query(
      `SELECT 'inst:' || i.id AS key FROM institution i WHERE i.slug = ANY($1::text[])
       UNION ALL SELECT 'cohort:' || c.id FROM cohort c JOIN institution i ON i.id = c.institution_id WHERE i.slug = ANY($1::text[])
       UNION ALL SELECT 'group:' || g.id FROM "group" g JOIN institution i ON i.id = g.institution_id WHERE i.slug = ANY($1::text[])`,
      [slugs],
    );
    return rows.map((r) => r.key);
  }

  async userIdsByHandle(handles: readonly string[]): Promise<string[]> {
    if (handles.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM app_user WHERE handle = ANY($1::text[]) AND status = 'active'`, [handles]);
    return rows.map((r) => r.id);
  }
}
