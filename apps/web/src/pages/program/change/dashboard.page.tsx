import { DataTable } from '../../../components/data-table';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { phaseLabel } from '../../forum/phases';
import { NotFoundPage } from '../../not-found.page';
import { CATEGORIES, categoryLabel, formatDay, sphereLabel, STATUSES, statusLabel, targetHref } from './change-labels';
import { IndicatorCard } from './indicator-card';
import type { Dashboard } from './types';

const enc = encodeURIComponent;

/** A school's change work at a glance: targets by status and category, indicators with charts, what is late, wins. */
export function ChangeDashboardPage({ id }: { id: string }) {
  const dashboard = useLoad(() => api.get<Dashboard>(`/program/schools/${enc(id)}/dashboard`), [id]);
  const d = dashboard.data;
  if (dashboard.loading && !d) return <Loading what="Loading the dashboard" />;
  if (!d) {
    if (dashboard.error instanceof ApiError && [400, 404].includes(dashboard.error.status)) return <NotFoundPage />;
    return (
      <Page title="Change dashboard">
        <FormStatus error={dashboard.error} />
      </Page>
    );
  }
  return (
    <Page title={`Change at ${d.school.name}`} documentTitle="Change dashboard">
      <p class="inline-links">
        <a href={`/change/schools/${enc(d.school.id)}/coalition`}>Guiding coalition</a> ·{' '}
        <a href={`/schools/${enc(d.school.id)}/readiness`}>Readiness results</a> ·{' '}
        <a href={`/schools/${enc(d.school.id)}/landscape`}>Landscape inventory</a> · <a href="/change/consortium">Consortium progress</a>
        {d.can.edit && (
          <>
            {' · '}
            <a class="button button-small" href={`/change/schools/${enc(d.school.id)}/targets/new`}>
              New target
            </a>
          </>
        )}
      </p>
      <div class="grid">
        <section class="card" aria-labelledby="by-status">
          <h2 id="by-status">Targets by status</h2>
          <dl class="facts">
            {STATUSES.map((s) => (
              <div key={s.value}>
                <dt>{s.label}</dt>
                <dd>{d.targetsByStatus[s.value]}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section class="card" aria-labelledby="by-category">
          <h2 id="by-category">Targets by category</h2>
          <dl class="facts">
            {CATEGORIES.map((c) => (
              <div key={c.value}>
                <dt>{c.label}</dt>
                <dd>{d.targetsByCategory[c.value]}</dd>
              </div>
            ))}
          </dl>
          <h3>Cohorts</h3>
          {d.cohorts.length === 0 ? (
            <p class="muted">No cohorts yet.</p>
          ) : (
            <ul class="plain-list">
              {d.cohorts.map((c) => (
                <li key={c.id}>
                  {c.name}: {c.currentPhase ? phaseLabel(c.currentPhase) : 'not started'}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section class="section" aria-labelledby="targets-title">
        <h2 id="targets-title">Targets and indicators</h2>
        {d.targets.length === 0 && <p class="muted">No change targets yet.</p>}
        {d.targets.map((target) => (
          <section key={target.id} class="section" aria-label={target.title}>
            <h3>
              <a href={targetHref(target.id)}>{target.title}</a>
            </h3>
            <p class="muted">
              {statusLabel(target.status)} · {categoryLabel(target.category)} · {sphereLabel(target.sphere)} · due {formatDay(target.dueOn)}
              {target.owner ? ` · owner ${target.owner.displayName}` : ''}
            </p>
            {target.indicators.length === 0 ? (
              <p class="muted">No indicators yet.</p>
            ) : (
              <div class="grid">
                {target.indicators.map((i) => (
                  <IndicatorCard key={i.id} {...i} points={i.series} headingLevel={4} />
                ))}
              </div>
            )}
          </section>
        ))}
      </section>

      <section class="section" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Overdue steps</h2>
        <DataTable caption="Plan steps past their due date" columns={['Step', 'Target', 'Owner', 'Due']} empty={d.overdueSteps.length ? undefined : 'Nothing is overdue.'}>
          {d.overdueSteps.map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>
                <a href={targetHref(s.target.id)}>{s.target.title}</a>
              </td>
              <td>{s.owner?.displayName ?? 'Nobody yet'}</td>
              <td>{formatDay(s.dueOn)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section class="section" aria-labelledby="wins-title">
        <h2 id="wins-title">Recent wins</h2>
        {d.recentWins.length === 0 ? (
          <p class="muted">No wins recorded yet.</p>
        ) : (
          <ul class="link-list">
            {d.recentWins.map((w) => (
              <li key={w.id}>
                {w.title} <span class="muted">· {formatDay(w.happenedOn)} · </span>
                <a href={targetHref(w.target.id)}>{w.target.title}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
