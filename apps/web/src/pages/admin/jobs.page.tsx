import { FormStatus } from '../../components/form-status';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import type { JobSummary } from '../../lib/notification-types';
import { useLoad } from '../../lib/use-load';
import { FailedJobs } from './failed-jobs';

/** Background work at a glance, for platform admins (the server answers 404 to anyone else). */
export function JobsPage() {
  const summary = useLoad(() => api.get<JobSummary>('/admin/jobs/summary'), []);
  const s = summary.data;
  return (
    <Page
      title="Background jobs"
      intro={<p>Emails, digests, search indexing and scheduled sweeps run as jobs. Jobs that failed every retry wait here.</p>}
    >
      <section class="card" aria-labelledby="summary-title" aria-busy={summary.loading ? 'true' : 'false'}>
        <div class="panel-head">
          <h2 id="summary-title">Now</h2>
          <button type="button" class="button button-small button-secondary" onClick={summary.reload} disabled={summary.loading}>
            Refresh
          </button>
        </div>
        <FormStatus error={summary.error} />
        {s && (
          <dl class="facts job-summary">
            <div>
              <dt>Failed</dt>
              <dd>{s.failed}</dd>
            </div>
            <div>
              <dt>Waiting in the outbox</dt>
              <dd>{s.outbox}</dd>
            </div>
            <div>
              <dt>Queued</dt>
              <dd>{s.queues.waiting}</dd>
            </div>
            <div>
              <dt>Running</dt>
              <dd>{s.queues.active}</dd>
            </div>
            <div>
              <dt>Scheduled for later</dt>
              <dd>{s.queues.delayed}</dd>
            </div>
          </dl>
        )}
      </section>
      <FailedJobs onChanged={summary.reload} />
    </Page>
  );
}
