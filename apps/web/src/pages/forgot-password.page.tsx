import { TextField } from '../components/field';
import { FormStatus } from '../components/form-status';
import { Page } from '../components/page';
import { SubmitButton } from '../components/submit-button';
import { api } from '../lib/api';
import { useSubmit } from '../lib/use-submit';

export function ForgotPasswordPage() {
  const form = useSubmit();
  const { fields } = form;

  async function send(data: FormData) {
    const email = String(data.get('email') ?? '').trim();
    if (form.invalid(email ? {} : { email: 'Enter your email address.' }, 'Please enter your email address.')) return;
    await form.submit(async () => {
      await api.post<{ ok: true }>('/auth/password-reset', { email });
      // The server answers the same for every address, so this says no more than it knows.
      return 'If an account exists for that address, we sent a link to set a new password. It works for one hour.';
    });
  }

  return (
    <Page
      title="Forgot your password?"
      intro={<p>Enter the email address you sign in with and we will send you a link to choose a new password.</p>}
    >
      <form class="card form narrow" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate>
        <FormStatus error={form.error} success={form.message} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          error={fields.email}
        />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Sending…">
            Send reset link
          </SubmitButton>
        </div>
        <p class="hint">
          Remembered it? <a href="/signin">Back to sign in</a>
        </p>
      </form>
    </Page>
  );
}
