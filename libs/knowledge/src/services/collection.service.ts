import { Injectable } from '@nestjs/common';
import { badRequest, decodeCursor, ErrorCode, forbidden, notFound, toPage } from '@app/core';
import { AccessPolicy, ScopeOwner, type Actor, type ScopeKey } from '@app/identity';
import { KnowledgePolicy } from '../policy';
import { presentArticleSummary, presentCollection } from '../presenters';
import { ArticleListRepository, CollectionRepository, CurationRepository, type CollectionRecord } from '../repositories';
import { ArticleAccess } from './article-access.service';

export const MAX_COLLECTION_ITEMS = 200;

/** Collections ("Phase 3 starter kit"): curators and contributors make them; readers see the articles they may read. */
@Injectable()
export class CollectionService {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly lists: ArticleListRepository,
    private readonly curation: CurationRepository,
    private readonly access: ArticleAccess,
    private readonly scopeOwner: ScopeOwner,
  ) {}

  private async readable(actor: Actor, id: string): Promise<CollectionRecord> {
    const collection = await this.collections.findById(id);
    if (!collection || !AccessPolicy.canRead(actor, collection.scopeKey)) throw notFound();
    return collection;
  }

  private canEdit(actor: Actor, collection: CollectionRecord): boolean {
    return collection.ownerId === actor.userId || KnowledgePolicy.isCurator(actor, collection.scopeKey);
  }

  private async editable(actor: Actor, id: string): Promise<CollectionRecord> {
    const collection = await this.readable(actor, id);
    if (!this.canEdit(actor, collection)) throw forbidden('Only its owner and the curators change a collection');
    return collection;
  }

  async create(actor: Actor, input: { title: string; description?: string; scope: ScopeKey; phase?: number | null }) {
    await this.scopeOwner.schoolOf(actor, input.scope);
    if (!AccessPolicy.canRead(actor, input.scope)) throw notFound();
    const curator = KnowledgePolicy.isCurator(actor, input.scope);
    if (!curator && !(await this.curation.contributorsAmong([actor.userId])).has(actor.userId)) {
      throw forbidden('Contributors and curators make collections');
    }
    const id = await this.collections.create(
      { title: input.title.trim(), description: (input.description ?? '').trim(), scopeKey: input.scope, phase: input.phase ?? null },
      actor.userId,
    );
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string) {
    const collection = await this.readable(actor, id);
    const items = await this.lists.inCollection(this.access.reader(actor), id);
    return { ...presentCollection(collection, this.canEdit(actor, collection)), items: items.map((a) => presentArticleSummary(a)) };
  }

  async list(actor: Actor, query: { phase?: number; cursor?: string; limit?: number }) {
    const limit = query.limit ?? 20;
    const rows = await this.collections.list(AccessPolicy.readableScopes(actor), { phase: query.phase, after: decodeCursor(query.cursor), limit });
    return toPage(rows, limit, (c) => ({ key: new Date(c.updatedAt).toISOString(), id: c.id }), (c) => presentCollection(c, this.canEdit(actor, c)));
  }

  async update(actor: Actor, id: string, patch: { title?: string; description?: string; phase?: number | null }) {
    await this.editable(actor, id);
    await this.collections.update(id, { title: patch.title?.trim(), description: patch.description?.trim(), phase: patch.phase });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.editable(actor, id);
    await this.collections.delete(id);
  }

  /**
   * Sets the collection's articles in order. Each must be published (or archived) and readable by whoever set it;
   * readers later see only those they may read themselves.
   */
  async setItems(actor: Actor, id: string, articleIds: string[]) {
    await this.editable(actor, id);
    const unique = [...new Set(articleIds)];
    if (unique.length > MAX_COLLECTION_ITEMS) throw badRequest(ErrorCode.ValidationFailed, `A collection holds at most ${MAX_COLLECTION_ITEMS} articles`);
    for (const articleId of unique) {
      const { article } = await this.access.readable(actor, articleId).catch(() => {
        throw badRequest(ErrorCode.ValidationFailed, 'Every article must exist and be readable', [{ field: 'articleIds', message: `${articleId} not found` }]);
      });
      if (article.status !== 'published' && article.status !== 'archived') {
        throw badRequest(ErrorCode.ValidationFailed, 'Only published articles go into collections', [{ field: 'articleIds', message: `${articleId} is not published` }]);
      }
    }
    await this.collections.setItems(id, unique);
    return this.get(actor, id);
  }
}
