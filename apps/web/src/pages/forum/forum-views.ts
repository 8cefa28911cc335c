import { queryString } from '../../lib/api';

/** The lists the forum home offers; each one is a tab, and the choice lives in the address. */
export const VIEWS = [
  { value: 'latest', label: 'Latest' },
  { value: 'top', label: 'Top' },
  { value: 'unread', label: 'Unread' },
  { value: 'new', label: 'New' },
  { value: 'bookmarks', label: 'My bookmarks' },
  { value: 'posts', label: 'My posts' },
] as const;
export type ForumView = (typeof VIEWS)[number]['value'];

export const PERIODS = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'year', label: 'This year' },
  { value: 'all', label: 'All time' },
] as const;
export type TopPeriod = (typeof PERIODS)[number]['value'];
/** The server's own default for "top", so a link without a period means the same list. */
export const DEFAULT_PERIOD: TopPeriod = 'month';

export interface ForumQuery {
  view: ForumView;
  period: TopPeriod;
  tag: string;
  phase: number | null;
}

/** Bookmarks and "my posts" are personal lists with no tag or phase to filter on. */
export const isTopicView = (view: ForumView) => view !== 'bookmarks' && view !== 'posts';

const oneOf = <T extends string>(list: readonly { value: T }[], value: string | null, fallback: T): T =>
  list.find((item) => item.value === value)?.value ?? fallback;

/** Reads `?view=top&period=week&tag=x&phase=3`; anything unknown falls back to the default. */
export function parseForumQuery(search: string): ForumQuery {
  const params = new URLSearchParams(search);
  const phase = Number(params.get('phase'));
  return {
    view: oneOf(VIEWS, params.get('view'), 'latest'),
    period: oneOf(PERIODS, params.get('period'), DEFAULT_PERIOD),
    tag: (params.get('tag') ?? '').trim().slice(0, 40),
    phase: Number.isInteger(phase) && phase >= 1 && phase <= 6 ? phase : null,
  };
}

/** The address for a query, leaving defaults out so the plain forum stays `/forum`. */
export function forumSearch(query: ForumQuery): string {
  const topic = isTopicView(query.view);
  return queryString({
    view: query.view === 'latest' ? null : query.view,
    period: query.view === 'top' && query.period !== DEFAULT_PERIOD ? query.period : null,
    tag: topic ? query.tag : null,
    phase: topic ? query.phase : null,
  });
}

/** GET /topics parameters for a topic view. */
export function topicListQuery(query: ForumQuery) {
  return {
    filter: query.view,
    period: query.view === 'top' ? query.period : null,
    tag: query.tag || null,
    phase: query.phase,
  };
}
