import { FormStatus } from '../../../components/form-status';
import { SelectField, TextField } from '../../../components/field';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useSubmit } from '../../../lib/use-submit';
import { DIRECTIONS, localToday } from './change-labels';
import { IndicatorCard } from './indicator-card';
import type { Indicator, TargetDetail } from './types';

const enc = encodeURIComponent;
const text = (data: FormData, key: string) => String(data.get(key) ?? '').trim();

/** The target's indicators, each with its chart and, for those who may write, a form to record a measurement. */
export function TargetIndicators({ target, onChanged }: { target: TargetDetail; onChanged: () => void }) {
  return (
    <section class="section" aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicators</h2>
      {target.indicators.length === 0 && <p class="muted">No indicators yet: add one to see whether the target works.</p>}
      <div class="grid">
        {target.indicators.map((indicator) => (
          <IndicatorCard key={indicator.id} {...indicator} points={indicator.measurements.map((m) => ({ date: m.measuredOn, value: m.value }))}>
            {indicator.measurements.length > 0 && <EvidenceList indicator={indicator} />}
            {target.can.edit && <MeasurementForm indicator={indicator} onSaved={onChanged} />}
          </IndicatorCard>
        ))}
      </div>
      {target.can.edit && <NewIndicatorForm targetId={target.id} onSaved={onChanged} />}
    </section>
  );
}

function EvidenceList({ indicator }: { indicator: Indicator }) {
  const withNotes = indicator.measurements.filter((m) => m.note || m.evidenceUrls.length).slice(-5).reverse();
  if (withNotes.length === 0) return null;
  return (
    <details>
      <summary>Notes and evidence</summary>
      <ul class="plain-list">
        {withNotes.map((m) => (
          <li key={m.id}>
            {m.measuredOn}: {m.value} {indicator.unit}
            {m.note && ` — ${m.note}`}
            {m.evidenceUrls.map((url) => (
              <span key={url}>
                {' '}
                <a href={url} rel="noopener noreferrer nofollow">
                  evidence
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

function MeasurementForm({ indicator, onSaved }: { indicator: Indicator; onSaved: () => void }) {
  const form = useSubmit();
  const save = form.onSubmit((data, element) =>
    form.submit(async () => {
      const evidence = text(data, 'evidence');
      const value = Number(text(data, 'value'));
      if (form.invalid(text(data, 'value') === '' || !Number.isFinite(value) ? { value: 'Enter a number' } : {}, 'Please enter the value as a number.')) return;
      await api.post(`/program/indicators/${enc(indicator.id)}/measurements`, {
        measuredOn: text(data, 'measuredOn'),
        value,
        unit: text(data, 'unit'),
        note: text(data, 'note') || undefined,
        evidenceUrls: evidence ? [evidence] : undefined,
      });
      element.reset();
      onSaved();
      return 'Measurement recorded.';
    }),
  );
  return (
    <form ref={form.formRef} class="form" onSubmit={save} aria-label={`Record a measurement of ${indicator.name}`} noValidate>
      <h4>Record a measurement</h4>
      <TextField label="Date" name="measuredOn" type="date" defaultValue={localToday()} required error={form.fields.measuredOn} />
      <TextField label="Value" name="value" inputMode="decimal" required error={form.fields.value} />
      <TextField label="Unit" name="unit" defaultValue={indicator.unit} required error={form.fields.unit} />
      <TextField label="Note" name="note" optional error={form.fields.note} />
      <TextField label="Evidence link" name="evidence" type="url" optional hint="An http(s) address of a report or data set." error={form.fields['evidenceUrls.0'] ?? form.fields.evidenceUrls} />
      <SubmitButton busy={form.busy} busyLabel="Recording…">
        Record measurement
      </SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}

function NewIndicatorForm({ targetId, onSaved }: { targetId: string; onSaved: () => void }) {
  const form = useSubmit();
  const save = form.onSubmit((data, element) =>
    form.submit(async () => {
      await api.post(`/program/targets/${enc(targetId)}/indicators`, {
        name: text(data, 'name'),
        unit: text(data, 'unit'),
        baseline: Number(text(data, 'baseline')),
        targetValue: Number(text(data, 'targetValue')),
        direction: text(data, 'direction'),
      });
      element.reset();
      onSaved();
      return 'Indicator added.';
    }),
  );
  return (
    <details class="card card-quiet">
      <summary>Add an indicator</summary>
      <form ref={form.formRef} class="form" onSubmit={save} noValidate>
        <TextField label="Indicator name" name="name" required error={form.fields.name} />
        <TextField label="Unit of measure" name="unit" required hint="For example %, students, reports." error={form.fields.unit} />
        <TextField label="Baseline" name="baseline" inputMode="decimal" required error={form.fields.baseline} />
        <TextField label="Target value" name="targetValue" inputMode="decimal" required error={form.fields.targetValue} />
        <SelectField label="Direction" name="direction" options={DIRECTIONS} defaultValue="increase" error={form.fields.direction} />
        <SubmitButton busy={form.busy}>Add indicator</SubmitButton>
        <FormStatus error={form.error} success={form.message} />
      </form>
    </details>
  );
}
