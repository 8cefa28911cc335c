import { useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import { chatFlagLabel } from './chat-labels';
import type { ChatFlag, Room, Session } from './chat-types';
import { MessageBody } from './message-item';
import { CaptureSessionButton } from '../knowledge/capture-session';

const enc = encodeURIComponent;

/** Transcripts name nobody (pseudonyms only): a facilitator downloads one per session, or captures it as a draft article. */
export function TranscriptTool({ room, sessions }: { room: Room; sessions: Session[] }) {
  if (!sessions.length) return <p class="muted">No session has run yet.</p>;
  const base = `/api/v1/rooms/${enc(room.id)}/sessions`;
  return (
    <ul class="row-list" aria-label="Transcripts">
      {[...sessions].reverse().map((s) => (
        <li key={s.id}>
          <span>
            Session {s.number}, started {formatDate(s.startedAt, true)}
            {s.endedAt ? `, ended ${formatDate(s.endedAt, true)}` : ' (running)'}
          </span>
          <span class="actions">
            <a
              class="button button-small button-secondary"
              href={`${base}/${enc(s.id)}/transcript?format=markdown`}
              download={`transcript-session-${s.number}.md`}
            >
              Download Markdown<span class="visually-hidden"> transcript of session {s.number}</span>
            </a>
            <a
              class="button button-small button-secondary"
              href={`${base}/${enc(s.id)}/transcript?format=json`}
              download={`transcript-session-${s.number}.json`}
            >
              Download JSON<span class="visually-hidden"> transcript of session {s.number}</span>
            </a>
            <CaptureSessionButton roomId={room.id} sessionId={s.id} number={s.number} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function RemoveFlaggedForm({ room, flag, onDone }: { room: Room; flag: ChatFlag; onDone: () => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; it shows in place of the message.' }, 'A reason is needed.')) return;
    return form.submit(async () => {
      await api.post(`/rooms/${enc(room.id)}/flags/${enc(flag.id)}/resolve`, { action: 'remove', reason });
      onDone();
    });
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label={`Reason for removing message ${flag.message.seq}`}
        name="reason"
        maxLength={500}
        error={form.fields.reason}
      />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Remove message
        </SubmitButton>
      </div>
    </form>
  );
}

/** Open reports on the room's messages: dismiss them, or remove the message with a reason. */
export function FlagsTool({ room }: { room: Room }) {
  const flags = useLoad(() => api.get<{ items: ChatFlag[] }>(`/rooms/${enc(room.id)}/flags`), [room.id]);
  const action = useAction();
  const [removing, setRemoving] = useState<string | null>(null);
  const dismiss = (flag: ChatFlag) =>
    action.run(async () => {
      await api.post(`/rooms/${enc(room.id)}/flags/${enc(flag.id)}/resolve`, { action: 'dismiss' });
      flags.reload();
      return `The report on message ${flag.message.seq} was dismissed.`;
    });
  return (
    <div>
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={flags.reload}>
          Refresh reports
        </button>
      </div>
      {flags.loading && <Loading what="Loading the reports" />}
      <FormStatus error={flags.error ?? action.error} success={action.message} />
      {flags.data && !flags.data.items.length && <p class="muted">No open reports.</p>}
      {flags.data && flags.data.items.length > 0 && (
        <ul class="review-list plain-list" aria-label="Open reports">
          {flags.data.items.map((flag) => (
            <li key={flag.id} class="card card-quiet">
              <p>
                <strong>{chatFlagLabel(flag.kind)}</strong> on message #{flag.message.seq} by {flag.message.author.displayName},
                reported by {flag.reporter.displayName} on {formatDate(flag.createdAt, true)}
              </p>
              {flag.note && <p class="prewrap">Note: {flag.note}</p>}
              <div class="review-excerpt">
                <MessageBody message={flag.message} />
              </div>
              <div class="actions">
                <button type="button" class="button button-small button-secondary" onClick={() => dismiss(flag)}>
                  Dismiss<span class="visually-hidden"> the report on message {flag.message.seq}</span>
                </button>
                {flag.message.status === 'visible' && (
                  <button
                    type="button"
                    class="button button-small button-danger"
                    aria-expanded={removing === flag.id ? 'true' : 'false'}
                    onClick={() => setRemoving(removing === flag.id ? null : flag.id)}
                  >
                    Remove the message<span class="visually-hidden"> #{flag.message.seq}</span>
                  </button>
                )}
              </div>
              {removing === flag.id && (
                <RemoveFlaggedForm
                  room={room}
                  flag={flag}
                  onDone={() => {
                    setRemoving(null);
                    flags.reload();
                    action.setMessage(`Message ${flag.message.seq} was removed.`);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
