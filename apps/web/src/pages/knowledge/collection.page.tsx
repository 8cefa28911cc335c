import { useEffect, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useAction } from '../../lib/use-submit';
import { scopeLabel } from '../forum/forum-ui';
import { phaseLabel } from '../forum/phases';
import { NotFoundPage } from '../not-found.page';
import { ArticleSummary } from './article-summary';
import type { Article, CollectionDetail } from './knowledge-types';

const enc = encodeURIComponent;

export function CollectionPage({ id, me }: { id: string; me: Me }) {
  const collection = useLoad(() => api.get<CollectionDetail>(`/knowledge/collections/${enc(id)}`), [id]);
  if (collection.loading && !collection.data) return <Loading what="Loading the collection" />;
  const c = collection.data;
  if (!c) {
    if (collection.error instanceof ApiError && [400, 404].includes(collection.error.status)) return <NotFoundPage />;
    return (
      <Page title="Collection">
        <FormStatus error={collection.error} />
      </Page>
    );
  }
  return (
    <Page title={c.title} intro={c.description ? <p>{c.description}</p> : undefined}>
      <p class="muted">
        <a href="/knowledge?view=collections">Collections</a> · {scopeLabel(c.scope, me)} · curated by {c.owner.displayName}
        {c.phase ? ` · ${phaseLabel(c.phase)}` : ''}
      </p>
      <OrderedArticles collection={c} onSaved={(next) => collection.setData(() => next)} />
    </Page>
  );
}

/** The articles in order; editors move them up and down, then save the order. */
function OrderedArticles({ collection, onSaved }: { collection: CollectionDetail; onSaved: (c: CollectionDetail) => void }) {
  const [items, setItems] = useState<Article[]>(collection.items);
  const action = useAction();
  useEffect(() => setItems(collection.items), [collection]);
  const changed = items.map((a) => a.id).join() !== collection.items.map((a) => a.id).join();
  const move = (index: number, by: number) => {
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved);
    setItems(next);
    action.setMessage(`${moved.title} moved to position ${index + by + 1}.`);
  };
  const save = () =>
    action.run(async () => {
      await api.put(`/knowledge/collections/${enc(collection.id)}/items`, { articleIds: items.map((a) => a.id) });
      onSaved(await api.get<CollectionDetail>(`/knowledge/collections/${enc(collection.id)}`));
      return 'The order is saved.';
    });

  if (items.length === 0) return <p class="muted">This collection has no articles you can read yet.</p>;
  return (
    <section aria-label="Articles in this collection">
      <ol class="topic-list collection-items">
        {items.map((a, i) => (
          <li key={a.id}>
            <ArticleSummary article={a} />
            {collection.canEdit && (
              <div class="actions">
                <button type="button" class="button button-small button-secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  Move up<span class="visually-hidden">: {a.title}</span>
                </button>
                <button type="button" class="button button-small button-secondary" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                  Move down<span class="visually-hidden">: {a.title}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {collection.canEdit && (
        <div class="actions">
          <button type="button" class="button" onClick={save} disabled={!changed}>
            Save order
          </button>
        </div>
      )}
      <FormStatus error={action.error} success={action.message} />
    </section>
  );
}
