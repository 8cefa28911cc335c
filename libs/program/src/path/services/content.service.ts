import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode, forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { PathPolicy, type ItemKind } from '../policy/path-policy';
import { presentItemContent, presentModule } from '../presenters/content.presenter';
import { ContentRepository, type ItemRecord } from '../repositories/content.repository';
import { ArticleLookup } from '../../article-lookup.service';
import { checkItem, type ItemFields } from './item-input';

export interface ModuleInput {
  phase: number;
  title: string;
  description?: string;
  position?: number;
}

export interface NewItemInput extends Partial<Omit<ItemFields, 'title' | 'required'>> {
  kind: ItemKind;
  title: string;
  required: boolean;
  position?: number;
}

/** A change to an item: its kind stays (progress means something different per kind); null clears a link. */
export type ItemPatch = Partial<Omit<NewItemInput, 'kind'>> & { moduleId?: string };

/** Writing the learning path's modules and items: the program's admins only; reading is in MyPathService. */
@Injectable()
export class ContentService {
  constructor(
    private readonly content: ContentRepository,
    private readonly articles: ArticleLookup,
  ) {}

  async createModule(actor: Actor, input: ModuleInput) {
    this.assertManager(actor);
    const id = await this.content.createModule({
      phase: input.phase,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      position: input.position ?? (await this.content.nextModulePosition(input.phase)),
    });
    return presentModule((await this.content.moduleById(id))!);
  }

  async updateModule(actor: Actor, id: string, patch: Partial<ModuleInput>) {
    this.assertManager(actor);
    if (!(await this.content.moduleById(id))) throw notFound();
    await this.content.updateModule(id, { ...patch, title: patch.title?.trim(), description: patch.description?.trim() });
    return presentModule((await this.content.moduleById(id))!);
  }

  async removeModule(actor: Actor, id: string): Promise<void> {
    this.assertManager(actor);
    if (!(await this.content.deleteModule(id))) throw notFound();
  }

  async createItem(actor: Actor, moduleId: string, input: NewItemInput) {
    this.assertManager(actor);
    if (!(await this.content.moduleById(moduleId))) throw notFound();
    const fields = checkItem(input.kind, {
      title: input.title,
      required: input.required,
      videoUrl: input.videoUrl ?? null,
      body: input.body ?? '',
      articleId: input.articleId ?? null,
      linkUrl: input.linkUrl ?? null,
      instrumentId: input.instrumentId ?? null,
    });
    await this.checkReferences(actor, fields, null);
    const position = input.position ?? (await this.content.nextItemPosition(moduleId));
    const id = await this.content.createItem(moduleId, input.kind, { ...fields, position });
    return presentItemContent((await this.content.itemById(id))!);
  }

  async updateItem(actor: Actor, id: string, patch: ItemPatch) {
    this.assertManager(actor);
    const item = await this.content.itemById(id);
    if (!item) throw notFound();
    if (patch.moduleId && patch.moduleId !== item.moduleId && !(await this.content.moduleById(patch.moduleId))) {
      throw badRequest(ErrorCode.ValidationFailed, 'There is no such module', [{ field: 'moduleId', message: 'no such module' }]);
    }
    const pick = <K extends keyof ItemFields>(key: K): ItemFields[K] =>
      patch[key] !== undefined ? (patch[key] as ItemFields[K]) : item[key];
    const fields = checkItem(item.kind, {
      title: pick('title'),
      required: pick('required'),
      videoUrl: pick('videoUrl'),
      body: pick('body'),
      articleId: pick('articleId'),
      linkUrl: pick('linkUrl'),
      instrumentId: pick('instrumentId'),
    });
    await this.checkReferences(actor, fields, item);
    await this.content.updateItem(id, patch.moduleId ?? item.moduleId, { ...fields, position: patch.position ?? item.position });
    return presentItemContent((await this.content.itemById(id))!);
  }

  async removeItem(actor: Actor, id: string): Promise<void> {
    this.assertManager(actor);
    if (!(await this.content.deleteItem(id))) throw notFound();
  }

  private assertManager(actor: Actor): void {
    if (!PathPolicy.canManageContent(actor)) throw forbidden('Only the program’s admins change the learning path');
  }

  /**
   * A reading's article must be published and readable by whoever links it; an assessment's instrument must exist.
   * A link kept unchanged is not checked again (an article archived since does not block fixing a typo).
   */
  private async checkReferences(actor: Actor, fields: ItemFields, before: ItemRecord | null): Promise<void> {
    if (fields.articleId && fields.articleId !== before?.articleId && !(await this.articles.published(actor, fields.articleId))) {
      throw badRequest(ErrorCode.PathArticleUnavailable, 'The article is not a published article you can read', [
        { field: 'articleId', message: 'not a published article you can read' },
      ]);
    }
    if (
      fields.instrumentId &&
      fields.instrumentId !== before?.instrumentId &&
      !(await this.content.instrumentExists(fields.instrumentId))
    ) {
      throw badRequest(ErrorCode.PathInstrumentNotFound, 'There is no such assessment instrument', [
        { field: 'instrumentId', message: 'no such instrument' },
      ]);
    }
  }
}
