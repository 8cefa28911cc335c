import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { TextDiffView } from '../../components/text-diff';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction } from '../../lib/use-submit';
import type { FullArticle, Revision } from './knowledge-types';

const enc = encodeURIComponent;

/** The article's history behind a disclosure: each revision's change as a line diff, restorable by editors. */
export function ArticleRevisions({ article, onRestored }: { article: FullArticle; onRestored: (article: FullArticle) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="section" aria-labelledby="revisions-title">
      <h2 id="revisions-title">
        <button type="button" class="button button-secondary" aria-expanded={open ? 'true' : 'false'} aria-controls="revision-history" onClick={() => setOpen(!open)}>
          Revisions ({article.revision})
        </button>
      </h2>
      {open && <RevisionHistory article={article} onRestored={onRestored} />}
    </section>
  );
}

function RevisionHistory({ article, onRestored }: { article: FullArticle; onRestored: (article: FullArticle) => void }) {
  const path = `/knowledge/articles/${enc(article.id)}`;
  const revisions = useLoad(() => api.get<{ items: Revision[] }>(`${path}/revisions`), [article.id, article.revision]);
  const action = useAction();
  const restore = (revision: number) =>
    action.run(async () => {
      onRestored(await api.post<FullArticle>(`${path}/restore`, { revision }));
      return `Revision ${revision} restored as a new revision.`;
    });
  return (
    <div id="revision-history" aria-busy={revisions.loading ? 'true' : 'false'}>
      {revisions.loading && !revisions.data && <Loading what="Loading revisions" />}
      <FormStatus error={revisions.error ?? action.error} success={action.message} />
      <ol class="revision-list">
        {(revisions.data?.items ?? []).map((r) => (
          <li key={r.revision} class="card card-quiet">
            <h3>
              Revision {r.revision}
              {r.titleChanged ? `: title “${r.title}”` : ''}
            </h3>
            <p class="muted">
              {r.author?.displayName ?? 'Former member'} · <time dateTime={r.createdAt}>{formatDate(r.createdAt, true)}</time>
              {r.summaryChanged ? ' · summary changed' : ''}
              {r.note ? ` · “${r.note}”` : ''}
            </p>
            <TextDiffView diff={r.diff} label={`Changes in revision ${r.revision}`} />
            {article.can.edit && r.revision !== article.revision && (
              <div class="actions">
                <button type="button" class="button button-small button-secondary" onClick={() => restore(r.revision)}>
                  Restore revision {r.revision}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
