import { Checkbox, SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { organisedScopeOptions } from '../../lib/organised-scopes';
import { navigate } from '../../lib/router';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import type { Room } from './chat-types';

/** Who may set up rooms: the program's facilitators and admins anywhere, school leads for their school. */
export const canCreateRooms = (me: Me) =>
  me.platformRole === 'admin' || me.platformRole === 'facilitator' || me.schoolLeadOf.length > 0;



const isoOrNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '');
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
};

/** A new room: where it lives, whether people speak under pseudonyms, how long its messages stay, its agreements. */
export function CreateRoomForm({ me }: { me: Me }) {
  const scopes = useLoad(() => organisedScopeOptions(me), [me.id]);
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const title = String(data.get('title') ?? '').trim();
    const scope = String(data.get('scope') ?? '');
    const retention = String(data.get('retentionDays') ?? '').trim();
    const startsAt = isoOrNull(data.get('startsAt'));
    const endsAt = isoOrNull(data.get('endsAt'));
    const agreement = String(data.get('agreement') ?? '').trim();
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Give the room a title.';
    if (!scope) problems.scope = 'Choose who the room is for.';
    if (retention && !(Number.isInteger(Number(retention)) && Number(retention) >= 1 && Number(retention) <= 3650))
      problems.retentionDays = 'Whole days, 1 to 3650.';
    if (startsAt === 'invalid') problems.startsAt = 'A date and time.';
    if (endsAt === 'invalid') problems.endsAt = 'A date and time.';
    if (startsAt && endsAt && startsAt !== 'invalid' && endsAt !== 'invalid' && endsAt <= startsAt)
      problems.endsAt = 'The end comes after the start.';
    if (form.invalid(problems, 'Please check the highlighted fields.')) return;
    return form.submit(async () => {
      const room = await api.post<Room>('/rooms', {
        title,
        scope,
        anonymous: data.get('anonymous') === 'on',
        ...(retention ? { retentionDays: Number(retention) } : {}),
        ...(startsAt ? { startsAt } : {}),
        ...(endsAt ? { endsAt } : {}),
        ...(agreement ? { agreement } : {}),
      });
      navigate(`/chat/r/${room.id}`);
    });
  });

  if (scopes.loading) return <Loading what="Loading where rooms can be opened" />;
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate aria-labelledby="new-room-title">
      <h2 id="new-room-title">Open a new room</h2>
      <TextField label="Room title" name="title" maxLength={200} required error={form.fields.title} />
      <SelectField
        label="Who the room is for"
        name="scope"
        options={scopes.data ?? []}
        empty="Choose…"
        error={form.fields.scope}
      />
      <Checkbox
        label="Anonymous room"
        name="anonymous"
        hint="Everyone appears as “Participant N”; nobody sees who is present or typing. Facilitators can reveal an author only with a reason that is recorded."
      />
      <TextField label="Starts at" name="startsAt" type="datetime-local" optional error={form.fields.startsAt} />
      <TextField label="Ends at" name="endsAt" type="datetime-local" optional error={form.fields.endsAt} />
      <TextField
        label="Keep messages for (days after a session)"
        name="retentionDays"
        type="number"
        min={1}
        max={3650}
        optional
        hint="Left empty, messages are kept."
        error={form.fields.retentionDays}
      />
      <TextArea
        label="Community agreements"
        name="agreement"
        rows={5}
        maxLength={20000}
        optional
        hint="Everyone accepts these before joining, and affirms them again during each session."
      />
      <FormStatus error={form.error} />
      <SubmitButton busy={form.busy} busyLabel="Opening…">
        Open room
      </SubmitButton>
    </form>
  );
}
