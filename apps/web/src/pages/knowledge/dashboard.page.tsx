import { DataTable } from '../../components/data-table';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { articleHref, STAGES } from './knowledge-labels';
import type { Article, Dashboard } from './knowledge-types';

/** The knowledge cycle at a glance, for curators and contributors. */
export function DashboardPage() {
  const dashboard = useLoad(() => api.get<Dashboard>('/knowledge/dashboard'), []);
  const d = dashboard.data;
  return (
    <Page title="Cycle dashboard" intro={<p>Where the knowledge base's articles are in their cycle, and which need attention.</p>}>
      {dashboard.loading && !d && <Loading what="Loading the dashboard" />}
      {dashboard.error instanceof ApiError && dashboard.error.status === 403 ? (
        <p>The cycle dashboard is for curators and contributors.</p>
      ) : (
        <FormStatus error={dashboard.error} />
      )}
      {d && (
        <>
          <section class="section" aria-labelledby="stages-title">
            <h2 id="stages-title">Articles by stage</h2>
            <dl class="facts">
              {STAGES.map((s) => (
                <div key={s.value}>
                  <dt>{s.label}</dt>
                  <dd>{d.stages[s.value] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section class="section" aria-labelledby="overdue-title">
            <h2 id="overdue-title">Overdue for review, by owner</h2>
            <DataTable caption="Overdue articles by owner" columns={['Owner', 'Overdue', 'Oldest due']} empty={d.overdueByOwner.length ? undefined : 'Nothing is overdue.'}>
              {d.overdueByOwner.map((o) => (
                <tr key={o.owner.id}>
                  <td>{o.owner.former ? `${o.owner.displayName} (former owner — curated by facilitators)` : o.owner.displayName}</td>
                  <td>{o.overdue}</td>
                  <td>{formatDate(o.oldestDueAt)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
          <TopList id="applied" title="Most applied" items={d.mostApplied} figure={(a) => `${a.appliedCount} applied`} />
          <TopList id="viewed" title="Most viewed" items={d.mostViewed} figure={(a) => `${a.viewCount} views`} />
          <TopList id="idle" title="No views in 90 days" items={d.noViewsIn90Days} figure={(a) => `updated ${formatDate(a.updatedAt)}`} />
        </>
      )}
    </Page>
  );
}

function TopList({ id, title, items, figure }: { id: string; title: string; items: Article[]; figure: (a: Article) => string }) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ol class="link-list">
          {items.map((a) => (
            <li key={a.id}>
              <a href={articleHref(a.id)}>{a.title}</a> <span class="muted">· {figure(a)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
