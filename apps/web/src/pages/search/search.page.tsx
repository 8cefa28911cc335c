import { TextField } from '../../components/field';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import type { Space } from '../../lib/forum-types';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { PagedItems, usePagedList } from '../forum/paged-list';
import { SearchFacetList } from './search-facets';
import { SearchHitItem } from './search-hit';
import { FILTER_KEYS, hasAnything, parseSearchState, searchHref, searchQuery, toggledHref, type SearchState } from './search-params';
import type { SearchAnswer, SearchHit, UnderstoodQuery } from './search-types';

const PAGE_SIZE = 20;

export function SearchPage({ search }: { search: string }) {
  const state = parseSearchState(search);
  const spaces = useLoad(() => api.get<{ items: Space[] }>('/spaces'), []);
  const spaceMap = new Map((spaces.data?.items ?? []).map((s) => [s.id, { name: s.name, slug: s.slug }]));

  function submit(event: Event) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    navigate(searchHref({ ...state, q }));
  }

  return (
    <Page title="Search" documentTitle={state.q ? `Search: ${state.q}` : 'Search'}>
      <form class="inline-form search-form" role="search" aria-label="Search ART Commons" onSubmit={submit}>
        <TextField
          label="Search for"
          name="q"
          type="search"
          maxLength={1000}
          defaultValue={state.q}
          hint='Quotes for phrases, "or", -word to leave out; filters such as type:article, tag:, phase:3, in:space-slug, status:published.'
        />
        <div class="actions">
          <button type="submit" class="button">
            Search
          </button>
        </div>
      </form>
      <ActiveFilters state={state} />
      {hasAnything(state) ? <Results state={state} spaces={spaceMap} /> : <p class="muted">Type what you are looking for: topics, posts, articles and collections you can see.</p>}
    </Page>
  );
}

function ActiveFilters({ state }: { state: SearchState }) {
  const active = FILTER_KEYS.flatMap((key) => state.filters[key].map((value) => ({ key, value })));
  if (active.length === 0) return null;
  return (
    <ul class="inline-links active-filters" aria-label="Filters in use">
      {active.map(({ key, value }) => (
        <li key={`${key}:${value}`}>
          <a href={toggledHref(state, key, value)}>
            Remove {key}: {value}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Results({ state, spaces }: { state: SearchState; spaces: Map<string, { name: string; slug: string }> }) {
  const list = usePagedList<SearchHit, SearchAnswer>('/search', searchQuery(state), PAGE_SIZE);
  const answer = list.first;
  return (
    <div class="search-layout">
      <section class="search-results" aria-labelledby="results-title">
        <h2 id="results-title">Results</h2>
        {answer && <Understood query={answer.query} />}
        <PagedItems
          list={list}
          label="Search results"
          empty={<p>Nothing matched. Try fewer words, another spelling, or remove a filter.</p>}
          keyOf={(hit) => `${hit.type}:${hit.id}`}
          render={(hit) => <SearchHitItem hit={hit} />}
        />
      </section>
      {answer && <SearchFacetList state={state} facets={answer.facets} spaces={spaces} />}
    </div>
  );
}

/** What the server made of the query, so a mistyped filter is visible. */
function Understood({ query }: { query: UnderstoodQuery }) {
  const parts: string[] = [];
  if (query.text) parts.push(`“${query.text}”`);
  const add = (label: string, values: (string | number)[]) => values.length && parts.push(`${label}: ${values.join(', ')}`);
  add('kind', query.types);
  add('article type', query.articleTypes);
  add('tag', query.tags);
  add('phase', query.phases);
  add('space', query.spaces);
  add('school', query.schools);
  add('author', query.authors);
  add('status', query.statuses);
  if (query.after) parts.push(`after ${query.after.slice(0, 10)}`);
  if (query.before) parts.push(`before ${query.before.slice(0, 10)}`);
  if (parts.length === 0) return null;
  return <p class="muted understood-query">Searching for {parts.join(' · ')}</p>;
}
