import { FormStatus } from '../../../components/form-status';
import { TextField } from '../../../components/field';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { formatDay } from './change-labels';
import type { Step, TargetDetail } from './types';

const enc = encodeURIComponent;

/** The plan's steps, ticked off as they are done. */
export function TargetSteps({ target, onChanged }: { target: TargetDetail; onChanged: () => void }) {
  const action = useAction();
  const toggle = (step: Step, done: boolean) =>
    action.run(async () => {
      await api.patch(`/program/steps/${enc(step.id)}`, { done });
      onChanged();
      return done ? `“${step.title}” is done.` : `“${step.title}” is open again.`;
    });
  return (
    <section class="section" aria-labelledby="steps-title">
      <h2 id="steps-title">Plan steps</h2>
      {target.steps.length === 0 ? (
        <p class="muted">No steps yet.</p>
      ) : (
        <ul class="plain-list change-steps">
          {target.steps.map((step) => (
            <li key={step.id}>
              <label>
                <input type="checkbox" checked={step.done} disabled={!target.can.edit} onChange={(e) => void toggle(step, e.currentTarget.checked)} /> {step.title}
              </label>
              <span class="muted">
                {step.owner ? ` · ${step.owner.displayName}` : ''}
                {step.dueOn ? ` · due ${formatDay(step.dueOn)}` : ''}
              </span>
              {step.overdue && <span class="pill pill-expired" style={{ marginLeft: '0.5rem' }}>Overdue</span>}
            </li>
          ))}
        </ul>
      )}
      <FormStatus error={action.error} success={action.message} />
      {target.can.edit && <NewStepForm targetId={target.id} onSaved={onChanged} />}
    </section>
  );
}

function NewStepForm({ targetId, onSaved }: { targetId: string; onSaved: () => void }) {
  const form = useSubmit();
  const save = form.onSubmit((data, element) =>
    form.submit(async () => {
      const dueOn = String(data.get('dueOn') ?? '');
      await api.post(`/program/targets/${enc(targetId)}/steps`, { title: String(data.get('title') ?? '').trim(), dueOn: dueOn || undefined });
      element.reset();
      onSaved();
      return 'Step added.';
    }),
  );
  return (
    <form ref={form.formRef} class="form inline-form" onSubmit={save} aria-label="Add a step" noValidate>
      <TextField label="New step" name="title" required error={form.fields.title} />
      <TextField label="Due date (optional)" name="dueOn" type="date" error={form.fields.dueOn} />
      <SubmitButton busy={form.busy}>Add step</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}
