import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@app/core';
import { AccessPolicy, type Actor } from '@app/identity';
import { KnowledgePolicy, type ArticleFacts } from '../policy';
import { ArticleRepository, type ArticleReader, type ArticleRecord } from '../repositories';

export interface ArticleContext {
  article: ArticleRecord;
  curator: boolean;
}

const facts = (article: ArticleRecord): ArticleFacts => article;

/** Loads articles only for those who may read them (otherwise they do not exist: 404), then checks the action. */
@Injectable()
export class ArticleAccess {
  constructor(private readonly articles: ArticleRepository) {}

  reader(actor: Actor): ArticleReader {
    return { userId: actor.userId, readable: AccessPolicy.readableScopes(actor), curated: KnowledgePolicy.curatedScopes(actor) };
  }

  async readable(actor: Actor, articleId: string): Promise<ArticleContext> {
    const article = await this.articles.findById(articleId);
    if (!article) throw notFound();
    const curator = KnowledgePolicy.isCurator(actor, article.scopeKey);
    if (!KnowledgePolicy.canRead(actor, facts(article), curator)) throw notFound();
    return { article, curator };
  }

  async editable(actor: Actor, articleId: string): Promise<ArticleContext> {
    const context = await this.readable(actor, articleId);
    if (!KnowledgePolicy.canEdit(actor, facts(context.article), context.curator)) throw forbidden('Only its authors and the curators may change this article');
    return context;
  }

  async owned(actor: Actor, articleId: string): Promise<ArticleContext> {
    const context = await this.readable(actor, articleId);
    if (!KnowledgePolicy.canOwn(actor, facts(context.article), context.curator)) throw forbidden('Only its owner and the curators may do this');
    return context;
  }
}
