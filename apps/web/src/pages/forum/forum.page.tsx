import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import type { ReviewQueue, Space, Topic } from '../../lib/forum-types';
import type { Me, Page as ListPage } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { phaseLabel, scopeLabel, TopicSummary } from './forum-ui';

export function ForumPage({ me }: { me: Me }) {
  const spaces = useLoad(() => api.get<{ items: Space[] }>('/spaces'), []);
  const latest = useLoad(() => api.get<ListPage<Topic>>('/topics', { filter: 'latest', limit: 10 }), []);
  // The link shows only for people the server lets review; a 403 simply leaves it out.
  const queue = useLoad(() => api.get<ReviewQueue>('/review-queue'), []);
  const toReview = queue.data ? queue.data.flagged.length + queue.data.pending.length : 0;
  const spaceList = spaces.data?.items ?? [];
  const topicList = latest.data?.items ?? [];

  return (
    <Page title="Forum" intro={<p>Conversations across the consortium and within your school, cohort and groups.</p>}>
      <ul class="inline-links" aria-label="Reports">
        {queue.data && (
          <li>
            <a href="/forum/review">Review queue</a>
            {toReview > 0 && <span class="muted"> ({toReview} waiting)</span>}
          </li>
        )}
        <li>
          <a href="/forum/reports">Your reports</a>
        </li>
      </ul>
      <section aria-labelledby="spaces-title" class="section" aria-busy={spaces.loading ? 'true' : 'false'}>
        <h2 id="spaces-title">Spaces</h2>
        {spaces.loading && <Loading what="Loading spaces" />}
        <FormStatus error={spaces.error} />
        {!spaces.loading && !spaces.error && spaceList.length === 0 && <p class="muted">There are no spaces you can read yet.</p>}
        {spaceList.length > 0 && (
          <ul class="space-list">
            {spaceList.map((space) => (
              <li key={space.id} class="card space-card">
                <h3>
                  <a href={`/forum/s/${space.id}`}>{space.name}</a>
                </h3>
                {space.description && <p>{space.description}</p>}
                <p class="topic-meta muted">
                  {scopeLabel(space.scope, me)}
                  {space.phase ? ` · ${phaseLabel(space.phase)}` : ''} · {space.topicCount} {space.topicCount === 1 ? 'topic' : 'topics'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="latest-title" class="section" aria-busy={latest.loading ? 'true' : 'false'}>
        <h2 id="latest-title">Latest topics</h2>
        {latest.loading && <Loading what="Loading topics" />}
        <FormStatus error={latest.error} />
        {!latest.loading && !latest.error && topicList.length === 0 && <p class="muted">No topics yet.</p>}
        {topicList.length > 0 && (
          <ul class="topic-list">
            {topicList.map((topic) => (
              <li key={topic.id}>
                <TopicSummary topic={topic} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
