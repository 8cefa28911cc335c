import { FormStatus } from '../../../components/form-status';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { SubmitButton } from '../../../components/submit-button';
import { useSubmit } from '../../../lib/use-submit';
import { CATEGORIES, localToday, PLAN_SECTIONS, SPHERES, STATUSES } from './change-labels';
import { PersonSelect } from './person-select';
import type { PlanField, TargetDetail } from './types';

export interface TargetInput {
  title: string;
  description: string;
  ownerId: string;
  sphere: string;
  category: string;
  status: string;
  startsOn: string;
  dueOn: string;
  plan: Record<PlanField, string>;
}

interface Props {
  schoolId: string;
  /** The target being edited; a new one when absent. */
  target?: TargetDetail;
  me: { id: string; displayName: string };
  submitLabel: string;
  onSubmit: (input: TargetInput) => Promise<string | void>;
}

const text = (data: FormData, key: string) => String(data.get(key) ?? '').trim();

/** A change target and its tactical plan, as a SMART goal: what, who owns it, when it starts and is due. */
export function TargetForm({ schoolId, target, me, submitLabel, onSubmit }: Props) {
  const form = useSubmit();
  const save = form.onSubmit((data) =>
    form.submit(async () => {
      const input: TargetInput = {
        title: text(data, 'title'),
        description: text(data, 'description'),
        ownerId: text(data, 'ownerId'),
        sphere: text(data, 'sphere'),
        category: text(data, 'category'),
        status: text(data, 'status'),
        startsOn: text(data, 'startsOn'),
        dueOn: text(data, 'dueOn'),
        plan: Object.fromEntries(PLAN_SECTIONS.map((s) => [s.field, String(data.get(s.field) ?? '')])) as Record<PlanField, string>,
      };
      const problems: Record<string, string> = {};
      if (!input.title) problems.title = 'Give the target a title';
      if (!input.startsOn) problems.startsOn = 'Choose a start date';
      if (!input.dueOn) problems.dueOn = 'Choose a due date';
      if (input.startsOn && input.dueOn && input.dueOn < input.startsOn) problems.dueOn = 'The due date cannot come before the start date';
      if (form.invalid(problems, 'Please check the highlighted fields.')) return;
      return onSubmit(input);
    }),
  );
  const f = form.fields;
  return (
    <form ref={form.formRef} class="form" onSubmit={save} noValidate>
      <TextField label="Title" name="title" defaultValue={target?.title} required error={f.title} />
      <TextArea label="Description" name="description" defaultValue={target?.description} optional error={f.description} />
      <PersonSelect schoolId={schoolId} name="ownerId" label="Owner" initial={target?.owner ?? me} error={f.ownerId} />
      <SelectField label="Sphere" name="sphere" options={SPHERES} defaultValue={target?.sphere ?? 'curriculum'} error={f.sphere} />
      <SelectField label="Category" name="category" options={CATEGORIES} defaultValue={target?.category ?? 'structural'} error={f.category} />
      <SelectField label="Status" name="status" options={STATUSES} defaultValue={target?.status ?? 'planned'} error={f.status} />
      <TextField label="Starts on" name="startsOn" type="date" defaultValue={target?.startsOn ?? localToday()} required error={f.startsOn} />
      <TextField label="Due on" name="dueOn" type="date" defaultValue={target?.dueOn} required error={f.dueOn} />
      <fieldset>
        <legend>Tactical plan (Markdown)</legend>
        {PLAN_SECTIONS.map((s) => (
          <TextArea key={s.field} label={s.label} name={s.field} hint={s.hint} optional defaultValue={target?.plan[s.field]} error={f[`plan.${s.field}`]} />
        ))}
      </fieldset>
      <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}
