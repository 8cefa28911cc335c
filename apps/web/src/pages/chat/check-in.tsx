import { useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { sendRefusal } from './chat-labels';
import type { Session } from './chat-types';
import type { RoomFeed } from './use-room-feed';

/** The check-in stage: the prompt and one short answer each; the answers are read together in the log. */
interface CheckInCardProps {
  session: Session;
  feed: RoomFeed;
  meId: string | undefined;
  canWrite: boolean;
  onRefused: (code: string) => void;
}

export function CheckInCard({ session, feed, meId, canWrite, onRefused }: CheckInCardProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const started = new Date(session.startedAt).getTime();
  const answered = feed.messages.some(
    (m) => m.kind === 'check_in' && feed.isMine(m, meId) && new Date(m.createdAt).getTime() >= started,
  );

  async function send(event: Event) {
    event.preventDefault();
    const body = text.trim();
    if (!body) {
      setError('Write your answer first.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await feed.send(body, { kind: 'check_in' });
    setBusy(false);
    if (result.ok) {
      setText('');
      setDone('Thank you for checking in.');
    } else {
      setError(sendRefusal(result.code, result.message, result.retryAfter));
      onRefused(result.code);
    }
  }

  return (
    <section class="card chat-checkin" aria-labelledby={`checkin-${session.id}`}>
      <h2 id={`checkin-${session.id}`}>Check-in</h2>
      <p class="lead-text">{session.checkInPrompt ?? 'How are you arriving?'}</p>
      {answered ? (
        <p>You have checked in. The answers appear together in the conversation below.</p>
      ) : canWrite ? (
        <form class="inline-form" onSubmit={send} noValidate>
          <TextField
            label="Your check-in answer"
            name="answer"
            maxLength={500}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
          <div class="actions">
            <SubmitButton busy={busy} busyLabel="Sharing…">
              Share check-in
            </SubmitButton>
          </div>
        </form>
      ) : null}
      <FormStatus error={error} success={done} />
    </section>
  );
}
