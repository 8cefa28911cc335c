import { useEffect, useRef, useState } from 'preact/hooks';
import { SelectField, TextField } from '../components/field';
import { FormStatus } from '../components/form-status';
import { Loading } from '../components/loading';
import { MemberCard } from '../components/member-card';
import { Page } from '../components/page';
import { api, queryString } from '../lib/api';
import { cohortLabel, loadCohorts, loadSchools } from '../lib/directory';
import { SCHOOL_ROLES } from '../lib/labels';
import { replaceSearch } from '../lib/router';
import type { Cohort, Institution, Member, Page as ListPage } from '../lib/types';

const PAGE_SIZE = 24;
const FILTER_KEYS = ['q', 'institutionId', 'schoolRole', 'cohortId', 'expertise'] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

function filtersFrom(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters;
}

export function MembersPage({ search }: { search: string }) {
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(search));
  // What the current results were fetched with; edits not yet submitted must not leak into "Load more".
  const applied = useRef<Filters>(filters);
  const [schools, setSchools] = useState<Institution[]>([]);
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const firstNew = useRef<HTMLAnchorElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    loadSchools().then(setSchools, () => setSchools([]));
  }, []);

  useEffect(() => {
    loadCohorts(filters.institutionId || undefined).then(setCohorts, () => setCohorts([]));
  }, [filters.institutionId]);

  // Moving focus to the first newly loaded person keeps "Load more" from stranding keyboard users.
  useEffect(() => {
    if (focusIndex !== null) firstNew.current?.focus();
  }, [focusIndex]);

  async function fetchPage(active: Filters, after: string | null) {
    const run = ++generation.current;
    applied.current = active;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<ListPage<Member>>('/members', { ...active, cursor: after, limit: PAGE_SIZE });
      if (run !== generation.current) return;
      const items = page.items ?? [];
      setMembers((prev) => (after ? [...prev, ...items] : items));
      setCursor(page.nextCursor ?? null);
      setFocusIndex(after ? members.length : null);
      const total = (after ? members.length : 0) + items.length;
      setAnnouncement(
        total === 0
          ? 'No members match these filters.'
          : `Showing ${total} member${total === 1 ? '' : 's'}${page.nextCursor ? '; more are available' : ''}.`,
      );
    } catch (failure) {
      if (run === generation.current) setError(failure);
    } finally {
      if (run === generation.current) setLoading(false);
    }
  }

  useEffect(() => {
    void fetchPage(filters, null);
  }, []);

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(FILTER_KEYS.map((k) => [k, String(form.get(k) ?? '').trim()])) as Filters;
    setFilters(next);
    replaceSearch(queryString(next));
    void fetchPage(next, null);
  }

  function clear() {
    const empty = filtersFrom('');
    setFilters(empty);
    replaceSearch('');
    void fetchPage(empty, null);
  }

  const set = (key: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value, ...(key === 'institutionId' ? { cohortId: '' } : {}) });

  return (
    <Page title="Members" intro={<p>Find people across the consortium by name, school, role, cohort or area of expertise.</p>}>
      <form class="card form filters" role="search" aria-label="Filter members" onSubmit={submit}>
        <div class="filter-grid">
          <TextField label="Search" name="q" type="search" value={filters.q} onInput={set('q')} hint="A name or an area of expertise." />
          <SelectField
            label="School"
            name="institutionId"
            value={filters.institutionId}
            onChange={set('institutionId')}
            empty="Any school"
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
          />
          <SelectField label="School role" name="schoolRole" value={filters.schoolRole} onChange={set('schoolRole')} empty="Any role" options={SCHOOL_ROLES} />
          <SelectField
            label="Cohort"
            name="cohortId"
            value={filters.cohortId}
            onChange={set('cohortId')}
            empty="Any cohort"
            options={cohorts.map((c) => ({ value: c.id, label: cohortLabel(c, filters.institutionId ? undefined : schools) }))}
          />
          <TextField label="Expertise" name="expertise" value={filters.expertise} onInput={set('expertise')} hint="One whole area, for example: health equity." />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            Search
          </button>
          <button type="button" class="button button-secondary" onClick={clear}>
            Clear filters
          </button>
        </div>
      </form>

      <FormStatus error={error} />
      <p role="status" class="result-count">
        {loading ? '' : announcement}
      </p>

      <section aria-label="Results" aria-busy={loading ? 'true' : 'false'}>
        {members.length > 0 && (
          <ul class="member-list">
            {members.map((m, i) => (
              <li key={m.id}>
                <MemberCard member={m} linkRef={i === focusIndex ? firstNew : undefined} />
              </li>
            ))}
          </ul>
        )}
        {loading && <Loading what="Loading members" />}
        {!loading && cursor && (
          <div class="actions center">
            <button type="button" class="button button-secondary" onClick={() => fetchPage(applied.current, cursor)}>
              Load more
            </button>
          </div>
        )}
      </section>
    </Page>
  );
}
