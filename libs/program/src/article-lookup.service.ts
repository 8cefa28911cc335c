import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import type { Actor } from '@app/identity';
import { ArticleAccess } from '@app/knowledge';

export interface ReadingArticle {
  id: string;
  title: string;
  summary: string;
}

const isNotFound = (error: unknown) => error instanceof DomainError && error.status === 404;

/**
 * Knowledge-base articles the program points at (readings, session pre-work), asked of the knowledge library with the
 * reader's own access: an article they cannot read is simply not there for them (null), whatever the reason. Only the
 * read rule is applied: a title needs none of an article page's counts and votes.
 */
@Injectable()
export class ArticleLookup {
  constructor(private readonly access: ArticleAccess) {}

  /** Any article the reader may read (drafts included, for those who may read them). */
  async readable(actor: Actor, articleId: string): Promise<ReadingArticle | null> {
    const article = await this.find(actor, articleId);
    return article ? { id: article.id, title: article.title, summary: article.summary } : null;
  }

  /** A published article (one due for review is still published) the reader may read. */
  async published(actor: Actor, articleId: string): Promise<ReadingArticle | null> {
    const article = await this.find(actor, articleId);
    return article?.status === 'published' ? { id: article.id, title: article.title, summary: article.summary } : null;
  }

  private async find(actor: Actor, articleId: string) {
    try {
      return (await this.access.readable(actor, articleId)).article;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
