import { useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import type { ReviewQueue, Space, Topic, TopicListPage } from '../../lib/forum-types';
import { replaceSearch } from '../../lib/router';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { TopicFilters, ViewTabs } from './forum-filters';
import { scopeLabel } from './forum-ui';
import { forumSearch, isTopicView, parseForumQuery, topicListQuery, VIEWS, type ForumQuery } from './forum-views';
import { usePagedList } from './paged-list';
import { BookmarkList, MyPostList } from './personal-lists';
import { phaseLabel } from './phases';
import { TopicList } from './topic-list';

const PAGE_SIZE = 20;

const EMPTY: Record<string, string> = {
  latest: 'No topics yet.',
  top: 'No topics started in this period yet.',
  unread: 'Nothing unread. Topics you have opened show here when someone replies.',
  new: 'No new topics. Topics from the last two weeks that you have not opened yet show here.',
};

export function ForumPage({ me, search }: { me: Me; search: string }) {
  // The list and its filters live in the address, so a reload or a shared link shows the same list.
  const [query, setQuery] = useState<ForumQuery>(() => parseForumQuery(search));
  const change = (next: Partial<ForumQuery>) => {
    const merged = { ...query, ...next };
    setQuery(merged);
    replaceSearch(forumSearch(merged));
  };

  // A tag clicked in the list re-renders the list under it; focus goes to the heading rather than being lost.
  const topicsHeading = useRef<HTMLHeadingElement>(null);
  const filterByTag = (tag: string) => {
    change({ tag });
    topicsHeading.current?.focus();
  };

  const spaces = useLoad(() => api.get<{ items: Space[] }>('/spaces'), []);
  // The link shows only for people the server lets review; a 403 simply leaves it out.
  const queue = useLoad(() => api.get<ReviewQueue>('/review-queue'), []);
  const toReview = queue.data ? queue.data.flagged.length + queue.data.pending.length : 0;
  const spaceList = spaces.data?.items ?? [];
  const spaceNames = new Map(spaceList.map((space) => [space.id, space.name]));
  const viewLabel = VIEWS.find((view) => view.value === query.view)?.label ?? 'Latest';

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
                  {space.phase ? ` · ${phaseLabel(space.phase)}` : ''} · {space.topicCount}{' '}
                  {space.topicCount === 1 ? 'topic' : 'topics'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="topics-title" class="section">
        <h2 id="topics-title" ref={topicsHeading} tabIndex={-1}>
          Topics<span class="visually-hidden">: {viewLabel}</span>
        </h2>
        <ViewTabs query={query} onChange={change} />
        <TopicFilters query={query} onChange={change} />
        {query.view === 'bookmarks' ? (
          <BookmarkList />
        ) : query.view === 'posts' ? (
          <MyPostList />
        ) : (
          <TopicView query={query} spaceNames={spaceNames} onTag={filterByTag} />
        )}
      </section>
    </Page>
  );
}

function TopicView({
  query,
  spaceNames,
  onTag,
}: {
  query: ForumQuery;
  spaceNames: Map<string, string>;
  onTag: (tag: string) => void;
}) {
  const list = usePagedList<Topic, TopicListPage>('/topics', topicListQuery(query), PAGE_SIZE);
  const filtered = !!(query.tag || query.phase);
  return (
    <TopicList
      list={list}
      label={`${VIEWS.find((view) => view.value === query.view)?.label ?? ''} topics`}
      empty={<p>{filtered ? 'No topics match these filters.' : EMPTY[query.view]}</p>}
      spaceNames={spaceNames}
      onTag={isTopicView(query.view) ? onTag : undefined}
    />
  );
}
