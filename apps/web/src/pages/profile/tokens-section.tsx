import { useState } from 'preact/hooks';
import { CopyButton } from '../../components/copy-button';
import { TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api, itemsOf } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import type { ApiToken, Page } from '../../lib/types';
import { useLoad } from '../../lib/use-load';

/** Personal API tokens for scripts; the secret is shown once, straight after it is made. */
export function TokensSection() {
  const tokens = useLoad(() => api.get<Page<ApiToken>>('/me/tokens').then(itemsOf), []);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);

  async function create(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(formElement).get('name') ?? '').trim();
    if (!name) {
      setError('Give the token a name so you can recognise it later.');
      return;
    }
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const result = await api.post<{ id: string; name: string; token: string }>('/me/tokens', { name });
      setCreated({ name: result.name, token: result.token });
      formElement.reset();
      tokens.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke the token "${token.name}"? Scripts using it will stop working.`)) return;
    setError(null);
    try {
      await api.delete(`/me/tokens/${token.id}`);
      setMessage(`Token "${token.name}" revoked.`);
      tokens.setData((list) => list?.filter((t) => t.id !== token.id));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Personal API tokens</h2>
      <p class="hint">For scripts that use the ART Commons API on your behalf. Treat a token like a password.</p>
      {tokens.loading && <Loading what="Loading tokens" />}
      {tokens.data && tokens.data.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDate(t.lastUsedAt, true) : 'Never'}</td>
                  <td>
                    <button type="button" class="button button-small button-danger" onClick={() => revoke(t)} aria-label={`Revoke token ${t.name}`}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tokens.data && tokens.data.length === 0 && <p class="muted">You have no tokens.</p>}
      <form class="form inline-form" onSubmit={create} noValidate>
        <TextField label="Token name" name="name" maxLength={100} hint="For example: data export script." error={fields.name} />
        <div class="actions">
          <button type="submit" class="button button-secondary" disabled={busy}>
            Create token
          </button>
        </div>
      </form>
      <FormStatus
        error={error ?? tokens.error}
        success={
          created ? (
            <>
              <p>
                Token "{created.name}" created. Copy it now: it will not be shown again.
              </p>
              <p class="secret">
                <code>{created.token}</code> <CopyButton text={created.token} label="Copy token" />
              </p>
            </>
          ) : (
            message || null
          )
        }
      />
    </section>
  );
}
