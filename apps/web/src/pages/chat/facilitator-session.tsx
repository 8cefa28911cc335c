import { useEffect, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';
import { ROOM_STATES, roomStateLabel, STAGES } from './chat-labels';
import type { Room, RoomState } from './chat-types';

const enc = encodeURIComponent;

/** Whole minutes typed into a field, as the seconds the API takes; empty is no timer. */
function minutesToSeconds(value: FormDataEntryValue | null): number | undefined | 'invalid' {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  const minutes = Number(text);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 240) return 'invalid';
  return Math.round(minutes * 60);
}

/** Open, slow, paused or closed, with a reason said in the room. */
export function RoomStateForm({ room, onChanged }: { room: Room; onChanged: (room: Room) => void }) {
  const form = useSubmit();
  const [state, setState] = useState<RoomState>(room.state);
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    const slow = Number(data.get('slowModeSeconds') ?? 0);
    if (
      form.invalid(
        state === 'slow' && !(slow >= 1 && slow <= 86400) ? { slowModeSeconds: 'Seconds between messages, 1 or more.' } : {},
        'Please check the slow mode.',
      )
    )
      return;
    return form.submit(async () => {
      const next = await api.post<Room>(`/rooms/${enc(room.id)}/state`, {
        state,
        ...(reason ? { reason } : {}),
        ...(state === 'slow' ? { slowModeSeconds: slow } : {}),
      });
      onChanged(next);
      return `The room is now: ${roomStateLabel(next.state)}.`;
    });
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate>
      <p>
        Now: <strong>{roomStateLabel(room.state)}</strong>
        {room.state === 'slow' && ` (one message every ${room.slowModeSeconds} s)`}
      </p>
      <SelectField
        label="Room state"
        name="state"
        value={state}
        onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as RoomState)}
        options={ROOM_STATES.filter((s) => s.state !== 'archived' || room.state === 'closed' || room.state === 'archived').map(
          (s) => ({ value: s.state, label: s.label }),
        )}
      />
      {state === 'slow' && (
        <TextField
          label="Seconds between messages"
          name="slowModeSeconds"
          type="number"
          min={1}
          max={86400}
          defaultValue={String(room.slowModeSeconds ?? 30)}
          error={form.fields.slowModeSeconds}
        />
      )}
      <TextField label="Reason, said in the room" name="reason" maxLength={500} optional />
      <FormStatus error={form.error} success={form.message} />
      <SubmitButton busy={form.busy}>Set room state</SubmitButton>
    </form>
  );
}

/** Starting a session (its check-in prompt), then moving it from stage to stage, each with a timer if wanted. */
export function SessionControls({ room, onChanged }: { room: Room; onChanged: () => void }) {
  const start = useSubmit();
  const stage = useSubmit();
  const session = room.session;
  const following = (current: string | undefined) =>
    STAGES[Math.min(STAGES.findIndex((s) => s.stage === current) + 1, STAGES.length - 1)].stage;
  const [nextStage, setNextStage] = useState<string>(following(session?.stage));
  // Each move proposes the stage after the new one.
  useEffect(() => setNextStage(following(session?.stage)), [session?.stage]);

  const startSession = start.onSubmit((data) => {
    const checkInPrompt = String(data.get('checkInPrompt') ?? '').trim();
    const timerSeconds = minutesToSeconds(data.get('timerMinutes'));
    if (
      start.invalid(timerSeconds === 'invalid' ? { timerMinutes: 'Minutes, between 1 and 240.' } : {}, 'Please check the timer.')
    )
      return;
    return start.submit(async () => {
      await api.post(`/rooms/${enc(room.id)}/sessions`, {
        ...(checkInPrompt ? { checkInPrompt } : {}),
        ...(timerSeconds ? { timerSeconds } : {}),
      });
      onChanged();
      return 'The session has started with the check-in.';
    });
  });

  const moveStage = stage.onSubmit((data, formElement) => {
    const next = nextStage;
    const reason = String(data.get('reason') ?? '').trim();
    const timerSeconds = minutesToSeconds(data.get('timerMinutes'));
    if (
      stage.invalid(timerSeconds === 'invalid' ? { timerMinutes: 'Minutes, between 1 and 240.' } : {}, 'Please check the timer.')
    )
      return;
    return stage.submit(async () => {
      await api.put(`/rooms/${enc(room.id)}/stage`, {
        stage: next,
        ...(timerSeconds ? { timerSeconds } : {}),
        ...(reason ? { reason } : {}),
      });
      formElement.reset();
      onChanged();
      return next === 'closed'
        ? 'The session has ended.'
        : `The session is now at: ${STAGES.find((s) => s.stage === next)?.label}.`;
    });
  });

  if (!session) {
    return (
      <form class="form" ref={start.formRef} onSubmit={startSession} noValidate>
        <p>No session is running. Starting one opens its check-in.</p>
        <TextField
          label="Check-in prompt"
          name="checkInPrompt"
          maxLength={300}
          optional
          hint="Left empty: “One word for how you are arriving”."
        />
        <TextField
          label="Check-in timer (minutes)"
          name="timerMinutes"
          type="number"
          min={1}
          max={240}
          optional
          error={start.fields.timerMinutes}
        />
        <FormStatus error={start.error} success={start.message} />
        <SubmitButton busy={start.busy}>Start session</SubmitButton>
      </form>
    );
  }
  return (
    <form class="form" ref={stage.formRef} onSubmit={moveStage} noValidate>
      <p>
        Session {session.number} is at <strong>{STAGES.find((s) => s.stage === session.stage)?.label}</strong>.
      </p>
      <SelectField
        label="Move to stage"
        name="stage"
        value={nextStage}
        onChange={(e) => setNextStage((e.currentTarget as HTMLSelectElement).value)}
        options={STAGES.map((s) => ({ value: s.stage, label: s.label }))}
      />
      <TextField
        label="Timer (minutes)"
        name="timerMinutes"
        type="number"
        min={1}
        max={240}
        optional
        error={stage.fields.timerMinutes}
      />
      <TextField label="Note to the room" name="reason" maxLength={500} optional />
      <FormStatus error={stage.error} success={stage.message} />
      <SubmitButton busy={stage.busy}>Move session</SubmitButton>
    </form>
  );
}
