import { useState } from 'preact/hooks';
import { FormStatus } from '../components/form-status';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { api, ApiError } from '../lib/api';
import type { UnsubscribeDescription } from '../lib/notification-types';
import { useLoad } from '../lib/use-load';
import { useAction } from '../lib/use-submit';

const PATH = '/notifications/unsubscribe';

/** Token problems in words that say what to do next; anything else gets the usual error text. */
const TOKEN_PROBLEMS: Record<string, { title: string; text: string }> = {
  INVALID_TOKEN: {
    title: 'This unsubscribe link does not work',
    text: 'The link may have been cut short when it was copied. Open it again from the email, or sign in and change your notification settings.',
  },
  TOKEN_EXPIRED: {
    title: 'This unsubscribe link has expired',
    text: 'Links in emails only work for a while. Use the link in a more recent email, or sign in and change your notification settings.',
  },
  TOKEN_NOT_YOURS: {
    title: 'This link is for someone else',
    text: 'You are signed in as a different person from the one this email was sent to. Sign out and open the link again, or change your own settings below.',
  },
};

function tokenProblem(error: unknown) {
  return error instanceof ApiError ? TOKEN_PROBLEMS[error.code] : undefined;
}

/** The landing page of an email's unsubscribe link: works without signing in, and changes nothing until confirmed. */
export function UnsubscribePage({ search }: { search: string }) {
  const token = new URLSearchParams(search).get('token') ?? '';
  const described = useLoad(
    () =>
      token ? api.get<UnsubscribeDescription>(PATH, { token }) : Promise.reject(new ApiError(400, 'INVALID_TOKEN', 'No token.')),
    [token],
  );
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const problem = tokenProblem(described.error) ?? tokenProblem(action.error);

  async function confirm() {
    setBusy(true);
    await action.run(async () => {
      const result = await api.post<{ label: string }>(PATH, { token });
      setDone(result.label);
    });
    setBusy(false);
  }

  if (problem) {
    return (
      <Page title={problem.title}>
        <p>{problem.text}</p>
        <p>
          <a href="/settings/notifications">Notification settings</a>
        </p>
      </Page>
    );
  }
  if (done !== null) {
    return (
      <Page title="You are unsubscribed">
        <div role="status" class="notice notice-success">
          <p>We will no longer email you about {done}.</p>
        </div>
        <p>
          You can turn these emails back on, or choose others, in your <a href="/settings/notifications">notification settings</a>
          .
        </p>
      </Page>
    );
  }
  return (
    <Page title="Unsubscribe">
      {described.loading && <Loading what="Checking the link" />}
      <FormStatus error={described.error ?? action.error} />
      {described.data && (
        <div class="card narrow">
          <p class="lead-text">
            Stop emails about {described.data.label} to {described.data.email}?
          </p>
          <p class="hint">
            {described.data.topic === 'digest'
              ? 'You can turn the digest back on at any time in your notification settings.'
              : 'You will still see these notifications in ART Commons when you sign in.'}
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={confirm} disabled={busy}>
              {busy ? 'Unsubscribing…' : 'Yes, stop these emails'}
            </button>
          </div>
        </div>
      )}
    </Page>
  );
}
