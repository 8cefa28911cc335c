import { Injectable } from '@nestjs/common';
import { PreparedReads, SqlConditions, pageSizeLiteral } from '@app/database';
import { AccessPolicy, type Actor } from '@app/identity';
import { KnowledgePolicy } from '../policy';
import { visibleArticles, type ArticleReader } from './article-list.repository';
import { ARTICLE_DUE } from './article.repository';

export interface DigestArticle {
  id: string;
  title: string;
  summary: string;
  /** Published since `since`; otherwise an article published earlier and updated since. */
  isNew: boolean;
}

export interface DigestReview {
  id: string;
  title: string;
  /** Asked (or asked again, on a new revision) since `since`. */
  isNew: boolean;
}

export interface DigestOverdue {
  id: string;
  title: string;
  dueAt: Date;
  /** Became due since `since`. */
  isNew: boolean;
}

export interface KnowledgeDigest {
  articles: DigestArticle[];
  reviews: DigestReview[];
  overdue: DigestOverdue[];
}

export interface KnowledgeDigestQuery {
  since: Date;
  /** The person's phases; null for every phase (articles tied to no phase are always in). */
  phases: readonly number[] | null;
  articleLimit: number;
  /** For the review and verification reminders. */
  taskLimit: number;
}

/**
 * What the email digest shows of the knowledge base, for one person at build time. Every part goes through
 * `visibleArticles` (the KnowledgePolicy.canRead rule in SQL) with the person's current scopes.
 */
@Injectable()
export class KnowledgeDigestSource {
  constructor(private readonly reads: PreparedReads) {}

  /** Prepared reads (planned once per connection): a digest run asks these for every member. */
  async forDigest(actor: Actor, query: KnowledgeDigestQuery): Promise<KnowledgeDigest> {
    const reader: ArticleReader = {
      userId: actor.userId,
      readable: AccessPolicy.readableScopes(actor),
      curated: KnowledgePolicy.curatedScopes(actor),
    };
    const [articles, reviews, overdue] = await Promise.all([
      this.articles(reader, query),
      this.reviews(reader, query),
      this.overdue(reader, query),
    ]);
    return { articles, reviews, overdue };
  }

  /** Published articles, new or updated since `since`, in the person's phases; their own are left out (they know). */
  private articles(reader: ArticleReader, query: KnowledgeDigestQuery): Promise<DigestArticle[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    const since = where.param(query.since);
    where.add(`a.status = 'published'`);
    where.add(`a.updated_at > ${since}`);
    where.add(`a.owner_id <> ${where.param(reader.userId)}`);
    if (query.phases) where.add(`(cardinality(a.phases) = 0 OR a.phases && ${where.param(query.phases)}::smallint[])`);
    return this.reads.rows<DigestArticle>(
      `SELECT a.id, a.title, a.summary, a.published_at > ${since} AS "isNew" FROM kb_article a
        WHERE ${where.sql} ORDER BY a.updated_at DESC, a.id DESC LIMIT ${pageSizeLiteral(query.articleLimit)}`,
      where.values,
    );
  }

  /**
   * Articles in review that wait for this person: no decision yet, or a decision on an older revision (the author
   * changed it since, so it needs another look).
   */
  private reviews(reader: ArticleReader, query: KnowledgeDigestQuery): Promise<DigestReview[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(`r.reviewer_id = ${where.param(reader.userId)}`);
    where.add(`a.status = 'in_review'`);
    where.add('(r.decision IS NULL OR r.decided_revision < a.revision)');
    return this.reads.rows<DigestReview>(
      `SELECT a.id, a.title, greatest(r.assigned_at, a.updated_at) > ${where.param(query.since)} AS "isNew"
         FROM kb_review r JOIN kb_article a ON a.id = r.article_id
        WHERE ${where.sql} ORDER BY r.assigned_at, a.id LIMIT ${pageSizeLiteral(query.taskLimit)}`,
      where.values,
    );
  }

  /** Published articles this person owns that are past their verification interval (ARTICLE_DUE). */
  private overdue(reader: ArticleReader, query: KnowledgeDigestQuery): Promise<DigestOverdue[]> {
    const where = new SqlConditions();
    visibleArticles(reader, where);
    where.add(`a.owner_id = ${where.param(reader.userId)}`);
    where.add(ARTICLE_DUE);
    const due = 'a.verified_at + make_interval(days => a.verification_interval_days)';
    return this.reads.rows<DigestOverdue>(
      `SELECT a.id, a.title, ${due} AS "dueAt", ${due} > ${where.param(query.since)} AS "isNew"
         FROM kb_article a WHERE ${where.sql} ORDER BY ${due}, a.id LIMIT ${pageSizeLiteral(query.taskLimit)}`,
      where.values,
    );
  }
}
