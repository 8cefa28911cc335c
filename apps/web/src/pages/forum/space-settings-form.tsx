import { Checkbox, SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Space } from '../../lib/forum-types';
import { useSubmit } from '../../lib/use-submit';
import { PHASE_OPTIONS } from './phases';

const WHO_MAY_START = [
  { value: 'everyone', label: 'Every member who can read the space' },
  { value: 'facilitators', label: 'Facilitators only' },
];

/** PATCH /spaces/:id with every setting at once: what the form shows is what the space then has. */
export function SpaceSettingsForm({ space, onSaved }: { space: Space; onSaved: (space: Space) => void }) {
  const form = useSubmit();

  const save = form.onSubmit((data) => {
    const name = String(data.get('name') ?? '').trim();
    const slowMode = Number(data.get('slowModeSeconds') ?? 0);
    const problems: Record<string, string> = {};
    if (!name) problems.name = 'Enter a name.';
    if (!Number.isInteger(slowMode) || slowMode < 0 || slowMode > 86_400)
      problems.slowModeSeconds = 'Enter a whole number of seconds from 0 to 86400.';
    if (form.invalid(problems, 'Please check the settings.')) return;
    const phase = String(data.get('phase') ?? '');
    return form.submit(async () => {
      const updated = await api.patch<Space>(`/spaces/${encodeURIComponent(space.id)}`, {
        name,
        description: String(data.get('description') ?? '').trim(),
        phase: phase ? Number(phase) : null,
        whoMayStart: data.get('whoMayStart') === 'facilitators' ? 'facilitators' : 'everyone',
        allowAnonymous: data.get('allowAnonymous') === 'on',
        slowModeSeconds: slowMode,
        firstPostsNeedApproval: data.get('firstPostsNeedApproval') === 'on',
      });
      onSaved(updated);
      return 'Settings saved.';
    });
  });

  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      <TextField label="Name" name="name" required maxLength={100} defaultValue={space.name} error={form.fields.name} />
      <TextArea
        label="Description"
        name="description"
        optional
        maxLength={2000}
        rows={3}
        defaultValue={space.description ?? ''}
        error={form.fields.description}
      />
      <SelectField
        label="Phase of the space"
        name="phase"
        empty="No phase"
        options={PHASE_OPTIONS}
        defaultValue={space.phase ? String(space.phase) : ''}
        error={form.fields.phase}
      />
      <SelectField
        label="Who may start topics"
        name="whoMayStart"
        options={WHO_MAY_START}
        defaultValue={space.settings.whoMayStart}
        error={form.fields.whoMayStart}
      />
      <Checkbox
        label="Allow anonymous posting"
        name="allowAnonymous"
        defaultChecked={space.settings.allowAnonymous}
        hint="Members may post under a pseudonym. Only this space's facilitators can reveal who wrote a post, with a recorded reason."
      />
      <TextField
        label="Slow mode (seconds between posts)"
        name="slowModeSeconds"
        type="number"
        inputMode="numeric"
        min={0}
        max={86400}
        defaultValue={String(space.settings.slowModeSeconds)}
        hint="Each person may post once in this many seconds here; 0 turns slow mode off. Facilitators are exempt."
        error={form.fields.slowModeSeconds}
      />
      <Checkbox
        label="First posts need approval"
        name="firstPostsNeedApproval"
        defaultChecked={space.settings.firstPostsNeedApproval}
        hint="A person's first post in this space waits in the review queue until a facilitator approves it."
      />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
