import { useState } from 'preact/hooks';
import { DataTable } from '../../components/data-table';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import type { FailedJob, FailedJobPage } from '../../lib/notification-types';
import { useAction } from '../../lib/use-submit';
import { usePagedList } from '../forum/paged-list';

const enc = encodeURIComponent;
const firstLine = (text: string) => text.split('\n', 1)[0];

function payloadText(payload: unknown): string {
  try {
    return JSON.stringify(payload, null, 2) ?? 'null';
  } catch {
    return String(payload);
  }
}

/** The dead letters: jobs that used up their retries, with what they carried and why they failed. */
export function FailedJobs({ onChanged }: { onChanged: () => void }) {
  const list = usePagedList<FailedJob, FailedJobPage>('/admin/jobs/failed', {}, 50);
  // Rows handled here leave the table at once rather than after a reload that would lose the loaded pages.
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [working, setWorking] = useState<string | null>(null);
  const action = useAction();
  const rows = list.items.filter((job) => !gone.has(job.id));

  async function act(job: FailedJob, request: () => Promise<void>, done: string) {
    setWorking(job.id);
    await action.run(async () => {
      await request();
      setGone((set) => new Set(set).add(job.id));
      onChanged();
      return done;
    });
    setWorking(null);
  }

  const retry = (job: FailedJob) =>
    act(job, () => api.post<void>(`/admin/jobs/failed/${enc(job.id)}/retry`), `“${job.name}” was queued again.`);

  function discard(job: FailedJob) {
    if (!window.confirm(`Discard the failed job “${job.name}”? Its work will not be done.`)) return;
    void act(job, () => api.delete(`/admin/jobs/failed/${enc(job.id)}`), `“${job.name}” was discarded.`);
  }

  return (
    <section class="section" aria-labelledby="failed-title">
      <h2 id="failed-title">Failed jobs</h2>
      <FormStatus error={action.error ?? list.error} success={action.message} />
      {list.loading && !list.items.length ? (
        <Loading what="Loading failed jobs" />
      ) : (
        <DataTable
          caption="Failed jobs"
          columns={['Job', 'Error', 'Attempts', 'Failed']}
          actions
          busy={list.loading}
          empty={rows.length === 0 && !list.loading && 'No failed jobs. Everything that was queued has run.'}
        >
          {rows.map((job) => (
            <tr key={job.id}>
              <th scope="row">
                {job.name}
                {job.jobId && <div class="muted mono-small">{job.jobId}</div>}
              </th>
              <td class="job-error">
                <p>{firstLine(job.error)}</p>
                <details>
                  <summary>Details</summary>
                  <h3>Error</h3>
                  <pre>{job.error}</pre>
                  <h3>Payload</h3>
                  <pre>{payloadText(job.payload)}</pre>
                </details>
              </td>
              <td>{job.attempts}</td>
              <td>{formatDate(job.failedAt, true)}</td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button button-small"
                  disabled={working === job.id}
                  onClick={() => retry(job)}
                  aria-label={`Retry ${job.name}`}
                >
                  Retry
                </button>
                <button
                  type="button"
                  class="button button-small button-danger"
                  disabled={working === job.id}
                  onClick={() => discard(job)}
                  aria-label={`Discard ${job.name}`}
                >
                  Discard
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {!list.loading && list.hasMore && (
        <div class="actions center">
          <button type="button" class="button button-secondary" onClick={list.loadMore}>
            Load more
          </button>
        </div>
      )}
    </section>
  );
}
