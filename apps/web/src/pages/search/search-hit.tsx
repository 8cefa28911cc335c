import { formatDate } from '../../lib/labels';
import { StageBadge } from '../knowledge/article-summary';
import { articleTypeLabel } from '../knowledge/knowledge-labels';
import type { SearchHit } from './search-types';

export const HIT_TYPES: Record<string, string> = { topic: 'Topic', post: 'Post', article: 'Article', collection: 'Collection' };

/** One result: what kind of thing it is, its title linking to it, the matching words, who and when. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const kind = hit.type === 'article' && hit.articleType ? `Article · ${articleTypeLabel(hit.articleType)}` : HIT_TYPES[hit.type] ?? hit.type;
  return (
    <article class="topic-summary search-hit">
      <p class="search-hit-type muted">{kind}</p>
      <h3 class="topic-title">
        <a href={hit.url}>
          {hit.title}
          {hit.type === 'post' && hit.postNumber ? <span class="muted"> · post {hit.postNumber}</span> : null}
        </a>{' '}
        {hit.type === 'article' && <StageBadge stage={hit.stage} />}
      </h3>
      {/* Escaped by the server; only its <mark> elements are markup. */}
      {hit.snippet && <p class="search-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
      <p class="topic-meta muted">
        {hit.author ? `${hit.author.displayName} · ` : ''}
        <time dateTime={hit.createdAt}>{formatDate(hit.createdAt)}</time>
      </p>
    </article>
  );
}
