import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import type { Page as ListPage } from '../../lib/types';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface PagedList<T, P> {
  items: T[];
  /** The first page's whole answer, for what rides along with it (the pinned topics of "latest"). */
  first: P | null;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  /** Where the last "Load more" started, so focus can move to the first item it brought in. */
  firstNewIndex: number | null;
  loadMore: () => void;
  reload: () => void;
}

interface State<T, P> {
  /** The path and query these items answer. */
  key: string;
  items: T[];
  first: P | null;
  cursor: string | null;
  firstNewIndex: number | null;
}

/**
 * A cursor-paged list that starts over whenever its path or query changes. A late answer for an earlier
 * query is dropped, so switching tabs quickly never shows one tab's items under another.
 */
export function usePagedList<T, P extends ListPage<T> = ListPage<T>>(
  path: string,
  query: Query,
  pageSize: number,
): PagedList<T, P> {
  const key = path + JSON.stringify(query);
  const [state, setState] = useState<State<T, P>>({ key: '', items: [], first: null, cursor: null, firstNewIndex: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  async function fetchPage(after: string | null) {
    const run = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<P>(path, { ...query, cursor: after, limit: pageSize });
      if (run !== generation.current) return;
      const items = page.items ?? [];
      const cursor = page.nextCursor ?? null;
      setState((prev) =>
        after
          ? { key, items: [...prev.items, ...items], first: prev.first, cursor, firstNewIndex: prev.items.length }
          : { key, items, first: page, cursor, firstNewIndex: null },
      );
    } catch (failure) {
      if (run !== generation.current) return;
      setError(failure);
      if (!after) setState({ key, items: [], first: null, cursor: null, firstNewIndex: null });
    } finally {
      if (run === generation.current) setLoading(false);
    }
  }

  useEffect(() => {
    void fetchPage(null);
  }, [key]);

  // Until the new query's answer arrives, the old items are not shown under the new tab or filter.
  const current = state.key === key;
  return {
    items: current ? state.items : [],
    first: current ? state.first : null,
    firstNewIndex: current ? state.firstNewIndex : null,
    loading: loading || !current,
    error,
    hasMore: current && state.cursor !== null,
    loadMore: () => void fetchPage(state.cursor),
    reload: () => void fetchPage(null),
  };
}

interface PagedItemsProps<T> {
  list: PagedList<T, unknown>;
  /** Names the list for assistive technology, and says what is loading. */
  label: string;
  empty: ComponentChildren;
  keyOf: (item: T) => string;
  render: (item: T) => ComponentChildren;
  /** Items shown elsewhere on the page (pinned topics) are left out here. */
  skip?: (item: T) => boolean;
}

/** The items, then "Load more"; keyboard users land on the first item it brought in. */
export function PagedItems<T>({ list, label, empty, keyOf, render, skip }: PagedItemsProps<T>) {
  const firstNew = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (list.firstNewIndex !== null) firstNew.current?.querySelector('a')?.focus();
  }, [list.firstNewIndex]);
  const shown = skip ? list.items.filter((item) => !skip(item)) : list.items;
  const newIndex = list.firstNewIndex;

  return (
    <div aria-busy={list.loading ? 'true' : 'false'}>
      <FormStatus error={list.error} />
      {!list.loading && !list.error && shown.length === 0 && <div class="muted">{empty}</div>}
      {shown.length > 0 && (
        <ul class="topic-list" aria-label={label}>
          {shown.map((item) => (
            <li key={keyOf(item)} ref={newIndex !== null && list.items[newIndex] === item ? firstNew : undefined}>
              {render(item)}
            </li>
          ))}
        </ul>
      )}
      {list.loading && <Loading what={`Loading ${label.toLowerCase()}`} />}
      {!list.loading && list.hasMore && (
        <div class="actions center">
          <button type="button" class="button button-secondary" onClick={list.loadMore}>
            Load more
          </button>
        </div>
      )}
    </div>
  );
}
