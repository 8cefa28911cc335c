import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { ArticleSummary } from './article-summary';
import type { Article } from './knowledge-types';

/** Published articles that relate to a forum space ("Share" in the knowledge cycle); nothing shown when there are none. */
export function RelatedArticles({ spaceId }: { spaceId: string }) {
  const articles = useLoad(
    () => api.get<{ items: Article[] }>(`/knowledge/articles?spaceId=${encodeURIComponent(spaceId)}&limit=5`),
    [spaceId],
  );
  const items = articles.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section class="section" aria-labelledby="related-articles-title">
      <h2 id="related-articles-title">From the knowledge base</h2>
      <ul class="plain-list" aria-label="Articles related to this space">
        {items.map((article) => (
          <li key={article.id}>
            <ArticleSummary article={article} />
          </li>
        ))}
      </ul>
    </section>
  );
}
