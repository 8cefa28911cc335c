import { FormStatus } from '../components/form-status';
import { TextField } from '../components/field';
import { Page } from '../components/page';
import { SubmitButton } from '../components/submit-button';
import { api } from '../lib/api';
import { navigate } from '../lib/router';
import { safeNext } from '../lib/safe-next';
import { setMe } from '../lib/session';
import type { Me } from '../lib/types';
import { useSubmit } from '../lib/use-submit';

export function SignInPage({ search }: { search: string }) {
  const form = useSubmit();
  const { fields } = form;
  const passwordWasReset = new URLSearchParams(search).get('reset') === 'done';

  async function send(data: FormData) {
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const problems: Record<string, string> = {};
    if (!email) problems.email = 'Enter your email address.';
    if (!password) problems.password = 'Enter your password.';
    if (form.invalid(problems, 'Please fill in your email and password.')) return;
    await form.submit(async () => {
      const me = await api.post<Me>('/auth/login', { email, password });
      setMe(me);
      navigate(safeNext(search), { replace: true });
    });
  }

  return (
    <Page title="Sign in" intro={<p>Welcome back to ART Commons, the consortium's shared space for anti-racism work in medical education.</p>}>
      {passwordWasReset && (
        <p class="notice notice-success narrow">Your password has been changed and you were signed out everywhere. Sign in with your new password.</p>
      )}
      <form class="card form narrow" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate>
        <FormStatus error={form.error} />
        <TextField label="Email" name="email" type="email" autoComplete="username" required error={fields.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Signing in…">Sign in</SubmitButton>
        </div>
        <p class="hint">
          <a href="/password/forgot">Forgot your password?</a>
        </p>
        <p class="hint">New here? Membership is by invitation: use the link in your invitation email.</p>
      </form>
    </Page>
  );
}
