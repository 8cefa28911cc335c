import { Fact } from '../../components/fact';
import { formatDate } from '../../lib/labels';
import type { Me } from '../../lib/types';
import { scopeLabel } from '../forum/forum-ui';
import { phaseLabel } from '../forum/phases';
import { StageBadge } from './article-summary';
import { articleTypeLabel } from './knowledge-labels';
import type { Attachment, FullArticle } from './knowledge-types';

/** Verified, needs review, or where it is before publication: always visible, never colour alone. */
export function ArticleStatus({ article }: { article: FullArticle }) {
  if (article.stage === 'published') {
    return (
      <p class="article-status">
        <span class="badge badge-verified">Verified {formatDate(article.verifiedAt ?? article.publishedAt)}</span>
        {article.verificationDueAt && <span class="muted"> · next review due {formatDate(article.verificationDueAt)}</span>}
      </p>
    );
  }
  return (
    <p class="article-status">
      <StageBadge stage={article.stage} always />
      {article.stage === 'needs_review' && (
        <span class="muted"> · last verified {formatDate(article.verifiedAt)}; its owner has been asked to check it still holds.</span>
      )}
    </p>
  );
}

export function ArchivedBanner({ article }: { article: FullArticle }) {
  if (article.stage !== 'archived') return null;
  return (
    <div class="notice notice-info" role="note">
      <p>
        This article was archived{article.archivedAt ? ` on ${formatDate(article.archivedAt)}` : ''}. It is kept for reference and no
        longer appears in lists or search.
      </p>
    </div>
  );
}

/** Type, phases, scope, owner, co-authors, tags. */
export function ArticleFacts({ article, me }: { article: FullArticle; me: Me }) {
  return (
    <dl class="facts article-facts">
      <Fact term="Type">{articleTypeLabel(article.type)}</Fact>
      {article.phases.length > 0 && <Fact term="Phases">{article.phases.map((p) => phaseLabel(p)).join('; ')}</Fact>}
      <Fact term="Shared with">{scopeLabel(article.scope, me)}</Fact>
      <Fact term="Owner">
        {article.owner.former ? (
          <>Former owner — curated by facilitators</>
        ) : (
          <a href={`/members/${encodeURIComponent(article.owner.id)}`}>{article.owner.displayName}</a>
        )}
      </Fact>
      {article.coauthors.length > 0 && (
        <Fact term="Co-authors">
          {article.coauthors.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <a href={`/members/${encodeURIComponent(c.id)}`}>{c.displayName}</a>
            </span>
          ))}
        </Fact>
      )}
      <Fact term="Updated">{formatDate(article.updatedAt)}</Fact>
      {article.tags.length > 0 && (
        <Fact term="Tags">
          <ul class="tags">
            {article.tags.map((tag) => (
              <li key={tag}>
                <a class="tag tag-link" href={`/search?tag=${encodeURIComponent(tag)}&type=article`}>
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </dl>
  );
}

const isExternal = (url: string) => {
  try {
    return new URL(url, window.location.origin).origin !== window.location.origin;
  } catch {
    return true;
  }
};

const KIND = { video: 'Video', document: 'Document', link: 'Link' } as const;

export function Attachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <section class="section" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments</h2>
      <ul class="link-list">
        {attachments.map((a, i) => {
          const external = isExternal(a.url);
          return (
            <li key={i}>
              <span class="badge">{KIND[a.kind] ?? a.kind}</span>{' '}
              <a href={a.url} {...(external ? { rel: 'noopener noreferrer external', target: '_blank' } : {})}>
                {a.title}
                {external && <span class="visually-hidden"> (opens in a new tab)</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
