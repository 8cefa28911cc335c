import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { NotFoundPage } from '../not-found.page';
import { ArticleActions } from './article-actions';
import { Applications, HelpfulVote } from './article-engagement';
import { ArchivedBanner, ArticleFacts, ArticleStatus, Attachments } from './article-head';
import { ReviewPanel } from './article-reviews';
import { ArticleRevisions } from './article-revisions';
import type { FullArticle } from './knowledge-types';

export function ArticlePage({ id, me }: { id: string; me: Me }) {
  const article = useLoad(() => api.get<FullArticle>(`/knowledge/articles/${encodeURIComponent(id)}`), [id]);

  if (article.loading && !article.data) {
    return (
      <Page title="Article">
        <Loading what="Loading the article" />
      </Page>
    );
  }
  if (!article.data) {
    // Out of scope and missing look the same, on purpose.
    if (article.error instanceof ApiError && [400, 404].includes(article.error.status)) return <NotFoundPage />;
    return (
      <Page title="Article">
        <FormStatus error={article.error} />
      </Page>
    );
  }

  const a = article.data;
  const set = (next: FullArticle) => article.setData(() => next);
  const live = a.stage === 'published' || a.stage === 'needs_review';
  return (
    <Page title={a.title}>
      <p>
        <a href="/knowledge">Knowledge base</a>
      </p>
      <ArchivedBanner article={a} />
      <ArticleStatus article={a} />
      {a.summary && <p class="lead-text">{a.summary}</p>}
      <ArticleFacts article={a} me={me} />
      <ArticleActions article={a} onChanged={set} />
      {/* Rendered and sanitized by the server. */}
      <div class="post-body article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
      <Attachments attachments={a.attachments} />
      {live && <HelpfulVote article={a} refresh={article.reload} />}
      {live && <Applications article={a} refresh={article.reload} meId={me.id} />}
      {(a.can.edit || a.can.review) && (
        <ReviewPanel article={a} onDecided={article.reload} />
      )}
      <ArticleRevisions article={a} onRestored={set} />
    </Page>
  );
}
