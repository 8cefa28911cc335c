import { phaseLabel } from '../forum/phases';
import { articleTypeLabel } from '../knowledge/knowledge-labels';
import { isActive, toggledHref, type FilterKey, type SearchState } from './search-params';
import { HIT_TYPES } from './search-hit';
import type { SearchFacets } from './search-types';

interface Group {
  title: string;
  facet: keyof SearchFacets;
  /** The address parameter a value filters on (article types go in `type`, like `type:toolkit`). */
  key: FilterKey;
  label: (value: string) => string;
  /** The value the filter takes; spaces are counted by id and filtered by slug. */
  filterValue?: (value: string) => string | null;
}

interface Props {
  state: SearchState;
  facets: SearchFacets;
  spaces: Map<string, { name: string; slug: string }>;
}

/** Counts per kind, article type, phase, tag and space; each value is a link that adds or removes that filter. */
export function SearchFacetList({ state, facets, spaces }: Props) {
  const groups: Group[] = [
    { title: 'Kind', facet: 'type', key: 'type', label: (v) => HIT_TYPES[v] ?? v },
    { title: 'Article type', facet: 'articleType', key: 'type', label: articleTypeLabel },
    { title: 'Phase', facet: 'phase', key: 'phase', label: (v) => phaseLabel(Number(v)) },
    { title: 'Tag', facet: 'tag', key: 'tag', label: (v) => v },
    {
      title: 'Space',
      facet: 'space',
      key: 'space',
      label: (v) => spaces.get(v)?.name ?? 'A space',
      filterValue: (v) => spaces.get(v)?.slug ?? null,
    },
  ];
  const shown = groups.filter((g) => Object.keys(facets[g.facet] ?? {}).length > 0);
  if (shown.length === 0) return null;
  return (
    <aside class="search-facets" aria-label="Narrow the results">
      {shown.map((g) => (
        <section key={g.facet} aria-labelledby={`facet-${g.facet}`}>
          <h2 id={`facet-${g.facet}`} class="facet-title">
            {g.title}
          </h2>
          <ul class="plain-list facet-list">
            {Object.entries(facets[g.facet])
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 12)
              .map(([raw, count]) => {
                const value = g.filterValue ? g.filterValue(raw) : raw;
                if (!value) return null;
                const active = isActive(state, g.key, value);
                return (
                  <li key={raw}>
                    <a href={toggledHref(state, g.key, value)} class={active ? 'facet facet-active' : 'facet'} aria-current={active ? 'true' : undefined}>
                      <span aria-hidden="true">{active ? '☑ ' : '☐ '}</span>
                      {g.label(raw)} ({count})
                      {active && <span class="visually-hidden"> (filter on; select to remove)</span>}
                    </a>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
