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

interface FinishedTask {
  status: string;
  error?: { code?: string; message?: string } | null;
}

/**
 * waitTask answers a failed task without throwing: a failure must stop the outbox from being emptied, so it throws
 * here (except for the codes a caller expects, e.g. an index that already exists).
 */
async function succeeded(pending: Promise<FinishedTask>, allowed: string[] = []): Promise<void> {
  const task = await pending;
  if (task.status === 'failed' && !allowed.includes(task.error?.code ?? '')) {
    throw new Error(`Meilisearch task failed: ${task.error?.code ?? 'unknown'}: ${task.error?.message ?? ''}`);
  }
}

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
    await succeeded(this.client.createIndex(MEILI_INDEX, { primaryKey: 'id' }).waitTask({ timeout: 30_000 }), ['index_already_exists']);
    await succeeded(this.index.updateSettings(MEILI_SETTINGS).waitTask({ timeout: 60_000 }));
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length) await succeeded(this.index.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 60_000 }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await succeeded(this.index.deleteDocuments(ids).waitTask({ timeout: 60_000 }));
  }

  async clear(): Promise<void> {
    await succeeded(this.index.deleteAllDocuments().waitTask({ timeout: 60_000 }));
  }

  search(text: string, params: MeiliParams): Promise<SearchResponse<SearchDocument>> {
    return this.index.search(text, params);
  }
}
