import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import { navigate } from '../../lib/router';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { NotFoundPage } from '../not-found.page';
import { ArticleForm, type ArticleInput } from './article-form';
import { articleHref } from './knowledge-labels';
import type { FullArticle } from './knowledge-types';

export function NewArticlePage({ me }: { me: Me }) {
  async function create(input: ArticleInput) {
    const created = await api.post<FullArticle>('/knowledge/articles', input);
    navigate(articleHref(created.id));
  }
  return (
    <Page title="New article" intro={<p>It starts as a draft only you can see; send it for review when it is ready.</p>}>
      <ArticleForm me={me} submitLabel="Save draft" onSave={create} />
    </Page>
  );
}

/** Editing sends the revision it started from, so a save never silently overwrites someone else's. */
export function EditArticlePage({ id, me }: { id: string; me: Me }) {
  const article = useLoad(() => api.get<FullArticle>(`/knowledge/articles/${encodeURIComponent(id)}`), [id]);
  if (article.loading && !article.data) return <Loading what="Loading the article" />;
  const a = article.data;
  if (!a) {
    if (article.error instanceof ApiError && [400, 404].includes(article.error.status)) return <NotFoundPage />;
    return (
      <Page title="Edit article">
        <FormStatus error={article.error} />
      </Page>
    );
  }
  if (!a.can.edit) {
    return (
      <Page title="Edit article">
        <p>You cannot edit this article.</p>
        <p>
          <a href={articleHref(a.id)}>Back to the article</a>
        </p>
      </Page>
    );
  }
  async function save(input: ArticleInput) {
    await api.patch<FullArticle>(`/knowledge/articles/${encodeURIComponent(id)}`, { ...input, baseRevision: a!.revision });
    navigate(articleHref(id));
  }
  return (
    <Page title={`Edit: ${a.title}`} documentTitle="Edit article">
      <p>
        <a href={articleHref(a.id)}>Back to the article</a> <span class="muted">· editing revision {a.revision}</span>
      </p>
      <ArticleForm me={me} article={a} submitLabel="Save changes" onSave={save} />
    </Page>
  );
}
