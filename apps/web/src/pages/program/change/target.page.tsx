import { useState } from 'preact/hooks';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { navigate } from '../../../lib/router';
import type { Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { useAction } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { categoryLabel, formatDay, PLAN_SECTIONS, schoolHref, sphereLabel, statusLabel } from './change-labels';
import { TargetForm, type TargetInput } from './target-form';
import { TargetIndicators } from './target-indicators';
import { TargetLog } from './target-log';
import { TargetSteps } from './target-steps';
import type { TargetDetail } from './types';

const enc = encodeURIComponent;

/** One change target: its tactical plan, steps, indicators with charts, wins and course corrections. */
export function ChangeTargetPage({ id, me }: { id: string; me: Me }) {
  const target = useLoad(() => api.get<TargetDetail>(`/program/targets/${enc(id)}`), [id]);
  const [editing, setEditing] = useState(false);
  const t = target.data;
  if (target.loading && !t) return <Loading what="Loading the target" />;
  if (!t) {
    if (target.error instanceof ApiError && [400, 404].includes(target.error.status)) return <NotFoundPage />;
    return (
      <Page title="Change target">
        <FormStatus error={target.error} />
      </Page>
    );
  }
  const save = async (input: TargetInput) => {
    const updated = await api.patch<TargetDetail>(`/program/targets/${enc(t.id)}`, input);
    target.setData(() => updated);
    setEditing(false);
    return 'Saved.';
  };
  return (
    <Page title={t.title} documentTitle={`${t.title} · Change target`}>
      <p class="muted">
        <a href={schoolHref(t.schoolId)}>School dashboard</a> · {statusLabel(t.status)} · {categoryLabel(t.category)} · {sphereLabel(t.sphere)} ·{' '}
        {formatDay(t.startsOn)} to {formatDay(t.dueOn)}
        {t.owner ? ` · owner ${t.owner.displayName}` : ''}
      </p>
      {t.description && <p class="prewrap">{t.description}</p>}
      {t.can.edit && (
        <p class="actions">
          <button type="button" class="button button-secondary button-small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Close the editor' : 'Edit target and plan'}
          </button>
          <DeleteTarget target={t} />
        </p>
      )}
      {editing && (
        <section class="card" aria-label="Edit the target">
          <TargetForm schoolId={t.schoolId} target={t} me={me} submitLabel="Save changes" onSubmit={save} />
        </section>
      )}
      <section class="section" aria-labelledby="plan-title">
        <h2 id="plan-title">Tactical plan</h2>
        {PLAN_SECTIONS.map((s) => (
          <section key={s.field} aria-label={s.label}>
            <h3>{s.label}</h3>
            {t.plan.html[s.field] ? <div class="post-body" dangerouslySetInnerHTML={{ __html: t.plan.html[s.field] }} /> : <p class="muted">Not written yet.</p>}
          </section>
        ))}
      </section>
      <TargetSteps target={t} onChanged={target.reload} />
      <TargetIndicators target={t} onChanged={target.reload} />
      <TargetLog target={t} onChanged={target.reload} />
    </Page>
  );
}

function DeleteTarget({ target }: { target: TargetDetail }) {
  const action = useAction();
  const remove = () => {
    if (!window.confirm(`Delete “${target.title}” with its plan, indicators and log?`)) return;
    void action.run(async () => {
      await api.delete(`/program/targets/${enc(target.id)}`);
      navigate(schoolHref(target.schoolId));
    });
  };
  return (
    <>
      <button type="button" class="button button-danger button-small" onClick={remove}>
        Delete target
      </button>
      <FormStatus error={action.error} />
    </>
  );
}
