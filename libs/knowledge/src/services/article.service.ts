import { Injectable } from '@nestjs/common';
import { badRequest, conflict, decodeCursor, diffLines, ErrorCode, forbidden, notFound, toPage } from '@app/core';
import { ForumExcerpts } from '@app/forum';
import { AccessPolicy, ActorRepository, ScopeOwner, type Actor, type ScopeKey } from '@app/identity';
import { DataSource } from 'typeorm';
import { KnowledgePolicy, type ArticleStage, type ArticleType } from '../policy';
import { presentArticle, presentArticleSummary } from '../presenters';
import { ArticleListRepository, ArticleRepository, EngagementRepository, type ArticleRecord, type Attachment } from '../repositories';

import { ArticleAccess, type ArticleContext } from './article-access.service';
import { articleContent, DEFAULT_VERIFICATION_DAYS, type ContentInput } from './article-input';

export interface NewArticleInput extends ContentInput {
  scope: ScopeKey;
  spaceId?: string | null;
  coauthorIds?: string[];
  verificationIntervalDays?: number;
}

export interface ArticlePatch extends Partial<ContentInput> {
  spaceId?: string | null;
  coauthorIds?: string[];
  verificationIntervalDays?: number;
  ownerId?: string;
  /** The revision the change was made on: a change made on an older text is refused instead of overwriting. */
  baseRevision?: number;
  note?: string;
}

export interface ArticleListQuery {
  stage?: ArticleStage[];
  type?: ArticleType[];
  phase?: number;
  tag?: string;
  spaceId?: string;
  mine?: boolean;
  reviewing?: boolean;
  cursor?: string;
  limit?: number;
}

