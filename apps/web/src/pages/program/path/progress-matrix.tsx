import { useState } from 'preact/hooks';
import { DataTable } from '../../../components/data-table';
import { SelectField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { api } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { itemPath, STATUS_LABELS } from './path-labels';
import type { FacilitatorResponse, ProgressMatrix } from './types';

const enc = encodeURIComponent;

/** Members down, items across; each cell says the status in words. */
export function ProgressMatrixTable({ matrix }: { matrix: ProgressMatrix }) {
  return (
    <section aria-labelledby="progress-heading" class="section">
      <h2 id="progress-heading">Progress</h2>
      <p class="muted">
        {matrix.members.length} members · {matrix.requiredTotal} required items
      </p>
      <DataTable
        caption={`Progress of ${matrix.cohort.name} on the learning path`}
        class="path-matrix"
        columns={['Member', 'Required done', ...matrix.items.map((i) => `${i.title}${i.required ? '' : ' (optional)'}`)]}
        empty={matrix.members.length === 0 ? 'The cohort has no members yet.' : undefined}
      >
        {matrix.members.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.displayName}</th>
            <td>
              {m.requiredDone} of {matrix.requiredTotal}
            </td>
            {m.cells.map((cell) => (
              <td key={cell.itemId} class={`path-cell path-cell-${cell.status}`}>
                {STATUS_LABELS[cell.status]}
                {cell.completedAt && <span class="muted"> {new Date(cell.completedAt).toLocaleDateString()}</span>}
              </td>
            ))}
          </tr>
        ))}
        {matrix.members.length > 0 && (
          <tr>
            <th scope="row">Completed by</th>
            <td />
            {matrix.items.map((i) => (
              <td key={i.id}>
                {i.completedCount} of {matrix.members.length}
              </td>
            ))}
          </tr>
        )}
      </DataTable>
      <ul class="plain-list path-matrix-items" aria-label="Items in the table">
        {matrix.items.map((i) => (
          <li key={i.id}>
            <a href={itemPath(i.id)}>{i.title}</a>{' '}
            <span class="muted">
              · Phase {i.phase} · {i.module.title}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every response of the cohort to one activity, shared or not: facilitators read them all. */
export function CohortResponses({ matrix }: { matrix: ProgressMatrix }) {
  const activities = matrix.items.filter((i) => i.kind === 'activity');
  const [itemId, setItemId] = useState(activities[0]?.id ?? '');
  const responses = useLoad(
    () =>
      itemId
        ? api.get<{ items: FacilitatorResponse[] }>(`/program/cohorts/${enc(matrix.cohort.id)}/responses`, { itemId })
        : Promise.resolve({ items: [] as FacilitatorResponse[] }),
    [itemId, matrix.cohort.id],
  );
  if (activities.length === 0) return null;
  return (
    <section aria-labelledby="responses-heading" class="section">
      <h2 id="responses-heading">Activity responses</h2>
      <SelectField
        label="Activity"
        value={itemId}
        onChange={(e) => setItemId((e.currentTarget as HTMLSelectElement).value)}
        options={activities.map((a) => ({ value: a.id, label: a.title }))}
      />
      {responses.loading && !responses.data && <Loading what="Loading the responses" />}
      <FormStatus error={responses.error} />
      {responses.data && responses.data.items.length === 0 && <p class="muted">No responses yet.</p>}
      <ul class="plain-list path-responses">
        {responses.data?.items.map((r) => (
          <li key={r.author.id} class="card">
            <p>
              <strong>{r.author.displayName}</strong>{' '}
              <span class="muted">
                · {r.sharedWithCohort ? 'Shared with the cohort' : 'Not shared'} · {STATUS_LABELS[r.status]}
              </span>
            </p>
            <div class="post-body" dangerouslySetInnerHTML={{ __html: r.html }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
