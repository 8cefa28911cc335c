import { formatDate } from '../../lib/labels';
import { phaseLabel } from '../forum/phases';
import { articleHref, articleTypeLabel, stageLabel } from './knowledge-labels';
import type { Article, ArticleStage } from './knowledge-types';

/** The stage as a badge; "Needs review" and "Archived" stand out, "Published" needs no badge in lists. */
export function StageBadge({ stage, always }: { stage: ArticleStage | string | null | undefined; always?: boolean }) {
  if (!stage || (stage === 'published' && !always)) return null;
  return <span class={`badge badge-stage badge-${stage.replace('_', '-')}`}>{stageLabel(stage)}</span>;
}

/** One article in a list: what it is, who owns it, where it is in its cycle. */
export function ArticleSummary({ article }: { article: Article }) {
  return (
    <article class="topic-summary article-summary">
      <h3 class="topic-title">
        <a href={articleHref(article.id)}>{article.title}</a> <StageBadge stage={article.stage} />
      </h3>
      {article.summary && <p class="article-summary-text">{article.summary}</p>}
      <p class="topic-meta muted">
        {articleTypeLabel(article.type)} · {article.owner.former ? 'Former owner, curated by facilitators' : `By ${article.owner.displayName}`} · Updated{' '}
        {formatDate(article.updatedAt)}
        {article.phases.length > 0 ? ` · ${article.phases.map((p) => phaseLabel(p)).join('; ')}` : ''}
        {article.appliedCount > 0 ? ` · Applied ${article.appliedCount} ${article.appliedCount === 1 ? 'time' : 'times'}` : ''}
      </p>
      {article.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
