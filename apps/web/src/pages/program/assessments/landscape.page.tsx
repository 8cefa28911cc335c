import { useState } from 'preact/hooks';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useAction } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { EffortForm, type EffortValues } from './effort-form';
import { dateText, effortStatusLabel, sphereLabel } from './labels';
import type { LandscapeEffort, LandscapePage as LandscapeList } from './types';

const enc = encodeURIComponent;

/** The school's existing anti-racism efforts: a list anyone at the school reads, kept by its cohorts and lead. */
export function LandscapePage({ schoolId }: { schoolId: string }) {
  const base = `/program/schools/${enc(schoolId)}/landscape`;
  const first = useLoad(() => api.get<LandscapeList>(base, { limit: 50 }), [schoolId]);
  const [more, setMore] = useState<LandscapeEffort[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const action = useAction();

  if (first.loading && !first.data) return <Loading what="Loading the landscape inventory" />;
  if (first.error instanceof ApiError && [400, 404].includes(first.error.status)) return <NotFoundPage />;
  const data = first.data;
  if (!data) {
    return (
      <Page title="Landscape inventory">
        <FormStatus error={first.error} />
      </Page>
    );
  }
  const efforts = [...data.items, ...more];
  const next = cursor === undefined ? data.nextCursor : cursor;
  const loadMore = () =>
    action.run(async () => {
      const page = await api.get<LandscapeList>(base, { limit: 50, cursor: next });
      setMore((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    });
  const reset = () => {
    setMore([]);
    setCursor(undefined);
    first.reload();
  };
  const create = async (values: EffortValues) => {
    await api.post<LandscapeEffort>(base, values);
    reset();
    return `${values.name} is in the inventory.`;
  };

  return (
    <Page
      title={`Landscape inventory of ${data.school.name}`}
      documentTitle="Landscape inventory"
      intro={<p>What the school already does against racism, in which sphere, and what shows whether it works.</p>}
    >
      <section class="section" aria-labelledby="efforts-heading">
        <h2 id="efforts-heading">Efforts</h2>
        {efforts.length === 0 ? (
          <p class="muted">No effort has been recorded yet.</p>
        ) : (
          <ul class="card-list effort-list">
            {efforts.map((e) => (
              <EffortCard key={e.id} effort={e} base={base} canEdit={data.canEdit} onChanged={reset} />
            ))}
          </ul>
        )}
        {next && (
          <button type="button" class="button button-secondary" onClick={() => void loadMore()}>
            Show more efforts
          </button>
        )}
        <FormStatus error={action.error} />
      </section>
      {data.canEdit && (
        <section class="section card" aria-labelledby="add-effort">
          <h2 id="add-effort">Add an effort</h2>
          <EffortForm submitLabel="Add effort" onSave={create} />
        </section>
      )}
      <p>
        <a href={`/schools/${enc(schoolId)}/readiness`}>The school’s readiness results</a>
      </p>
    </Page>
  );
}

function EffortCard({
  effort,
  base,
  canEdit,
  onChanged,
}: {
  effort: LandscapeEffort;
  base: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const action = useAction();
  const remove = () =>
    action.run(async () => {
      if (!window.confirm(`Remove ${effort.name} from the inventory?`)) return;
      await api.delete(`${base}/${enc(effort.id)}`);
      onChanged();
    });
  const save = async (values: EffortValues) => {
    await api.patch<LandscapeEffort>(`${base}/${enc(effort.id)}`, values);
    setEditing(false);
    onChanged();
    return 'Saved.';
  };
  return (
    <li class="card effort">
      <h3 id={`effort-${effort.id}`}>{effort.name}</h3>
      <p class="muted">
        {sphereLabel(effort.sphere)} · {effortStatusLabel(effort.status)}
        {effort.startedOn ? ` · since ${dateText(`${effort.startedOn}T12:00:00Z`)}` : ''}
      </p>
      {effort.effectivenessEvidence && <p class="prewrap">{effort.effectivenessEvidence}</p>}
      {canEdit && !editing && (
        <div class="actions">
          <button type="button" class="button button-small button-secondary" onClick={() => setEditing(true)}>
            Edit<span class="visually-hidden"> {effort.name}</span>
          </button>
          <button type="button" class="button button-small button-danger" onClick={() => void remove()}>
            Remove<span class="visually-hidden"> {effort.name}</span>
          </button>
        </div>
      )}
      {editing && <EffortForm effort={effort} submitLabel="Save effort" onSave={save} onCancel={() => setEditing(false)} />}
      <FormStatus error={action.error} />
    </li>
  );
}
