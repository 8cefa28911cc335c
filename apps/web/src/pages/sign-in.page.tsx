import { useRef, useState } from 'preact/hooks';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../components/form-status';
import { TextField } from '../components/field';
import { Page } from '../components/page';
import { api } from '../lib/api';
import { navigate } from '../lib/router';
import { safeNext } from '../lib/safe-next';
import { setMe } from '../lib/session';
import type { Me } from '../lib/types';

export function SignInPage({ search }: { search: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = { ...fieldErrorsOf(error), ...local };

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const problems: Record<string, string> = {};
    if (!email) problems.email = 'Enter your email address.';
    if (!password) problems.password = 'Enter your password.';
    setLocal(problems);
    if (Object.keys(problems).length) {
      setError('Please fill in your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/auth/login', { email, password });
      setMe(me);
      navigate(safeNext(search), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Page title="Sign in" intro={<p>Welcome back to ART Commons, the consortium's shared space for anti-racism work in medical education.</p>}>
      <form class="card form narrow" onSubmit={submit} ref={formRef} noValidate>
        <FormStatus error={error} />
        <TextField label="Email" name="email" type="email" autoComplete="username" required error={fields.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fields.password} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        <p class="hint">New here? Membership is by invitation: use the link in your invitation email.</p>
      </form>
    </Page>
  );
}
