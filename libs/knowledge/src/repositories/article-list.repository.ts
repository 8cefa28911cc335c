import { Injectable } from '@nestjs/common';
import type { Keyset } from '@app/core';
import { SqlConditions } from '@app/database';
import type { ScopeSet } from '@app/identity';
import { DataSource } from 'typeorm';
import type { ArticleStage, ArticleType } from '../policy';
import { ARTICLE_COLUMNS, ARTICLE_DUE, ARTICLE_FROM, ARTICLE_STAGE_SQL, type ArticleRecord } from './article.repository';

/** Who is reading: what they may read, where they curate, and who they are (for drafts they write or review). */
export interface ArticleReader {
  userId: string;
  readable: ScopeSet;
  curated: ScopeSet;
}

export interface ArticleListFilter {
  stages: readonly ArticleStage[];
  types?: readonly ArticleType[];
  phase?: number;
  tag?: string;
  spaceId?: string;
  /** Only articles the reader owns or co-wrote. */
  mine?: boolean;
  /** Only articles the reader was asked to review. */
  reviewing?: boolean;
  /** Only articles whose owner left (the curators' to look after). */
  ownerGone?: boolean;
  after?: Keyset;
  limit: number;
}


/**
 * The visibility rule of KnowledgePolicy.canRead in SQL: in a readable scope, and either published or archived, or
 * curated by the reader, or written or reviewed by them.
 */
export function visibleArticles(reader: ArticleReader, where: SqlConditions): void {
  const me = where.param(reader.userId);
  where.add(`(${where.param(reader.readable.everything)}::boolean OR a.scope_key = ANY(${where.param(reader.readable.keys)}::text[]))`);
  where.add(`(a.status IN ('published', 'archived')
    OR ${where.param(reader.curated.everything)}::boolean OR a.scope_key = ANY(${where.param(reader.curated.keys)}::text[])
    OR a.owner_id = ${me}
    OR EXISTS (SELECT 1 FROM kb_article_coauthor c WHERE c.article_id = a.id AND c.user_id = ${me})
    OR EXISTS (SELECT 1 FROM kb_review r WHERE r.article_id = a.id AND r.reviewer_id = ${me}))`);
}

/** Lists of articles and the cycle dashboard's figures, always within what the reader may see. */
@Injectable()
export class ArticleListRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Most recently updated first, keyset-paginated on (updated_at, id). Fetches limit + 1 rows. */
  list(reader: ArticleReader, filter: ArticleListFilter): Promise<ArticleRecord[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(`(${filter.stages.map((stage) => ARTICLE_STAGE_SQL[stage]).join(' OR ')})`);
    if (filter.types?.length) where.add(`a.type = ANY(${where.param(filter.types)}::text[])`);
    if (filter.phase) where.add(`a.phases @> ARRAY[${where.param(filter.phase)}]::smallint[]`);
    if (filter.tag) where.add(`a.tags @> ARRAY[${where.param(filter.tag)}]::text[]`);
    if (filter.spaceId) where.add(`a.space_id = ${where.param(filter.spaceId)}`);
    if (filter.mine) {
      const me = where.param(reader.userId);
      where.add(`(a.owner_id = ${me} OR EXISTS (SELECT 1 FROM kb_article_coauthor c WHERE c.article_id = a.id AND c.user_id = ${me}))`);
    }
    if (filter.reviewing) {
      where.add(`EXISTS (SELECT 1 FROM kb_review r WHERE r.article_id = a.id AND r.reviewer_id = ${where.param(reader.userId)})`);
    }
    if (filter.ownerGone) where.add(`o.status <> 'active'`);
    if (filter.after) {
      where.add(`(a.updated_at, a.id) < (${where.param(filter.after.key)}::timestamptz, ${where.param(filter.after.id)}::uuid)`);
    }
    return this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE ${where.sql}
       ORDER BY a.updated_at DESC, a.id DESC LIMIT ${where.param(filter.limit + 1)}`,
      where.values,
    );
  }

  /** Articles of one collection the reader may see, in the collection's order (drafts never appear there). */
  inCollection(reader: ArticleReader, collectionId: string): Promise<(ArticleRecord & { position: number })[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(`a.status IN ('published', 'archived')`);
    where.add(`i.collection_id = ${where.param(collectionId)}`);
    return this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS}, i.position FROM kb_collection_item i JOIN ${ARTICLE_FROM} ON a.id = i.article_id
       WHERE ${where.sql} ORDER BY i.position, a.id`,
      where.values,
    );
  }

  /** How many visible articles are at each stage of the cycle. */
  async stageCounts(reader: ArticleReader): Promise<Record<ArticleStage, number>> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    const [row] = await this.dataSource.query(
      `SELECT ${Object.entries(ARTICLE_STAGE_SQL)
        .map(([stage, sql]) => `count(*) FILTER (WHERE ${sql})::int AS "${stage}"`)
        .join(', ')}
       FROM ${ARTICLE_FROM} WHERE ${where.sql}`,
      where.values,
    );
    return row;
  }

  /** Overdue verifications grouped by owner (a departed owner's articles under the curators), most overdue first. */
  overdueByOwner(reader: ArticleReader): Promise<{ ownerId: string; ownerName: string; ownerGone: boolean; overdue: number; oldestDueAt: Date }[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(ARTICLE_DUE);
    return this.dataSource.query(
      `SELECT a.owner_id AS "ownerId", o.display_name AS "ownerName", (o.status <> 'active') AS "ownerGone", count(*)::int AS overdue,
         min(a.verified_at + make_interval(days => a.verification_interval_days)) AS "oldestDueAt"
       FROM ${ARTICLE_FROM} WHERE ${where.sql}
       GROUP BY a.owner_id, o.display_name, o.status ORDER BY "oldestDueAt", a.owner_id LIMIT 50`,
      where.values,
    );
  }

  /** Published articles ranked by a counter, or those nobody viewed in `idleDays`. */
  top(reader: ArticleReader, by: 'applied' | 'viewed' | 'idle', limit = 10, idleDays = 90): Promise<ArticleRecord[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(`a.status = 'published'`);
    let order = 'a.applied_count DESC, a.id';
    if (by === 'applied') where.add('a.applied_count > 0');
    if (by === 'viewed') {
      where.add('a.view_count > 0');
      order = 'a.view_count DESC, a.id';
    }
    if (by === 'idle') {
      const since = `now() - make_interval(days => ${where.param(idleDays)})`;
      where.add(`COALESCE(a.last_viewed_at, a.published_at) < ${since}`);
      order = 'COALESCE(a.last_viewed_at, a.published_at), a.id';
    }
    return this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE ${where.sql} ORDER BY ${order} LIMIT ${where.param(limit)}`,
      where.values,
    );
  }
}
