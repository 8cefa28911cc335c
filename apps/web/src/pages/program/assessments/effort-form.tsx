import { SelectField, TextArea, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { SubmitButton } from '../../../components/submit-button';
import { useSubmit } from '../../../lib/use-submit';
import { EFFORT_STATUSES, SPHERES } from './labels';
import type { EffortStatus, LandscapeEffort, Sphere } from './types';

export interface EffortValues {
  name: string;
  sphere: Sphere;
  startedOn: string | null;
  status: EffortStatus;
  effectivenessEvidence: string;
}

/** Adding or editing one effort; `effort` fills it for an edit. */
export function EffortForm({
  effort,
  submitLabel,
  onSave,
  onCancel,
}: {
  effort?: LandscapeEffort;
  submitLabel: string;
  onSave: (values: EffortValues) => Promise<string>;
  onCancel?: () => void;
}) {
  const form = useSubmit();
  const prefix = effort ? `edit-${effort.id}` : 'new-effort';
  const save = (data: FormData, element: HTMLFormElement) => {
    const name = String(data.get('name') ?? '').trim();
    if (form.invalid(name ? {} : { name: 'Give the effort a name.' }, 'The effort needs a name.')) return;
    void form.submit(async () => {
      const message = await onSave({
        name,
        sphere: data.get('sphere') as Sphere,
        startedOn: String(data.get('startedOn') ?? '') || null,
        status: data.get('status') as EffortStatus,
        effectivenessEvidence: String(data.get('effectivenessEvidence') ?? ''),
      });
      if (!effort) {
        element.reset();
        // A reset select goes back to its first option, not the one the form started on.
        (element.elements.namedItem('status') as HTMLSelectElement).value = 'active';
      }
      return message;
    });
  };
  return (
    <form ref={form.formRef} class="effort-form" noValidate onSubmit={form.onSubmit(save)}>
      <TextField
        label="Name"
        id={`${prefix}-name`}
        name="name"
        maxLength={200}
        defaultValue={effort?.name}
        error={form.fields.name}
      />
      <SelectField
        label="Sphere"
        id={`${prefix}-sphere`}
        name="sphere"
        options={SPHERES}
        defaultValue={effort?.sphere ?? 'curriculum'}
        error={form.fields.sphere}
      />
      <TextField
        label="Started on"
        id={`${prefix}-started`}
        name="startedOn"
        type="date"
        optional
        defaultValue={effort?.startedOn ?? ''}
        error={form.fields.startedOn}
      />
      <SelectField
        label="Status"
        id={`${prefix}-status`}
        name="status"
        options={EFFORT_STATUSES}
        defaultValue={effort?.status ?? 'active'}
        error={form.fields.status}
      />
      <TextArea
        label="Evidence of effectiveness"
        id={`${prefix}-evidence`}
        name="effectivenessEvidence"
        maxLength={5000}
        optional
        hint="What shows whether it works: numbers, evaluations, stories."
        defaultValue={effort?.effectivenessEvidence ?? ''}
        error={form.fields.effectivenessEvidence}
      />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
        {onCancel && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
