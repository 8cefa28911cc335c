import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import type { FlagStatus, OwnFlag } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { flagKindLabel } from './post-flags';

const STATUS: Record<FlagStatus, string> = {
  received: 'Received',
  reviewed: 'Reviewed',
  action_taken: 'Action taken',
};

/** The person's own reports and where each one stands. */
export function ReportsPage() {
  const flags = useLoad(() => api.get<{ items: OwnFlag[] }>('/me/flags'), []);
  const items = flags.data?.items ?? [];
  return (
    <Page title="Your reports" intro={<p>Posts you reported to a space's facilitators, and where each report stands. Only you and the facilitators see these.</p>}>
      <p>
        <a href="/forum">Back to the forum</a>
      </p>
      <section class="section" aria-labelledby="reports-title" aria-busy={flags.loading ? 'true' : 'false'}>
        <h2 id="reports-title" class="visually-hidden">
          Reports
        </h2>
        {flags.loading && <Loading what="Loading your reports" />}
        <FormStatus error={flags.error} />
        {!flags.loading && !flags.error && items.length === 0 && <p class="muted">You have not reported any posts.</p>}
        {items.length > 0 && (
          <ul class="review-list">
            {items.map((flag) => (
              <li key={flag.id} class="card">
                <p>
                  <strong>{flagKindLabel(flag.kind)}</strong>, reported on {formatDate(flag.createdAt, true)} ·{' '}
                  <a href={`/forum/t/${flag.topicId}`}>Go to the topic</a>
                </p>
                {flag.note && <p class="prewrap">Your note: {flag.note}</p>}
                <p>
                  Status: <span class={`badge flag-status flag-status-${flag.status}`}>{STATUS[flag.status] ?? flag.status}</span>
                  {flag.resolvedAt ? ` (${formatDate(flag.resolvedAt, true)})` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
