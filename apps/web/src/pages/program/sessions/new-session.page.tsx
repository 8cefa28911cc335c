import { useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { organisedScopeOptions } from '../../../lib/organised-scopes';
import { navigate } from '../../../lib/router';
import type { Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { useSubmit } from '../../../lib/use-submit';
import { PHASE_OPTIONS } from '../../forum/phases';
import { timeZoneOptions } from '../../settings/notification-options';
import { addMinutes, audienceKindOf, canPlanSessions, SESSION_KINDS, viewerTimeZone, zonedToIso } from './session-labels';
import type { SessionDetail, SessionKind } from './types';



/** Setting up a session. Choosing the kind fills in its usual length until the end is set by hand. */
export function NewSessionPage({ me }: { me: Me }) {
  const audiences = useLoad(() => organisedScopeOptions(me), [me.id]);
  const [kind, setKind] = useState<SessionKind>('dialogue_framing');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [endTouched, setEndTouched] = useState(false);
  const form = useSubmit();
  const kindInfo = SESSION_KINDS.find((k) => k.value === kind)!;
  const fitting = (audiences.data ?? []).filter((a) => kindInfo.audiences.includes(audienceKindOf(a.value)));

  const chooseKind = (next: SessionKind) => {
    setKind(next);
    const minutes = SESSION_KINDS.find((k) => k.value === next)!.minutes;
    if (startsAt && !endTouched) setEndsAt(addMinutes(startsAt, minutes));
  };
  const chooseStart = (value: string) => {
    setStartsAt(value);
    if (value && !endTouched) setEndsAt(addMinutes(value, kindInfo.minutes));
  };

  const send = form.onSubmit((data) => {
    const title = String(data.get('title') ?? '').trim();
    const audience = String(data.get('audience') ?? '');
    const timeZone = String(data.get('timeZone') ?? '');
    const location = String(data.get('location') ?? '').trim();
    const joinUrl = String(data.get('joinUrl') ?? '').trim();
    const phase = String(data.get('phase') ?? '');
    const start = zonedToIso(startsAt, timeZone);
    const end = endsAt ? zonedToIso(endsAt, timeZone) : null;
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Give the session a title.';
    if (!audience) problems.audience = 'Choose who the session is for.';
    if (!start) problems.startsAt = 'Choose when it starts.';
    if (start && end && end <= start) problems.endsAt = 'The end comes after the start.';
    if (kind === 'site_visit' && !location) problems.location = 'A site visit needs its place.';
    if (form.invalid(problems, 'Please check the highlighted fields.')) return;
    return form.submit(async () => {
      const created = await api.post<SessionDetail>('/program/sessions', {
        kind,
        title,
        audience,
        timeZone,
        startsAt: start,
        ...(end ? { endsAt: end } : {}),
        ...(phase ? { phase: Number(phase) } : {}),
        ...(location ? { location } : {}),
        ...(joinUrl ? { joinUrl } : {}),
        description: String(data.get('description') ?? ''),
        agenda: String(data.get('agenda') ?? ''),
      });
      navigate(created.url);
    });
  });

  if (!canPlanSessions(me)) {
    return (
      <Page title="New session">
        <p>Sessions are set up by the program’s facilitators and school leads.</p>
      </Page>
    );
  }
  return (
    <Page title="New session">
      {audiences.loading ? (
        <Loading what="Loading who sessions can be for" />
      ) : (
        <form class="form" ref={form.formRef} onSubmit={send} noValidate>
          <SelectField
            label="Kind"
            name="kind"
            options={SESSION_KINDS.map((k) => ({ value: k.value, label: `${k.label} (${k.minutes} min)` }))}
            value={kind}
            onChange={(e) => chooseKind((e.currentTarget as HTMLSelectElement).value as SessionKind)}
            error={form.fields.kind}
          />
          <TextField label="Title" name="title" maxLength={200} required error={form.fields.title} />
          <SelectField
            key={kind}
            label="Who it is for"
            name="audience"
            options={fitting}
            empty="Choose…"
            error={form.fields.audience}
            hint={kind === 'chats_for_change' ? 'A dialogue room for the same people is opened with the session.' : undefined}
          />
          <SelectField label="Phase" name="phase" options={PHASE_OPTIONS} empty="No phase" optional />
          <SelectField
            label="Time zone"
            name="timeZone"
            options={timeZoneOptions(viewerTimeZone())}
            defaultValue={viewerTimeZone()}
            hint="The start and end are read in this zone."
            error={form.fields.timeZone}
          />
          <TextField
            label="Starts at"
            name="startsAt"
            type="datetime-local"
            value={startsAt}
            onInput={(e) => chooseStart((e.currentTarget as HTMLInputElement).value)}
            error={form.fields.startsAt}
          />
          <TextField
            label="Ends at"
            name="endsAt"
            type="datetime-local"
            value={endsAt}
            onInput={(e) => {
              setEndTouched(true);
              setEndsAt((e.currentTarget as HTMLInputElement).value);
            }}
            hint={`Filled in from the kind’s usual length (${kindInfo.minutes} minutes).`}
            error={form.fields.endsAt}
          />
          <TextField
            label="Place"
            name="location"
            maxLength={500}
            optional={kind !== 'site_visit'}
            error={form.fields.location}
          />
          <TextField
            label="Join link"
            name="joinUrl"
            type="url"
            maxLength={2000}
            optional
            hint="An https:// meeting link."
            error={form.fields.joinUrl}
          />
          <TextArea label="Description" name="description" rows={3} maxLength={5000} optional error={form.fields.description} />
          <TextArea
            label="Agenda"
            name="agenda"
            rows={6}
            maxLength={20000}
            optional
            hint="Markdown."
            error={form.fields.agenda}
          />
          <FormStatus error={form.error} />
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Create session
          </SubmitButton>
        </form>
      )}
    </Page>
  );
}
