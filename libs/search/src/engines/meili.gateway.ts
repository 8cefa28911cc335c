import { Meilisearch, type SearchParams as MeiliParams, type SearchResponse } from 'meilisearch';
import type { SearchDocument } from '../repositories/search-document.repository';

export const MEILI_INDEX = 'art_commons';

/**
 * The index settings. Titles rank above text; every attribute a server-side filter names is filterable; the scope
 * is never searchable (it is for filtering only).
 */
export const MEILI_SETTINGS = {
  searchableAttributes: ['title', 'tags', 'text'],
  displayedAttributes: ['*'],
  filterableAttributes: ['type', 'scope', 'spaceId', 'tags', 'phases', 'articleType', 'status', 'verifyDueAt', 'readers', 'authorIds', 'createdAt'],
  sortableAttributes: ['createdAt'],
  synonyms: {
    dei: ['diversity equity inclusion'],
    urm: ['underrepresented in medicine'],
    sdoh: ['social determinants of health'],
    'anti-racism': ['antiracism'],
    antiracism: ['anti-racism'],
  },
  stopWords: ['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'to', 'was', 'with'],
};

/** Meilisearch behind one class: the only place that talks to it. Every call waits for its task to finish. */
export class MeiliGateway {
  private readonly client: Meilisearch;

  constructor(host: string, apiKey: string | undefined, timeoutMs = 2_000) {
    this.client = new Meilisearch({ host, apiKey, timeout: timeoutMs });
  }

  private get index() {
    return this.client.index<SearchDocument>(MEILI_INDEX);
  }

  async configure(): Promise<void> {
    await this.client.createIndex(MEILI_INDEX, { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
    await this.index.updateSettings(MEILI_SETTINGS).waitTask({ timeout: 60_000 });
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length) await this.index.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.index.deleteDocuments(ids).waitTask({ timeout: 60_000 });
  }

  async clear(): Promise<void> {
    await this.index.deleteAllDocuments().waitTask({ timeout: 60_000 });
  }

  search(text: string, params: MeiliParams): Promise<SearchResponse<SearchDocument>> {
    return this.index.search(text, params);
  }
}
