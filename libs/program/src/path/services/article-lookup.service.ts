import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import type { Actor } from '@app/identity';
import { ArticleService } from '@app/knowledge';

export interface ReadingArticle {
  id: string;
  title: string;
  summary: string;
}

/**
 * A reading's knowledge-base article, asked of the knowledge library with the reader's own access: an article they
 * cannot read, a draft or an archived one is simply not there for them (null), whatever the reason.
 */
@Injectable()
export class ArticleLookup {
  constructor(private readonly articles: ArticleService) {}

  async published(actor: Actor, articleId: string): Promise<ReadingArticle | null> {
    try {
      const article = await this.articles.get(actor, articleId, { countView: false });
      if (article.stage !== 'published' && article.stage !== 'needs_review') return null;
      return { id: article.id, title: article.title, summary: article.summary };
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) return null;
      throw error;
    }
  }
}
