import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { MeiliGateway } from '../engines/meili.gateway';
import type { SearchType } from '../query/search-query.parser';
import { documentId, SearchDocumentRepository, type SearchDocument } from '../repositories/search-document.repository';
import { SearchOutboxRepository, type OutboxEntry } from '../repositories/search-outbox.repository';

/** The external index to keep in step (Meilisearch), or null: then the outbox is simply emptied. */
export const EXTERNAL_SEARCH_INDEX = Symbol('EXTERNAL_SEARCH_INDEX');

const BATCH = 500;
const TYPES: SearchType[] = ['topic', 'post', 'article', 'collection'];

/**
 * Keeps an external index in step with the tables: drains the outbox (at least once: writing a document twice is
 * harmless), and rebuilds the whole index on demand. Without an external index there is nothing to feed, and the
 * outbox is emptied so it does not grow.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger(SearchIndexer.name);
  private configured = false;

  constructor(
    private readonly outbox: SearchOutboxRepository,
    private readonly documents: SearchDocumentRepository,
    @Optional() @Inject(EXTERNAL_SEARCH_INDEX) private readonly index: MeiliGateway | null,
  ) {}

  get external(): boolean {
    return this.index !== null;
  }

  /** Drains one batch; answers how many entries it took (0 when the outbox is empty). */
  async drainOnce(): Promise<number> {
    try {
      // The index needs its settings (filterable attributes) before the first document arrives.
      if (this.index && !this.configured) {
        await this.index.configure();
        this.configured = true;
      }
      const { taken } = await this.outbox.take(BATCH, (entries) => (this.index ? this.apply(this.index, entries) : Promise.resolve()));
      return taken;
    } catch (error) {
      // The entries stay for the next round (search still answers through PostgreSQL meanwhile).
      await this.outbox.recordFailure(BATCH, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      throw error;
    }
  }

  /** Drains until the outbox is empty (tests, the reindex command). */
  async drainAll(): Promise<number> {
    let total = 0;
    for (let taken = await this.drainOnce(); taken > 0; taken = await this.drainOnce()) total += taken;
    return total;
  }

  /** Rebuilds the external index from the tables: settings, then every document, a page at a time. */
  async rebuild(): Promise<Record<SearchType, number>> {
    const counts: Record<SearchType, number> = { topic: 0, post: 0, article: 0, collection: 0 };
    if (!this.index) return counts;
    await this.index.configure();
    this.configured = true;
    await this.index.clear();
    for (const type of TYPES) {
      let after: string | null = null;
      for (;;) {
        const ids = await this.documents.allIds(type, after, 1000);
        if (ids.length === 0) break;
        const docs = await this.documentsOf(type, ids);
        await this.index.upsert(docs);
        counts[type] += docs.length;
        after = ids[ids.length - 1];
      }
    }
    this.logger.log({ counts }, 'search index rebuilt');
    return counts;
  }

  private async apply(index: MeiliGateway, entries: OutboxEntry[]): Promise<void> {
    const byType = new Map<SearchType, Set<string>>();
    for (const entry of entries) byType.set(entry.entityType, (byType.get(entry.entityType) ?? new Set()).add(entry.entityId));
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    for (const [type, idSet] of byType) {
      const ids = [...idSet];
      const docs = await this.documentsOf(type, ids);
      const found = new Set(docs.map((d) => d.entityId));
      upserts.push(...docs);
      removals.push(...ids.filter((id) => !found.has(id)).map((id) => documentId(type, id)));
      if (type === 'topic') {
        // A topic's posts carry its space, tags and state: they follow it in and out of the index.
        const posts = await this.documents.posts([], ids);
        const kept = new Set(posts.map((p) => p.entityId));
        upserts.push(...posts);
        removals.push(...(await this.outbox.postIdsOfTopics(ids)).filter((id) => !kept.has(id)).map((id) => documentId('post', id)));
      }
    }
    await index.upsert(upserts);
    await index.remove(removals);
  }

  private documentsOf(type: SearchType, ids: string[]): Promise<SearchDocument[]> {
    return { topic: () => this.documents.topics(ids), post: () => this.documents.posts(ids), article: () => this.documents.articles(ids), collection: () => this.documents.collections(ids) }[type]();
  }
}
