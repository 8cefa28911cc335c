import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { parseList, SCHOOL_ROLES } from '../../lib/labels';
import { setMe } from '../../lib/session';
import type { Me } from '../../lib/types';
import { useSubmit } from '../../lib/use-submit';

export function ProfileForm({ me }: { me: Me }) {
  const form = useSubmit();
  const { fields } = form;

  async function send(data: FormData) {
    const displayName = String(data.get('displayName') ?? '').trim();
    if (!displayName) {
      form.setError('Please enter the name you would like others to see.');
      return;
    }
    const body: Record<string, unknown> = {
      displayName,
      pronouns: String(data.get('pronouns') ?? '').trim(),
      bio: String(data.get('bio') ?? '').trim(),
      expertise: parseList(String(data.get('expertise') ?? '')),
    };
    // The API has no way to clear a school role; an empty choice leaves it as it is.
    const schoolRole = String(data.get('schoolRole') ?? '');
    if (schoolRole) body.schoolRole = schoolRole;
    await form.submit(async () => {
      const updated = await api.patch<Me>('/me', body);
      setMe(updated);
      // Show the list as stored (trimmed, de-duplicated), not as typed.
      const expertise = form.formRef.current?.elements.namedItem('expertise');
      if (expertise instanceof HTMLInputElement) expertise.value = updated.expertise.join(', ');
      return 'Your profile has been saved.';
    });
  }

  return (
    <form class="card form" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">Profile details</h2>
      <TextField label="Display name" name="displayName" autoComplete="name" required maxLength={100} defaultValue={me.displayName} error={fields.displayName} />
      <TextField label="Pronouns" name="pronouns" optional maxLength={40} defaultValue={me.pronouns ?? ''} error={fields.pronouns} />
      <SelectField
        label="School role"
        name="schoolRole"
        optional
        empty={me.schoolRole ? undefined : 'Not set'}
        options={SCHOOL_ROLES}
        defaultValue={me.schoolRole ?? ''}
        error={fields.schoolRole}
      />
      <TextArea label="Short bio" name="bio" optional maxLength={1000} defaultValue={me.bio ?? ''} error={fields.bio} />
      <TextField
        label="Areas of expertise"
        name="expertise"
        optional
        hint="Separate areas with commas."
        defaultValue={me.expertise.join(', ')}
        error={fields.expertise}
      />
      <p class="hint">Email: {me.email}. Ask an administrator if it needs to change.</p>
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}
