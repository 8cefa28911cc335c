import { FormStatus } from '../../components/form-status';
import { TextField } from '../../components/field';
import { MIN_PASSWORD, NewPasswordFields } from '../../components/new-password-fields';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';

export function PasswordForm() {
  const form = useSubmit();
  const { fields } = form;

  async function send(data: FormData, formElement: HTMLFormElement) {
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirmPassword') ?? '');
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = 'Enter your current password.';
    if (newPassword.length < MIN_PASSWORD) problems.newPassword = `Use at least ${MIN_PASSWORD} characters.`;
    else if (newPassword !== confirm) problems.confirmPassword = 'The two new passwords do not match.';
    if (form.invalid(problems, 'Please correct the highlighted fields.')) return;
    await form.submit(async () => {
      await api.post<void>('/me/password', { currentPassword, newPassword });
      formElement.reset();
      return 'Your password has been changed. Other sessions have been signed out.';
    });
  }

  return (
    <form class="card form" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate aria-labelledby="password-form-title">
      <h2 id="password-form-title">Change password</h2>
      <p class="hint">Changing your password signs you out everywhere else.</p>
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
      <NewPasswordFields label="New password" name="newPassword" confirmLabel="Confirm new password" confirmName="confirmPassword" errors={fields} />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
