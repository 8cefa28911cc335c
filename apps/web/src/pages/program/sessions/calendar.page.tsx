import { useState } from 'preact/hooks';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api } from '../../../lib/api';
import { replaceSearch } from '../../../lib/router';
import type { Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { useScopeLabel } from '../../chat/use-scope-label';
import { CalendarSubscribe } from './calendar-subscribe';
import {
  canPlanSessions,
  dayHeading,
  dayKey,
  kindLabel,
  monthHeading,
  RSVP_WORDS,
  timeOf,
  viewerTimeZone,
} from './session-labels';
import type { CalendarPage as CalendarResult, CalendarView, SessionSummary } from './types';

const VIEWS: { value: CalendarView; label: string; empty: string }[] = [
  { value: 'mine', label: 'My sessions', empty: 'No sessions for you this month.' },
  { value: 'cohort', label: 'Cohort', empty: 'No sessions for your cohort this month.' },
  { value: 'consortium', label: 'Consortium', empty: 'No consortium-wide sessions this month.' },
];

interface CalendarQuery {
  view: CalendarView;
  /** The first day of the month shown, in the viewer's zone. */
  month: Date;
}

function parseQuery(search: string): CalendarQuery {
  const params = new URLSearchParams(search);
  const view = VIEWS.find((v) => v.value === params.get('view'))?.value ?? 'mine';
  const match = /^(\d{4})-(\d{2})$/.exec(params.get('month') ?? '');
  const now = new Date();
  const month = match ? new Date(Number(match[1]), Number(match[2]) - 1, 1) : new Date(now.getFullYear(), now.getMonth(), 1);
  return { view, month };
}

const monthParam = (month: Date) => `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
const searchOf = (q: CalendarQuery) => `?view=${q.view}&month=${monthParam(q.month)}`;

/** Sessions of one day, in the order they start. */
function byDay(items: SessionSummary[]): { key: string; first: string; items: SessionSummary[] }[] {
  const days = new Map<string, SessionSummary[]>();
  for (const item of items) {
    const key = dayKey(item.startsAt);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return [...days.entries()].map(([key, list]) => ({ key, first: list[0].startsAt, items: list }));
}

export function CalendarPage({ me, search }: { me: Me; search: string }) {
  const [query, setQuery] = useState<CalendarQuery>(() => parseQuery(search));
  const change = (next: Partial<CalendarQuery>) => {
    const merged = { ...query, ...next };
    setQuery(merged);
    replaceSearch(searchOf(merged));
  };
  const from = query.month;
  const to = new Date(from.getFullYear(), from.getMonth() + 1, 1);
  const result = useLoad(
    () =>
      api.get<CalendarResult>('/program/calendar', {
        view: query.view,
        from: from.toISOString(),
        to: to.toISOString(),
        limit: 500,
      }),
    [query.view, from.getTime()],
  );
  const scopeLabel = useScopeLabel(
    me,
    (result.data?.items ?? []).map((i) => i.audience),
  );
  const view = VIEWS.find((v) => v.value === query.view)!;

  return (
    <Page
      title="Calendar"
      intro={
        <p>
          Program sessions: dialogues, coaching, communities of practice, site visits and the conference. Times are in your time
          zone ({viewerTimeZone()}).
        </p>
      }
    >
      <div class="actions">
        {canPlanSessions(me) && (
          <a class="button" href="/program/sessions/new">
            New session
          </a>
        )}
        <CalendarSubscribe />
      </div>
      <nav aria-label="Calendar views">
        <ul class="view-tabs">
          {VIEWS.map((v) => (
            <li key={v.value}>
              <a
                href={`/calendar${searchOf({ ...query, view: v.value })}`}
                aria-current={v.value === query.view ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  change({ view: v.value });
                }}
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="actions">
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => change({ month: new Date(from.getFullYear(), from.getMonth() - 1, 1) })}
        >
          Previous month
        </button>
        <h2 aria-live="polite">{monthHeading(from)}</h2>
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => change({ month: new Date(from.getFullYear(), from.getMonth() + 1, 1) })}
        >
          Next month
        </button>
      </div>
      {result.loading && !result.data ? (
        <Loading what="Loading sessions" />
      ) : result.error ? (
        <FormStatus error={result.error} />
      ) : (result.data?.items.length ?? 0) === 0 ? (
        <p class="muted">{view.empty}</p>
      ) : (
        byDay(result.data!.items).map((day) => (
          <section key={day.key} class="section" aria-labelledby={`day-${day.key}`}>
            <h3 id={`day-${day.key}`}>{dayHeading(day.first)}</h3>
            <ul class="row-list">
              {day.items.map((s) => (
                <li key={s.id}>
                  <span>
                    <span class="muted">
                      {timeOf(s.startsAt)} – {timeOf(s.endsAt)}
                    </span>{' '}
                    <a href={s.url}>{s.title}</a>
                    <br />
                    <span class="muted">
                      {kindLabel(s.kind)} · {scopeLabel(s.audience)}
                      {s.location ? ` · ${s.location}` : ''}
                    </span>
                  </span>
                  <span>
                    {s.cancelled && <span class="badge">Cancelled</span>}{' '}
                    {s.myRsvp && <span class="badge">{RSVP_WORDS[s.myRsvp]}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Page>
  );
}
