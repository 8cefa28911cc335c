import { useRef } from 'preact/hooks';
import { SelectField, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useSubmit } from '../../../lib/use-submit';
import type { CohortPlan, Phase } from './types';

const enc = encodeURIComponent;

export function CohortPhaseForm({ cohort, phases, onSaved }: { cohort: CohortPlan; phases: Phase[]; onSaved: () => void }) {
  const form = useSubmit();
  const save = (data: FormData) =>
    form.submit(async () => {
      const value = String(data.get('currentPhase') ?? '');
      await api.put(`/program/cohorts/${enc(cohort.id)}/phase`, { currentPhase: value ? Number(value) : null });
      onSaved();
      return value ? `The cohort is now in phase ${value}.` : 'The cohort has no current phase.';
    });
  return (
    <form ref={form.formRef} class="card form" onSubmit={form.onSubmit(save)} aria-labelledby="current-phase-heading">
      <h2 id="current-phase-heading">Current phase</h2>
      <SelectField
        label="Phase the cohort is in"
        name="currentPhase"
        empty="Not started"
        defaultValue={cohort.currentPhase ? String(cohort.currentPhase) : ''}
        options={phases.map((p) => ({ value: String(p.number), label: `Phase ${p.number}: ${p.title}` }))}
        error={form.fields.currentPhase}
      />
      <SubmitButton busy={form.busy}>Set phase</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}

/** All six phases' dates in one form; a phase left blank has no dates. Saved as one set, or not at all. */
export function PhaseDatesForm({ cohort, phases, onSaved }: { cohort: CohortPlan; phases: Phase[]; onSaved: () => void }) {
  const form = useSubmit();
  const byPhase = new Map(cohort.phaseDates.map((d) => [d.phase, d]));
  // The server names problems by their place in the list it got; blank phases are not sent, so map back.
  const sent = useRef<number[]>([]);
  const save = (data: FormData) =>
    form.submit(async () => {
      const dates = phases
        .map((p) => ({
          phase: p.number,
          startsOn: String(data.get(`starts-${p.number}`) ?? ''),
          endsOn: String(data.get(`ends-${p.number}`) ?? ''),
        }))
        .filter((d) => d.startsOn || d.endsOn);
      sent.current = dates.map((d) => d.phase);
      await api.put(`/program/cohorts/${enc(cohort.id)}/phase-dates`, { dates });
      onSaved();
      return 'The phase dates are saved.';
    });
  const errorFor = (phase: number, field: string) => {
    const index = sent.current.indexOf(phase);
    return index >= 0 ? form.fields[`dates.${index}.${field}`] : undefined;
  };
  return (
    <form ref={form.formRef} class="card form" onSubmit={form.onSubmit(save)} aria-labelledby="phase-dates-heading">
      <h2 id="phase-dates-heading">Phase dates</h2>
      <p class="hint">Required items of a phase become overdue the day after it ends.</p>
      {phases.map((p) => (
        <fieldset key={p.number} class="path-dates">
          <legend>
            Phase {p.number}: {p.title}
          </legend>
          <TextField
            type="date"
            label={`Phase ${p.number} starts`}
            name={`starts-${p.number}`}
            defaultValue={byPhase.get(p.number)?.startsOn ?? ''}
            error={errorFor(p.number, 'startsOn')}
            optional
          />
          <TextField
            type="date"
            label={`Phase ${p.number} ends`}
            name={`ends-${p.number}`}
            defaultValue={byPhase.get(p.number)?.endsOn ?? ''}
            error={errorFor(p.number, 'endsOn')}
            optional
          />
        </fieldset>
      ))}
      <SubmitButton busy={form.busy}>Save dates</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}
