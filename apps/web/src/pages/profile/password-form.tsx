import { useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../../components/form-status';
import { api } from '../../lib/api';
import { MIN_PASSWORD } from '../accept-invitation.page';

export function PasswordForm() {
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = { ...fieldErrorsOf(error), ...local };

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    const confirm = String(form.get('confirmPassword') ?? '');
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = 'Enter your current password.';
    if (newPassword.length < MIN_PASSWORD) problems.newPassword = `Use at least ${MIN_PASSWORD} characters.`;
    else if (newPassword !== confirm) problems.confirmPassword = 'The two new passwords do not match.';
    setLocal(problems);
    setDone(false);
    if (Object.keys(problems).length) {
      setError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post<void>('/me/password', { currentPassword, newPassword });
      formElement.reset();
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} ref={formRef} noValidate aria-labelledby="password-form-title">
      <h2 id="password-form-title">Change password</h2>
      <p class="hint">Changing your password signs you out everywhere else.</p>
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters.`}
        error={fields.newPassword}
      />
      <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={fields.confirmPassword} />
      <FormStatus error={error} success={done && 'Your password has been changed. Other sessions have been signed out.'} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
