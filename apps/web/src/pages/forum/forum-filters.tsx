import { useEffect, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { PHASE_OPTIONS } from './phases';
import { forumSearch, isTopicView, PERIODS, VIEWS, type ForumQuery, type ForumView, type TopPeriod } from './forum-views';

/** A plain left click changes the list in place; new-tab and modified clicks keep the link's own behaviour. */
const inPlace = (apply: () => void) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  apply();
};

/**
 * The lists as tabs. They are real links (to open in a new tab, or copy and share), marked with aria-current,
 * and switch the list without reloading the page.
 */
export function ViewTabs({ query, onChange }: { query: ForumQuery; onChange: (next: Partial<ForumQuery>) => void }) {
  return (
    <nav aria-label="Topic lists">
      <ul class="view-tabs">
        {VIEWS.map((view) => {
          const current = view.value === query.view;
          return (
            <li key={view.value}>
              <a
                href={`/forum${forumSearch({ ...query, view: view.value as ForumView })}`}
                aria-current={current ? 'page' : undefined}
                onClick={inPlace(() => onChange({ view: view.value }))}
              >
                {view.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Period (for Top), tag and phase. Each change applies at once; the tag on submitting its small form. */
export function TopicFilters({ query, onChange }: { query: ForumQuery; onChange: (next: Partial<ForumQuery>) => void }) {
  const [tag, setTag] = useState(query.tag);
  // A tag chosen elsewhere (a click on a topic's tag) shows in the box too.
  useEffect(() => setTag(query.tag), [query.tag]);
  if (!isTopicView(query.view)) return null;

  function applyTag(event: Event) {
    event.preventDefault();
    onChange({ tag: tag.trim().toLowerCase() });
  }

  return (
    <div class="filters">
      <form class="inline-form topic-filters" onSubmit={applyTag} role="search" aria-label="Filter topics">
        {query.view === 'top' && (
          <SelectField
            label="Period"
            name="period"
            options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
            value={query.period}
            onChange={(event) => onChange({ period: (event.currentTarget as HTMLSelectElement).value as TopPeriod })}
          />
        )}
        <SelectField
          label="Phase"
          name="phase"
          empty="Any phase"
          options={PHASE_OPTIONS}
          value={query.phase ? String(query.phase) : ''}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            onChange({ phase: value ? Number(value) : null });
          }}
        />
        <TextField
          label="Tag"
          name="tag"
          maxLength={40}
          value={tag}
          onInput={(event) => setTag((event.currentTarget as HTMLInputElement).value)}
        />
        <div class="actions">
          <button type="submit" class="button button-secondary">
            Filter by tag
          </button>
        </div>
      </form>
      {(query.tag || query.phase) && (
        <p class="active-filters">
          <span>
            Showing topics
            {query.tag && (
              <>
                {' '}
                tagged <strong>{query.tag}</strong>
              </>
            )}
            {query.tag && query.phase ? ' and' : ''}
            {query.phase ? ` in phase ${query.phase}` : ''}.
          </span>
          <button type="button" class="button button-small button-secondary" onClick={() => onChange({ tag: '', phase: null })}>
            Clear filters
          </button>
        </p>
      )}
    </div>
  );
}
