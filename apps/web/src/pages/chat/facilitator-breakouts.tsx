import { useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import type { Breakout, Participant, Room } from './chat-types';

const enc = encodeURIComponent;

interface BreakoutToolsProps {
  room: Room;
  meId: string | undefined;
  breakouts: Breakout[];
  visiting: string | null;
  onVisit: (breakoutId: string | null) => void;
  onChanged: () => void;
}

/** Splitting the participants into breakouts, at random or by hand, and visiting each one. */
export function BreakoutTools({ room, meId, breakouts, visiting, onVisit, onChanged }: BreakoutToolsProps) {
  const [mode, setMode] = useState<'random' | 'chosen'>('random');
  return (
    <div>
      {breakouts.length > 0 ? (
        <ul class="row-list" aria-label="Open breakouts">
          {breakouts.map((b) => (
            <li key={b.id}>
              <span>
                <strong>{b.title}</strong>
                {b.guidingQuestion && <span class="muted"> · {b.guidingQuestion}</span>}
                <br />
                <span class="muted">
                  {b.participants?.length ? b.participants.map((p) => p.displayName).join(', ') : 'Nobody assigned'}
                </span>
              </span>
              <button
                type="button"
                class="button button-small button-secondary"
                aria-pressed={visiting === b.id ? 'true' : 'false'}
                onClick={() => onVisit(visiting === b.id ? null : b.id)}
              >
                {visiting === b.id ? 'Back to the main room' : `Visit ${b.title}`}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No breakouts are open.</p>
      )}
      <fieldset class="choice-group">
        <legend>How to make breakouts</legend>
        <div class="field-check">
          <input
            type="radio"
            id={`bo-random-${room.id}`}
            name="breakout-mode"
            checked={mode === 'random'}
            onChange={() => setMode('random')}
          />
          <label for={`bo-random-${room.id}`}>At random</label>
        </div>
        <div class="field-check">
          <input
            type="radio"
            id={`bo-chosen-${room.id}`}
            name="breakout-mode"
            checked={mode === 'chosen'}
            onChange={() => setMode('chosen')}
          />
          <label for={`bo-chosen-${room.id}`}>Choose who goes where</label>
        </div>
      </fieldset>
      {mode === 'random' ? (
        <RandomBreakoutsForm room={room} onChanged={onChanged} />
      ) : (
        <ChosenBreakoutsForm room={room} meId={meId} onChanged={onChanged} />
      )}
      <p class="hint">Making breakouts closes the open ones. Moving the session to another stage brings everyone back.</p>
    </div>
  );
}

function RandomBreakoutsForm({ room, onChanged }: { room: Room; onChanged: () => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const count = Number(data.get('count'));
    const question = String(data.get('question') ?? '').trim();
    if (
      form.invalid(
        Number.isInteger(count) && count >= 1 && count <= 50 ? {} : { count: 'A number from 1 to 50.' },
        'Please check the number of breakouts.',
      )
    )
      return;
    return form.submit(async () => {
      const result = await api.post<{ items: Breakout[] }>(`/rooms/${enc(room.id)}/breakouts`, {
        random: { count, ...(question ? { question } : {}) },
      });
      onChanged();
      return `${result.items.length} breakout${result.items.length === 1 ? '' : 's'} opened.`;
    });
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label="Number of breakouts"
        name="count"
        type="number"
        min={1}
        max={50}
        defaultValue="2"
        error={form.fields.count}
      />
      <TextArea label="Guiding question" name="question" rows={2} maxLength={1000} optional />
      <FormStatus error={form.error} success={form.message} />
      <SubmitButton busy={form.busy}>Open breakouts</SubmitButton>
    </form>
  );
}

function ChosenBreakoutsForm({ room, meId, onChanged }: { room: Room; meId: string | undefined; onChanged: () => void }) {
  const roster = useLoad(() => api.get<{ items: Participant[] }>(`/rooms/${enc(room.id)}/participants`), [room.id]);
  const [count, setCount] = useState(2);
  const form = useSubmit();
  const people = (roster.data?.items ?? []).filter((p) => !p.removed && p.userId !== meId);
  const send = form.onSubmit((data) => {
    const question = String(data.get('question') ?? '').trim();
    const groups = Array.from({ length: count }, (_, i) => ({
      title: `Breakout ${i + 1}`,
      ...(question ? { question } : {}),
      userIds: people.filter((p) => data.get(`group-${p.userId}`) === String(i + 1)).map((p) => p.userId),
    }));
    if (
      form.invalid(
        groups.some((g) => g.userIds.length) ? {} : { count: 'Put at least one person in a breakout.' },
        'Nobody is in a breakout yet.',
      )
    )
      return;
    return form.submit(async () => {
      await api.post(`/rooms/${enc(room.id)}/breakouts`, { groups });
      onChanged();
      return `${count} breakouts opened.`;
    });
  });
  if (roster.loading) return <Loading what="Loading the participants" />;
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label="Number of breakouts"
        name="count"
        type="number"
        min={1}
        max={50}
        value={String(count)}
        onInput={(e) => setCount(Math.max(1, Math.min(50, Number((e.currentTarget as HTMLInputElement).value) || 1)))}
        error={form.fields.count}
      />
      {people.length === 0 && <p class="muted">Nobody has joined the room yet.</p>}
      {people.map((p) => (
        <SelectField
          key={p.userId}
          label={`Breakout for ${p.pseudonym && room.anonymous ? `${p.displayName} (${p.pseudonym})` : p.displayName}`}
          name={`group-${p.userId}`}
          empty="Stays in the main room"
          options={Array.from({ length: count }, (_, i) => ({ value: String(i + 1), label: `Breakout ${i + 1}` }))}
        />
      ))}
      <TextArea label="Guiding question" name="question" rows={2} maxLength={1000} optional />
      <FormStatus error={form.error ?? roster.error} success={form.message} />
      <SubmitButton busy={form.busy}>Open breakouts</SubmitButton>
    </form>
  );
}
