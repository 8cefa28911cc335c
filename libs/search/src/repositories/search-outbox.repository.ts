import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SearchType } from '../query/search-query.parser';

export interface OutboxEntry {
  id: string;
  entityType: SearchType;
  entityId: string;
}

/** The search outbox: rows written by triggers with every indexed change, taken in order by one drainer at a time. */
@Injectable()
export class SearchOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` on the oldest entries, locked (others skip them), and removes them when `work` succeeds. */
  take<T>(limit: number, work: (entries: OutboxEntry[]) => Promise<T>): Promise<{ taken: number; result: T | null }> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const entries: OutboxEntry[] = await manager.query(
        `SELECT id, entity_type AS "entityType", entity_id AS "entityId" FROM search_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (entries.length === 0) return { taken: 0, result: null };
      const result = await work(entries);
      await manager.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [entries.map((e) => e.id)]);
      return { taken: entries.length, result };
    });
  }

  async recordFailure(limit: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2 WHERE id IN (SELECT id FROM search_outbox ORDER BY id LIMIT $1)`,
      [limit, error.slice(0, 1000)],
    );
  }

  async pending(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM search_outbox');
    return row.n;
  }

  /** Every post of some topics, whatever their state: what to take out of an index when a topic stops being found. */
  async postIdsOfTopics(topicIds: readonly string[]): Promise<string[]> {
    if (topicIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM post WHERE topic_id = ANY($1::uuid[])', [topicIds]);
    return rows.map((r) => r.id);
  }
}
