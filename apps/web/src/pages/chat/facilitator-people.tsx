import { useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import type { Participant, Participation, Room } from './chat-types';

const enc = encodeURIComponent;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The name a facilitator knows a participant by, with the pseudonym peers see in an anonymous room. */
const who = (p: { displayName: string; pseudonym: string | null }) =>
  p.pseudonym ? `${p.displayName} (${p.pseudonym})` : p.displayName;

function MuteForm({ room, person, onDone }: { room: Room; person: Participant; onDone: () => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const minutes = Number(data.get('minutes'));
    const reason = String(data.get('reason') ?? '').trim();
    if (
      form.invalid(
        Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 ? {} : { minutes: 'Whole minutes, 1 to 1440.' },
        'Please check the minutes.',
      )
    )
      return;
    return form.submit(async () => {
      await api.post(`/rooms/${enc(room.id)}/participants/${enc(person.userId)}/mute`, {
        minutes,
        ...(reason ? { reason } : {}),
      });
      onDone();
    });
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label={`Minutes to mute ${person.displayName}`}
        name="minutes"
        type="number"
        min={1}
        max={1440}
        defaultValue="10"
        error={form.fields.minutes}
      />
      <TextField label="Reason (kept on record)" name="reason" maxLength={500} optional />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Mute
        </SubmitButton>
      </div>
    </form>
  );
}

function RemoveForm({ room, person, onDone }: { room: Room; person: Participant; onDone: () => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; it is kept on record.' }, 'A reason is needed to remove someone.'))
      return;
    return form.submit(async () => {
      await api.post(`/rooms/${enc(room.id)}/participants/${enc(person.userId)}/remove`, { reason });
      onDone();
    });
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label={`Reason for removing ${person.displayName}`}
        name="reason"
        maxLength={500}
        error={form.fields.reason}
        hint="They leave the room at once and cannot come back."
      />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Remove from the room
        </SubmitButton>
      </div>
    </form>
  );
}

/** Everyone who joined, with mute and removal. Identities are the facilitators' to see. */
export function ParticipantsTool({ room, meId }: { room: Room; meId: string | undefined }) {
  const roster = useLoad(() => api.get<{ items: Participant[] }>(`/rooms/${enc(room.id)}/participants`), [room.id]);
  const action = useAction();
  const [open, setOpen] = useState<{ userId: string; form: 'mute' | 'remove' } | null>(null);
  const done = (message: string) => {
    setOpen(null);
    roster.reload();
    action.setMessage(message);
  };
  const unmute = (p: Participant) =>
    action.run(async () => {
      await api.post(`/rooms/${enc(room.id)}/participants/${enc(p.userId)}/unmute`);
      roster.reload();
      return `${p.displayName} can write again.`;
    });
  return (
    <div>
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={roster.reload}>
          Refresh participants
        </button>
      </div>
      {roster.loading && <Loading what="Loading the participants" />}
      <FormStatus error={roster.error ?? action.error} success={action.message} />
      {roster.data && (
        <ul class="row-list" aria-label="Participants">
          {roster.data.items.map((p) => {
            const muted = p.mutedUntil && new Date(p.mutedUntil).getTime() > Date.now();
            return (
              <li key={p.userId} class="chat-roster-row">
                <span>
                  {who(p)}
                  {p.removed && <span class="badge">Removed</span>}
                  {muted && <span class="badge">Muted until {formatDate(p.mutedUntil, true)}</span>}
                </span>
                {!p.removed && p.userId !== meId && (
                  <span class="actions">
                    {muted ? (
                      <button type="button" class="button button-small button-secondary" onClick={() => unmute(p)}>
                        Unmute {p.displayName}
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        aria-expanded={open?.userId === p.userId && open.form === 'mute' ? 'true' : 'false'}
                        onClick={() =>
                          setOpen(open?.userId === p.userId && open.form === 'mute' ? null : { userId: p.userId, form: 'mute' })
                        }
                      >
                        Mute {p.displayName}
                      </button>
                    )}
                    <button
                      type="button"
                      class="button button-small button-danger"
                      aria-expanded={open?.userId === p.userId && open.form === 'remove' ? 'true' : 'false'}
                      onClick={() =>
                        setOpen(open?.userId === p.userId && open.form === 'remove' ? null : { userId: p.userId, form: 'remove' })
                      }
                    >
                      Remove {p.displayName}
                    </button>
                  </span>
                )}
                {open?.userId === p.userId && open.form === 'mute' && (
                  <MuteForm room={room} person={p} onDone={() => done(`${p.displayName} is muted.`)} />
                )}
                {open?.userId === p.userId && open.form === 'remove' && (
                  <RemoveForm room={room} person={p} onDone={() => done(`${p.displayName} was removed from the room.`)} />
                )}
              </li>
            );
          })}
          {!roster.data.items.length && <li class="muted">Nobody has joined yet.</li>}
        </ul>
      )}
    </div>
  );
}

/** Step up, step back: who carries the conversation in this session, and who has not spoken yet. */
export function ParticipationTool({ room }: { room: Room }) {
  const balance = useLoad(() => api.get<Participation>(`/rooms/${enc(room.id)}/participation`), [room.id]);
  const data = balance.data;
  return (
    <div>
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={balance.reload}>
          Refresh participation
        </button>
      </div>
      {balance.loading && <Loading what="Counting" />}
      <FormStatus error={balance.error} />
      {data && !data.sessionId && <p class="muted">No session has run yet.</p>}
      {data?.sessionId && (
        <>
          <div class="table-wrap">
            <table class="chat-balance">
              <caption class="visually-hidden">Share of the conversation per participant</caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col">Messages</th>
                  <th scope="col">Share of text</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">{who(row)}</th>
                    <td>
                      {row.messages} ({percent(row.messageShare)})
                    </td>
                    <td>
                      <span class="chat-share" aria-hidden="true">
                        <span style={{ width: percent(row.characterShare) }} />
                      </span>{' '}
                      {percent(row.characterShare)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <strong>Not yet spoken:</strong>{' '}
            {data.notYetSpoken.length ? data.notYetSpoken.map(who).join(', ') : 'everyone has spoken.'}
          </p>
        </>
      )}
    </div>
  );
}
