import { FormStatus } from '../components/form-status';
import { MIN_PASSWORD, NewPasswordFields } from '../components/new-password-fields';
import { Page } from '../components/page';
import { SubmitButton } from '../components/submit-button';
import { api, ApiError } from '../lib/api';
import { navigate } from '../lib/router';
import { setMe } from '../lib/session';
import { useSubmit } from '../lib/use-submit';

/** A link that cannot be used is explained in terms of what to do next, not shown as a form error. */
function UnusableLink({ expired }: { expired: boolean }) {
  return (
    <Page title={expired ? 'This reset link has expired' : 'This reset link cannot be used'}>
      <p>
        {expired
          ? 'Reset links work for one hour.'
          : 'The link may have been copied incompletely, already used, or replaced by a newer one.'}
      </p>
      <p>
        <a href="/password/forgot">Ask for a new link</a>
      </p>
    </Page>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const form = useSubmit();
  const { fields } = form;
  const code = form.error instanceof ApiError ? form.error.code : '';
  if (code === 'RESET_TOKEN_INVALID' || code === 'RESET_TOKEN_EXPIRED') {
    return <UnusableLink expired={code === 'RESET_TOKEN_EXPIRED'} />;
  }

  async function send(data: FormData) {
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD) problems.password = `Use at least ${MIN_PASSWORD} characters.`;
    else if (password !== confirm) problems.confirm = 'The two passwords do not match.';
    if (form.invalid(problems, 'Please correct the highlighted fields.')) return;
    await form.submit(async () => {
      await api.post<void>('/auth/password-reset/confirm', { token, password });
      // Every session of the person ended with the change, this browser's included.
      setMe(null);
      navigate('/signin?reset=done', { replace: true });
    });
  }

  return (
    <Page
      title="Choose a new password"
      intro={<p>Setting a new password signs you out everywhere, including any scripts using API tokens.</p>}
    >
      <form class="card form narrow" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate>
        <FormStatus error={form.error} />
        <NewPasswordFields
          label="New password"
          name="password"
          confirmLabel="Confirm new password"
          confirmName="confirm"
          advice="A short phrase is easy to remember and hard to guess."
          errors={fields}
        />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Saving…">
            Set new password
          </SubmitButton>
        </div>
      </form>
    </Page>
  );
}
