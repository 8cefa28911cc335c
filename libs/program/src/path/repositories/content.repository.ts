import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ItemKind } from '../policy/path-policy';

export interface ModuleRecord {
  id: string;
  phase: number;
  title: string;
  description: string;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The parts of an item an author writes; `bodyHtml` is rendered from `body` on write. */
export interface ItemContent {
  title: string;
  required: boolean;
  position: number;
  videoUrl: string | null;
  body: string;
  bodyHtml: string;
  articleId: string | null;
  linkUrl: string | null;
  instrumentId: string | null;
}

/** An item in a list (the path, a progress matrix): everything but its text. */
export interface ItemSummary {
  id: string;
  moduleId: string;
  moduleTitle: string;
  phase: number;
  kind: ItemKind;
  title: string;
  required: boolean;
  position: number;
}

export interface ItemRecord extends ItemContent, ItemSummary {
  createdAt: Date;
  updatedAt: Date;
}

const MODULE_COLUMNS = `m.id, m.phase::int AS phase, m.title, m.description, m.position, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;
const ITEM_COLUMNS = `i.id, i.module_id AS "moduleId", m.title AS "moduleTitle", m.phase::int AS phase, i.kind, i.title, i.required,
  i.position, i.video_url AS "videoUrl", i.body, i.body_html AS "bodyHtml", i.article_id AS "articleId", i.link_url AS "linkUrl",
  i.instrument_id AS "instrumentId", i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;
const SUMMARY_COLUMNS = `i.id, i.module_id AS "moduleId", m.title AS "moduleTitle", m.phase::int AS phase, i.kind, i.title, i.required, i.position`;
const ITEM_FROM = 'program_item i JOIN program_module m ON m.id = i.module_id';

/** The learning path's content: modules per phase, and their items. */
@Injectable()
export class ContentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Every module and item in path order: phase, position, then creation (the id breaks ties stably). */
  async tree(): Promise<{ modules: ModuleRecord[]; items: ItemSummary[] }> {
    const [modules, items] = await Promise.all([
      this.dataSource.query(`SELECT ${MODULE_COLUMNS} FROM program_module m ORDER BY m.phase, m.position, m.created_at, m.id`),
      this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS} FROM ${ITEM_FROM} ORDER BY m.phase, m.position, m.created_at, m.id, i.position, i.created_at, i.id`,
      ),
    ]);
    return { modules, items };
  }

  async moduleById(id: string, manager?: EntityManager): Promise<ModuleRecord | null> {
    const rows: ModuleRecord[] = await this.db(manager).query(`SELECT ${MODULE_COLUMNS} FROM program_module m WHERE m.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async createModule(input: { phase: number; title: string; description: string; position: number }): Promise<string> {
    const [row] = await this.dataSource.query(
      'INSERT INTO program_module (phase, title, description, position) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.phase, input.title, input.description, input.position],
    );
    return row.id as string;
  }

  async updateModule(
    id: string,
    patch: Partial<Pick<ModuleRecord, 'phase' | 'title' | 'description' | 'position'>>,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE program_module SET phase = COALESCE($2, phase), title = COALESCE($3, title), description = COALESCE($4, description),
         position = COALESCE($5, position), updated_at = now() WHERE id = $1`,
      [id, patch.phase ?? null, patch.title ?? null, patch.description ?? null, patch.position ?? null],
    );
  }

  /** Its items and everyone's progress on them go with it (ON DELETE CASCADE). */
  async deleteModule(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query('DELETE FROM program_module WHERE id = $1', [id]);
    return count === 1;
  }

  /** The next position at the end of a module's items (or of a phase's modules). */
  async nextItemPosition(moduleId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM program_item WHERE module_id = $1',
      [moduleId],
    );
    return row.next as number;
  }

  async nextModulePosition(phase: number): Promise<number> {
    const [row] = await this.dataSource.query(
      'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM program_module WHERE phase = $1',
      [phase],
    );
    return row.next as number;
  }

  async itemById(id: string, manager?: EntityManager): Promise<ItemRecord | null> {
    const rows: ItemRecord[] = await this.db(manager).query(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async createItem(moduleId: string, kind: ItemKind, content: ItemContent): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO program_item (module_id, kind, title, required, position, video_url, body, body_html, article_id, link_url, instrument_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [moduleId, kind, ...contentValues(content)],
    );
    return row.id as string;
  }

  /** Writes the whole content (the service merged the patch and checked the result as a whole). */
  async updateItem(id: string, moduleId: string, content: ItemContent): Promise<void> {
    await this.dataSource.query(
      `UPDATE program_item SET module_id = $2, title = $3, required = $4, position = $5, video_url = $6, body = $7, body_html = $8,
         article_id = $9, link_url = $10, instrument_id = $11, updated_at = now() WHERE id = $1`,
      [id, moduleId, ...contentValues(content)],
    );
  }

  async deleteItem(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query('DELETE FROM program_item WHERE id = $1', [id]);
    return count === 1;
  }

  async instrumentExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM assessment_instrument WHERE id = $1', [id]);
    return rows.length > 0;
  }
}

function contentValues(c: ItemContent): unknown[] {
  return [c.title, c.required, c.position, c.videoUrl, c.body, c.bodyHtml, c.articleId, c.linkUrl, c.instrumentId];
}
