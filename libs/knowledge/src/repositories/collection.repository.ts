import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import type { ScopeKey, ScopeSet } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';

export interface CollectionRecord {
  id: string;
  title: string;
  description: string;
  scopeKey: ScopeKey;
  phase: number | null;
  ownerId: string;
  ownerName: string;
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CollectionInput {
  title: string;
  description: string;
  scopeKey: ScopeKey;
  phase: number | null;
}

const COLLECTION_COLUMNS = `c.id, c.title, c.description, c.scope_key AS "scopeKey", c.phase, c.owner_id AS "ownerId",
  o.display_name AS "ownerName", (SELECT count(*)::int FROM kb_collection_item i WHERE i.collection_id = c.id) AS "itemCount",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** Collections: ordered lists of articles with a scope of their own. */
@Injectable()
export class CollectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<CollectionRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${COLLECTION_COLUMNS} FROM kb_collection c JOIN app_user o ON o.id = c.owner_id WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Collections in the reader's scopes, most recently changed first (keyset on updated_at, id); limit + 1 rows. */
  list(readable: ScopeSet, filter: { phase?: number; after?: Keyset; limit: number }): Promise<CollectionRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLLECTION_COLUMNS} FROM kb_collection c JOIN app_user o ON o.id = c.owner_id
       WHERE ($1::boolean OR c.scope_key = ANY($2::text[])) AND ($3::int IS NULL OR c.phase = $3)
         AND ($4::timestamptz IS NULL OR (c.updated_at, c.id) < ($4::timestamptz, $5::uuid))
       ORDER BY c.updated_at DESC, c.id DESC LIMIT $6`,
      [readable.everything, readable.keys, filter.phase ?? null, filter.after?.key ?? null, filter.after?.id ?? null, filter.limit + 1],
    );
  }

  async create(input: CollectionInput, ownerId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      'INSERT INTO kb_collection (title, description, scope_key, phase, owner_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [input.title, input.description, input.scopeKey, input.phase, ownerId],
    );
    return row.id;
  }

  async update(id: string, input: Partial<Omit<CollectionInput, 'scopeKey'>>): Promise<void> {
    await this.dataSource.query(
      `UPDATE kb_collection SET title = COALESCE($2, title), description = COALESCE($3, description),
         phase = CASE WHEN $4 THEN $5::smallint ELSE phase END, updated_at = now() WHERE id = $1`,
      [id, input.title ?? null, input.description ?? null, input.phase !== undefined, input.phase ?? null],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM kb_collection WHERE id = $1', [id]);
  }

  /** Replaces the collection's articles with `articleIds`, in that order, in one transaction. */
  async setItems(id: string, articleIds: readonly string[]): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query('DELETE FROM kb_collection_item WHERE collection_id = $1', [id]);
      await manager.query(
        `INSERT INTO kb_collection_item (collection_id, article_id, position)
         SELECT $1, a, ord - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(a, ord)`,
        [id, articleIds],
      );
      await manager.query('UPDATE kb_collection SET updated_at = now() WHERE id = $1', [id]);
    });
  }
}
