import { useRef, useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../../components/form-status';
import { api } from '../../lib/api';
import { parseList, SCHOOL_ROLES } from '../../lib/labels';
import { setMe } from '../../lib/session';
import type { Me } from '../../lib/types';

export function ProfileForm({ me }: { me: Me }) {
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = fieldErrorsOf(error);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const displayName = String(form.get('displayName') ?? '').trim();
    if (!displayName) {
      setError('Please enter the name you would like others to see.');
      return;
    }
    const body: Record<string, unknown> = {
      displayName,
      pronouns: String(form.get('pronouns') ?? '').trim(),
      bio: String(form.get('bio') ?? '').trim(),
      expertise: parseList(String(form.get('expertise') ?? '')),
    };
    // The API has no way to clear a school role; an empty choice leaves it as it is.
    const schoolRole = String(form.get('schoolRole') ?? '');
    if (schoolRole) body.schoolRole = schoolRole;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api.patch<Me>('/me', body);
      setMe(updated);
      // Show the list as stored (trimmed, de-duplicated), not as typed.
      const expertise = formRef.current?.elements.namedItem('expertise');
      if (expertise instanceof HTMLInputElement) expertise.value = updated.expertise.join(', ');
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} ref={formRef} noValidate aria-labelledby="profile-form-title">
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
      <FormStatus error={error} success={saved && 'Your profile has been saved.'} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}
