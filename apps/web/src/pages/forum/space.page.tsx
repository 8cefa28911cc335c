import { useEffect, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import type { Space, Topic, TopicListPage } from '../../lib/forum-types';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { FacilitatorTools, mayRunSpace } from './facilitator-tools';
import { AgreementGate, needsAgreement, scopeLabel } from './forum-ui';
import { NewTopicForm } from './new-topic-form';
import { usePagedList } from './paged-list';
import { phaseLabel } from './phases';
import { SpaceSubscription } from './space-subscription';
import { TopicList } from './topic-list';
import { RelatedArticles } from '../knowledge/related-articles';

const PAGE_SIZE = 20;

export function SpacePage({ id, me }: { id: string; me: Me }) {
  const space = useLoad(() => api.get<Space>(`/spaces/${encodeURIComponent(id)}`), [id]);
  // The first page of "latest" carries the space's pinned topics, shown above the rest.
  const topics = usePagedList<Topic, TopicListPage>('/topics', { spaceId: id }, PAGE_SIZE);
  const newTopics = useNewTopicCount(id);

  function showNewTopics() {
    newTopics.reset();
    topics.reload();
  }

  if (space.loading || !space.data) {
    const missing = space.error instanceof ApiError && [400, 404].includes(space.error.status);
    return (
      <Page title={missing ? 'Space not found' : 'Forum space'}>
        {space.loading ? (
          <Loading what="Loading the space" />
        ) : missing ? (
          <p>We could not find that space, or it is not open to you.</p>
        ) : (
          <FormStatus error={space.error} />
        )}
        <p>
          <a href="/forum">Back to the forum</a>
        </p>
      </Page>
    );
  }

  const s = space.data;
  const update = (change: (current: Space) => Space) => space.setData((current) => current && change(current));
  const accepted = (version: number) => update((current) => ({ ...current, acceptedAgreementVersion: version }));
  const showGate = () => update((current) => ({ ...current, acceptedAgreementVersion: null }));
  const mayStart = s.settings.whoMayStart === 'everyone' || s.isFacilitator || me.platformRole === 'admin';

  return (
    <Page title={s.name}>
      <p class="page-intro">
        <a href="/forum">Back to the forum</a>
      </p>
      {s.description && <p>{s.description}</p>}
      <p class="topic-meta muted">
        {scopeLabel(s.scope, me)}
        {s.phase ? ` · ${phaseLabel(s.phase)}` : ''}
        {s.isFacilitator ? ' · You facilitate this space' : ''}
      </p>

      <section aria-labelledby="topics-title" class="section">
        <h2 id="topics-title">Topics</h2>
        <div aria-live="polite">
          {newTopics.count > 0 && (
            <button type="button" class="button button-secondary new-topics" onClick={showNewTopics}>
              {newTopics.count === 1 ? '1 new topic' : `${newTopics.count} new topics`} — show
            </button>
          )}
        </div>
        <TopicList list={topics} label="Topics in this space" empty={<p>No topics yet. You could start the first one.</p>} />
      </section>

      {mayStart ? (
        needsAgreement(s) ? (
          <AgreementGate spaceId={s.id} onAccepted={accepted} />
        ) : (
          <NewTopicForm space={s} onAgreementNeeded={showGate} />
        )
      ) : (
        <p class="muted">Only this space's facilitators start topics here. You can reply to any open topic.</p>
      )}

      <RelatedArticles spaceId={s.id} />
      <SpaceSubscription spaceId={s.id} />
      {mayRunSpace(s, me) && <FacilitatorTools space={s} onChange={update} />}
    </Page>
  );
}

/** New topics are announced, not inserted: the list under the reader's eyes does not jump. */
function useNewTopicCount(spaceId: string) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    setCount(0);
    const socket: Socket = io({ path: '/realtime', withCredentials: true });
    socket.on('connect', () => socket.emit('space:join', { spaceId }));
    socket.on('topic:created', () => setCount((n) => n + 1));
    return () => {
      socket.emit('space:leave', { spaceId });
      socket.disconnect();
    };
  }, [spaceId]);
  return { count, reset: () => setCount(0) };
}
