import { FormStatus } from '../../../components/form-status';
import { Checkbox, TextArea, TextField } from '../../../components/field';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { formatDay, localToday } from './change-labels';
import type { LogEntry, TargetDetail } from './types';

const enc = encodeURIComponent;
const text = (data: FormData, key: string) => String(data.get(key) ?? '').trim();

/** Short-term wins and course corrections, each of which can become a value-creation story for the consortium. */
export function TargetLog({ target, onChanged }: { target: TargetDetail; onChanged: () => void }) {
  return (
    <>
      <section class="section" aria-labelledby="wins-title">
        <h2 id="wins-title">Short-term wins</h2>
        <Entries entries={target.wins} canShare={target.can.edit} onChanged={onChanged} empty="No wins recorded yet." />
        {target.can.edit && <EntryForm targetId={target.id} kind="win" onSaved={onChanged} />}
      </section>
      <section class="section" aria-labelledby="corrections-title">
        <h2 id="corrections-title">Course corrections</h2>
        <Entries entries={target.corrections} canShare={target.can.edit} onChanged={onChanged} empty="No course corrections recorded." />
        {target.can.edit && <EntryForm targetId={target.id} kind="correction" onSaved={onChanged} />}
      </section>
    </>
  );
}

function Entries({ entries, canShare, onChanged, empty }: { entries: LogEntry[]; canShare: boolean; onChanged: () => void; empty: string }) {
  if (entries.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="plain-list change-log">
      {entries.map((entry) => (
        <li key={entry.id} class="card">
          <h3>{entry.title}</h3>
          <p class="muted">
            {formatDay(entry.happenedOn)}
            {entry.recordedBy ? ` · recorded by ${entry.recordedBy.displayName}` : ''}
          </p>
          {entry.body && <p class="prewrap">{entry.kind === 'correction' ? <><strong>What changed:</strong> {entry.body}</> : entry.body}</p>}
          {entry.reason && (
            <p class="prewrap">
              <strong>Why:</strong> {entry.reason}
            </p>
          )}
          {entry.sharedArticleId ? (
            <p>
              <a href={`/knowledge/a/${enc(entry.sharedArticleId)}`}>Shared as a story draft</a>
            </p>
          ) : (
            canShare && <ShareButton entry={entry} onShared={onChanged} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Makes a knowledge-base draft from the entry; the school is named only if the person ticks the box. */
function ShareButton({ entry, onShared }: { entry: LogEntry; onShared: () => void }) {
  const action = useAction();
  const share = (event: Event) => {
    event.preventDefault();
    const nameSchool = (event.currentTarget as HTMLFormElement).elements.namedItem('nameSchool') as HTMLInputElement;
    void action.run(async () => {
      await api.post(`/program/log-entries/${enc(entry.id)}/share`, { nameSchool: nameSchool.checked });
      onShared();
      return 'Shared: a story draft is waiting for you in the knowledge base.';
    });
  };
  return (
    <form class="inline-form" onSubmit={share} aria-label={`Share “${entry.title}” as a story`}>
      <Checkbox label="Name our school in the story" name="nameSchool" />
      <button type="submit" class="button button-secondary button-small">
        Share as a story<span class="visually-hidden">: {entry.title}</span>
      </button>
      <FormStatus error={action.error} success={action.message} />
    </form>
  );
}

function EntryForm({ targetId, kind, onSaved }: { targetId: string; kind: 'win' | 'correction'; onSaved: () => void }) {
  const form = useSubmit();
  const correction = kind === 'correction';
  const save = form.onSubmit((data, element) =>
    form.submit(async () => {
      const body = { happenedOn: text(data, 'happenedOn'), title: text(data, 'title'), body: text(data, 'body'), ...(correction ? { reason: text(data, 'reason') } : {}) };
      await api.post(`/program/targets/${enc(targetId)}/${correction ? 'corrections' : 'wins'}`, body);
      element.reset();
      onSaved();
      return correction ? 'Course correction recorded.' : 'Win recorded.';
    }),
  );
  return (
    <details class="card card-quiet">
      <summary>{correction ? 'Record a course correction' : 'Record a win'}</summary>
      <form ref={form.formRef} class="form" onSubmit={save} noValidate>
        <TextField label="When" name="happenedOn" type="date" defaultValue={localToday()} required error={form.fields.happenedOn} />
        <TextField label="Title" name="title" required error={form.fields.title} />
        <TextArea label={correction ? 'What changed in the plan' : 'What happened'} name="body" error={form.fields.body} />
        {correction && <TextArea label="Why" name="reason" required error={form.fields.reason} />}
        <SubmitButton busy={form.busy}>{correction ? 'Record correction' : 'Record win'}</SubmitButton>
        <FormStatus error={form.error} success={form.message} />
      </form>
    </details>
  );
}
