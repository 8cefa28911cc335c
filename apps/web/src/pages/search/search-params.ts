import { queryString } from '../../lib/api';

/** The filters the results page keeps in its address; each may hold several values (a comma list). */
export const FILTER_KEYS = ['type', 'tag', 'phase', 'space', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
}

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = {} as Record<FilterKey, string[]>;
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    filters[key] = [...new Set(values)];
  }
  return { q: params.get('q') ?? '', filters };
}

/** The request's parameters: comma lists, empty ones left out. */
export function searchQuery(state: SearchState): Record<string, string> {
  const out: Record<string, string> = { q: state.q };
  for (const key of FILTER_KEYS) if (state.filters[key].length) out[key] = state.filters[key].join(',');
  return out;
}

export const searchHref = (state: SearchState) => `/search${queryString(searchQuery(state))}`;

export const isActive = (state: SearchState, key: FilterKey, value: string) => state.filters[key].includes(value);

/** The address with `value` added to, or taken from, the `key` filter. */
export function toggledHref(state: SearchState, key: FilterKey, value: string): string {
  const current = state.filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return searchHref({ ...state, filters: { ...state.filters, [key]: next } });
}

export const hasAnything = (state: SearchState) => !!state.q.trim() || FILTER_KEYS.some((k) => state.filters[k].length > 0);