/** Writing, reading and listing articles; the cycle's transitions are in ArticleCycleService. */
@Injectable()
export class ArticleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly lists: ArticleListRepository,
    private readonly engagement: EngagementRepository,
    private readonly access: ArticleAccess,
    private readonly scopeOwner: ScopeOwner,
    private readonly actors: ActorRepository,
    private readonly forum: ForumExcerpts,
  ) {}

  /** A new draft, owned by its writer, in a scope they can read (and, for a space link, a space they can read). */
  async create(actor: Actor, input: NewArticleInput, capturedFrom: Pick<ArticleRecord, 'capturedFromKind' | 'capturedFromId'> = { capturedFromKind: null, capturedFromId: null }) {
    await this.scopeOwner.schoolOf(actor, input.scope);
    if (!AccessPolicy.canRead(actor, input.scope)) throw notFound();
    if (input.spaceId) await this.forum.assertSpaceReadable(actor, input.spaceId);
    const content = articleContent(input);
    const coauthorIds = await this.checkCoauthors(input.coauthorIds ?? [], input.scope, actor.userId);
    const id = await this.dataSource.transaction(async (manager) => {
      const articleId = await this.articles.create(
        {
          ...content,
          scopeKey: input.scope,
          spaceId: input.spaceId ?? null,
          ownerId: actor.userId,
          verificationIntervalDays: input.verificationIntervalDays ?? DEFAULT_VERIFICATION_DAYS,
          ...capturedFrom,
        },
        manager,
      );
      if (coauthorIds.length) await this.articles.setCoauthors(articleId, coauthorIds, manager);
      return articleId;
    });
    return this.get(actor, id, { countView: false });
  }

  /** The article as this reader may see it; reading a published article counts as a view (once a day per person). */
  async get(actor: Actor, articleId: string, options = { countView: true }) {
    const context = await this.access.readable(actor, articleId);
    if (options.countView && context.article.status === 'published') await this.engagement.recordView(articleId, actor.userId);
    return this.present(actor, context);
  }

  async update(actor: Actor, articleId: string, patch: ArticlePatch) {
    const { article, curator } = await this.access.editable(actor, articleId);
    if (article.status === 'archived') throw conflict(ErrorCode.InvalidTransition, 'An archived article cannot be changed; restore it first');
    const ownerChange = patch.ownerId !== undefined && patch.ownerId !== article.ownerId;
    if (ownerChange && !KnowledgePolicy.canOwn(actor, article, curator)) throw forbidden('Only the owner or a curator hands an article over');
    if (patch.spaceId) await this.forum.assertSpaceReadable(actor, patch.spaceId);
    const coauthorIds = patch.coauthorIds ? await this.checkCoauthors(patch.coauthorIds, article.scopeKey, article.ownerId) : null;
    if (ownerChange) await this.checkCoauthors([patch.ownerId!], article.scopeKey, null);
    const contentChanged = (['title', 'summary', 'body', 'type', 'phases', 'tags', 'attachments'] as const).some((key) => patch[key] !== undefined);
    const content = contentChanged ? articleContent({ ...article, ...stripUndefined(patch) }) : null;

    await this.dataSource.transaction(async (manager) => {
      await this.articles.lock(articleId, manager);
      const current = await this.articles.findById(articleId, manager);
      if (!current || current.status === 'archived') throw conflict(ErrorCode.InvalidTransition, 'The article was archived meanwhile');
      if (patch.baseRevision !== undefined && patch.baseRevision !== current.revision) {
        throw conflict(ErrorCode.RevisionConflict, `Someone saved revision ${current.revision} after the one you edited; reload and apply your change again`);
      }
      if (content) await this.articles.saveContent(articleId, content, actor.userId, patch.note?.trim() || null, manager);
      await this.articles.saveSettings(articleId, { spaceId: patch.spaceId, verificationIntervalDays: patch.verificationIntervalDays, ownerId: ownerChange ? patch.ownerId : undefined }, manager);
      if (coauthorIds) await this.articles.setCoauthors(articleId, coauthorIds.filter((id) => id !== (patch.ownerId ?? current.ownerId)), manager);
    });
    return this.get(actor, articleId, { countView: false });
  }

  /** Every revision, newest first, each with what it changed against the one before. */
  async revisions(actor: Actor, articleId: string) {
    await this.access.readable(actor, articleId);
    const revisions = await this.articles.revisions(articleId);
    const items = revisions.map((revision, i) => {
      const before = revisions[i - 1];
      return {
        revision: revision.revision,
        author: revision.authorId ? { id: revision.authorId, displayName: revision.authorName ?? 'Former member' } : null,
        note: revision.note,
        createdAt: new Date(revision.createdAt).toISOString(),
        title: revision.title,
        titleChanged: before ? before.title !== revision.title : false,
        summaryChanged: before ? before.summary !== revision.summary : false,
        diff: diffLines(before?.body ?? '', revision.body),
      };
    });
    return { items: items.reverse() };
  }

  /** An earlier revision's content saved again as the newest revision: nothing in between is lost. */
  async restore(actor: Actor, articleId: string, revision: number) {
    await this.access.editable(actor, articleId);
    const old = (await this.articles.revisions(articleId)).find((r) => r.revision === revision);
    if (!old) throw notFound('There is no such revision');
    return this.update(actor, articleId, {
      title: old.title,
      summary: old.summary,
      body: old.body,
      type: old.type,
      phases: old.phases,
      tags: old.tags,
      attachments: old.attachments as Attachment[],
      note: `Restored revision ${revision}`,
    });
  }

  /** Renders an article's Markdown as it would be saved; nothing is written. */
  preview(_actor: Actor, body: string): { html: string } {
    return { html: articleContent({ title: 'preview', body, type: 'guide' }).html };
  }

  async list(actor: Actor, query: ArticleListQuery) {
    const limit = query.limit ?? 20;
    const stages: ArticleStage[] = query.stage?.length ? query.stage : ['published', 'needs_review'];
    const rows = await this.lists.list(this.access.reader(actor), {
      stages,
      types: query.type,
      phase: query.phase,
      tag: query.tag?.toLowerCase(),
      spaceId: query.spaceId,
      mine: query.mine,
      reviewing: query.reviewing,
      after: decodeCursor(query.cursor),
      limit,
    });
    return toPage(rows, limit, (a) => ({ key: new Date(a.updatedAt).toISOString(), id: a.id }), (a) => presentArticleSummary(a));
  }

  async present(actor: Actor, { article, curator }: ArticleContext) {
    const [helpful, application] = await Promise.all([
      this.engagement.myVote(article.id, actor.userId),
      this.engagement.application(article.id, actor.userId),
    ]);
    return presentArticle(
      article,
      {
        edit: article.status !== 'archived' && KnowledgePolicy.canEdit(actor, article, curator),
        own: KnowledgePolicy.canOwn(actor, article, curator),
        review: article.status === 'in_review' && article.reviewerIds.includes(actor.userId),
      },
      { helpful, applied: application !== null },
    );
  }

  /** Co-authors must be active people who can read the article's scope (else they could not even open it). */
  private async checkCoauthors(ids: readonly string[], scope: ScopeKey, ownerId: string | null): Promise<string[]> {
    const unique = [...new Set(ids)].filter((id) => id !== ownerId);
    for (const id of unique) {
      const person = await this.actors.byUserId(id);
      if (!person || !AccessPolicy.canRead(person, scope)) {
        throw badRequest(ErrorCode.ValidationFailed, 'Everyone named must be an active member who can read the article’s scope', [
          { field: 'coauthorIds', message: `${id} cannot read this scope` },
        ]);
      }
    }
    return unique;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
