import type { ComponentChildren } from 'preact';
import type { Topic, TopicListPage } from '../../lib/forum-types';
import { PagedItems, type PagedList } from './paged-list';
import { TopicSummary } from './forum-ui';

interface TopicListProps {
  list: PagedList<Topic, TopicListPage>;
  label: string;
  empty: ComponentChildren;
  /** Space id → name, to say where each topic lives when the list mixes spaces. */
  spaceNames?: Map<string, string>;
  onTag?: (tag: string) => void;
}

/**
 * A list of topics, headed by the pinned ones on the first page of "latest". The server lists pinned topics
 * separately (paging stays stable), so they are left out of the page below to appear once.
 */
export function TopicList({ list, label, empty, spaceNames, onTag }: TopicListProps) {
  const pinned = list.first?.pinned ?? [];
  const pinnedIds = new Set(pinned.map((topic) => topic.id));
  const summary = (topic: Topic) => <TopicSummary topic={topic} spaceName={spaceNames?.get(topic.spaceId)} onTag={onTag} />;

  return (
    <>
      {pinned.length > 0 && (
        <div class="pinned-topics">
          <p class="list-label" id="pinned-label">
            Pinned
          </p>
          <ul class="topic-list" aria-labelledby="pinned-label">
            {pinned.map((topic) => (
              <li key={topic.id}>{summary(topic)}</li>
            ))}
          </ul>
        </div>
      )}
      <PagedItems
        list={list}
        label={label}
        empty={pinned.length > 0 ? null : empty}
        keyOf={(topic) => topic.id}
        skip={pinnedIds.size ? (topic) => pinnedIds.has(topic.id) : undefined}
        render={summary}
      />
    </>
  );
}
