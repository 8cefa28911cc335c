import { useEffect } from 'preact/hooks';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useAction } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { ActivityResponse } from './activity-response';
import { dayLabel, KIND_LABELS } from './path-labels';
import { OverdueMark, StatusBadge } from './path-parts';
import type { ItemDetail } from './types';
import './path.css';

const enc = encodeURIComponent;

/** /program/items/:id: one item of the path, what to do with it, and the member's progress on it. */
export function ItemPage({ id }: { id: string }) {
  const item = useLoad(() => api.get<ItemDetail>(`/program/items/${enc(id)}`), [id]);
  const set = (next: ItemDetail) => item.setData(() => next);

  // Opening an item starts it (an assessment starts when it is taken, on its own page).
  useEffect(() => {
    const loaded = item.data;
    if (loaded && loaded.progress.status === 'not_started' && loaded.kind !== 'assessment') {
      void api.post<ItemDetail>(`/program/items/${enc(loaded.id)}/start`).then(set, () => undefined);
    }
  }, [item.data?.id]);

  if (item.loading && !item.data) return <Loading what="Loading the item" />;
  const i = item.data;
  if (!i) {
    if (item.error instanceof ApiError && [400, 404].includes(item.error.status)) return <NotFoundPage />;
    return (
      <Page title="Learning path item">
        <FormStatus error={item.error} />
      </Page>
    );
  }
  return (
    <Page title={i.title}>
      <p>
        <a href="/program">Learning path</a> · Phase {i.phase} · {i.module.title}
      </p>
      <p class="path-item-facts">
        <span class="badge">{KIND_LABELS[i.kind]}</span> <span class="badge">{i.required ? 'Required' : 'Optional'}</span>{' '}
        <StatusBadge status={i.progress.status} />
        {i.overdue ? <OverdueMark dueOn={i.dueOn} /> : i.dueOn && <span class="muted"> Due {dayLabel(i.dueOn)}</span>}
      </p>
      <ItemContent item={i} />
      {i.kind === 'activity' ? (
        <ActivityResponse item={i} onChanged={set} />
      ) : (
        i.can.complete && <MarkDone item={i} onChanged={set} />
      )}
      {i.kind === 'activity' && <PeerResponses item={i} />}
    </Page>
  );
}

function ItemContent({ item }: { item: ItemDetail }) {
  const body = item.html ? <div class="post-body path-body" dangerouslySetInnerHTML={{ __html: item.html }} /> : null;
  if (item.kind === 'video') {
    return (
      <section aria-labelledby="item-content">
        <h2 id="item-content">Video</h2>
        {item.videoUrl && (
          <p>
            <a href={item.videoUrl} rel="noopener noreferrer" target="_blank">
              Watch the video<span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        )}
        {body && <h3>Transcript and notes</h3>}
        {body}
      </section>
    );
  }
  if (item.kind === 'reading') {
    return (
      <section aria-labelledby="item-content">
        <h2 id="item-content">Reading</h2>
        {item.article && (
          <p>
            <a href={`/knowledge/a/${enc(item.article.id)}`}>Read “{item.article.title}” in the knowledge base</a>
            {item.article.summary && <span class="muted"> · {item.article.summary}</span>}
          </p>
        )}
        {item.linkUrl && (
          <p>
            <a href={item.linkUrl} rel="noopener noreferrer" target="_blank">
              Open the reading<span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        )}
        {!item.article && !item.linkUrl && <p class="muted">The reading is not available to you.</p>}
        {body}
      </section>
    );
  }
  if (item.kind === 'assessment') {
    return (
      <section aria-labelledby="item-content">
        <h2 id="item-content">Assessment</h2>
        {body}
        <p>This item is done when you submit the assessment.</p>
        {item.instrumentId && (
          <p>
            <a class="button" href={`/assessments/${enc(item.instrumentId)}/take`}>
              Take the assessment
            </a>
          </p>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="item-content">
      <h2 id="item-content">Instructions</h2>
      {body}
    </section>
  );
}

function MarkDone({ item, onChanged }: { item: ItemDetail; onChanged: (next: ItemDetail) => void }) {
  const action = useAction();
  const complete = () =>
    action.run(async () => {
      onChanged(await api.post<ItemDetail>(`/program/items/${enc(item.id)}/complete`));
      return 'Marked as done.';
    });
  return (
    <div class="actions">
      {/* The live regions stay mounted across the change, so the success is announced. */}
      {item.progress.status === 'done' ? (
        <p class="muted">You have done this item.</p>
      ) : (
        <button type="button" class="button" onClick={() => void complete()}>
          Mark done
        </button>
      )}
      <FormStatus error={action.error} success={action.message} />
    </div>
  );
}

function PeerResponses({ item }: { item: ItemDetail }) {
  return (
    <section aria-labelledby="peer-responses" class="section">
      <h2 id="peer-responses">Shared by your cohort</h2>
      {item.peerResponses.length === 0 ? (
        <p class="muted">{item.cohort ? 'Nobody in your cohort has shared a response yet.' : 'You are not in a cohort.'}</p>
      ) : (
        <ul class="plain-list path-responses">
          {item.peerResponses.map((r) => (
            <li key={r.author.id} class="card">
              <p>
                <strong>{r.author.displayName}</strong> <span class="muted">· {new Date(r.updatedAt).toLocaleDateString()}</span>
              </p>
              <div class="post-body" dangerouslySetInnerHTML={{ __html: r.html }} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
