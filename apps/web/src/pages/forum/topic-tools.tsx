import { useState } from 'preact/hooks';
import { Checkbox, SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Topic, TopicPin } from '../../lib/forum-types';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/use-submit';
import { stateLabel } from './forum-ui';

const enc = encodeURIComponent;

interface ToolProps {
  topic: Topic;
  onChanged: (topic: Topic) => void;
}

/** The facilitators' tools beside the posts: the topic's temperature, and pinning, archiving, unlisting. */
export function TopicTools({ topic, onChanged }: ToolProps) {
  return (
    <>
      <TemperatureControl topic={topic} onChanged={onChanged} />
      <TopicFlagsForm topic={topic} onChanged={onChanged} />
    </>
  );
}

function TemperatureControl({ topic, onChanged }: ToolProps) {
  const form = useSubmit();
  const [state, setState] = useState<string>(topic.state);
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    const seconds = Number.parseInt(String(data.get('slowModeSeconds') ?? ''), 10);
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = 'Give a reason; it is posted in the topic for everyone.';
    if (state === 'slow' && !(seconds >= 1 && seconds <= 86400)) problems.slowModeSeconds = 'Enter a number of seconds from 1 to 86400.';
    if (form.invalid(problems, 'Please check the temperature settings.')) return;
    return form.submit(async () => {
      const next = await api.post<Topic>(`/topics/${enc(topic.id)}/state`, { state, reason, ...(state === 'slow' ? { slowModeSeconds: seconds } : {}) });
      onChanged(next);
      return `The topic is now: ${stateLabel(next.state).toLowerCase()}.`;
    });
  });
  return (
    <section class="card" aria-labelledby="temperature-title">
      <h2 id="temperature-title">Temperature control</h2>
      <p class="muted">Only facilitators see this. Your reason is posted in the topic as a visible note.</p>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <SelectField
          label="State"
          name="state"
          value={state}
          onChange={(event) => setState((event.currentTarget as HTMLSelectElement).value)}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'slow', label: 'Slow mode' },
            { value: 'paused', label: 'Paused' },
            { value: 'closed', label: 'Closed' },
          ]}
        />
        <TextField label="Reason" name="reason" maxLength={500} error={form.fields.reason} />
        {state === 'slow' && (
          <TextField
            label="Seconds between posts"
            name="slowModeSeconds"
            type="number"
            inputMode="numeric"
            min={1}
            max={86400}
            defaultValue={String(topic.slowModeSeconds ?? 60)}
            error={form.fields.slowModeSeconds}
          />
        )}
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} secondary>
            Change state
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** What changed, in words, for the success message. */
function describe(topic: Topic): string {
  const pin = { none: 'not pinned', space: 'pinned in this space', global: 'pinned across the forum' }[topic.pinned];
  return [pin, topic.archived ? 'archived' : 'not archived', topic.unlisted ? 'unlisted' : 'listed'].join(', ');
}

/**
 * Pin, archive and unlist (PATCH /topics/:id). Only what changed is sent: a topic an admin pinned globally
 * can still be archived by a facilitator who may not pin globally. The server's refusal is shown as it says it.
 */
function TopicFlagsForm({ topic, onChanged }: ToolProps) {
  const form = useSubmit();
  const isAdmin = useSession().me?.platformRole === 'admin';
  const send = form.onSubmit((data) => {
    const wanted = {
      pinned: String(data.get('pinned') ?? topic.pinned) as TopicPin,
      archived: data.get('archived') === 'on',
      unlisted: data.get('unlisted') === 'on',
    };
    const patch = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => topic[key as keyof typeof wanted] !== value));
    if (!Object.keys(patch).length) {
      form.setError(null);
      form.setMessage('Nothing changed.');
      return;
    }
    return form.submit(async () => {
      const next = await api.patch<Topic>(`/topics/${enc(topic.id)}`, patch);
      onChanged(next);
      return `Saved: ${describe(next)}.`;
    });
  });
  return (
    <section class="card" aria-labelledby="topic-tools-title">
      <h2 id="topic-tools-title">Pin, archive, unlist</h2>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <SelectField
          label="Pinned"
          name="pinned"
          defaultValue={topic.pinned}
          options={[
            { value: 'none', label: 'Not pinned' },
            { value: 'space', label: 'Pinned in this space' },
            { value: 'global', label: isAdmin ? 'Pinned across the forum' : 'Pinned across the forum (consortium admins only)' },
          ]}
          error={form.fields.pinned}
        />
        <Checkbox label="Archived" name="archived" defaultChecked={topic.archived} hint="Kept for reading; no one but facilitators can reply." />
        <Checkbox label="Unlisted" name="unlisted" defaultChecked={topic.unlisted} hint="Left out of topic lists; people with the link can still read it." />
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} secondary>
            Save topic settings
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
