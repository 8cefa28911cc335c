import { useState } from 'preact/hooks';
import { CopyButton } from '../../components/copy-button';
import { DataTable } from '../../components/data-table';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api, itemsOf } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import type { ApiToken, Page } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

/** Personal API tokens for scripts; the secret is shown once, straight after it is made. */
export function TokensSection() {
  const tokens = useLoad(() => api.get<Page<ApiToken>>('/me/tokens').then(itemsOf), []);
  // Kept apart from the status message so revoking another token does not hide a secret not yet copied.
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useSubmit();

  async function create(data: FormData, formElement: HTMLFormElement) {
    const name = String(data.get('name') ?? '').trim();
    if (!name) {
      form.setError('Give the token a name so you can recognise it later.');
      return;
    }
    await form.submit(async () => {
      const result = await api.post<{ id: string; name: string; token: string }>('/me/tokens', { name });
      setCreated({ name: result.name, token: result.token });
      formElement.reset();
      tokens.reload();
    });
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke the token "${token.name}"? Scripts using it will stop working.`)) return;
    await form.run(async () => {
      await api.delete(`/me/tokens/${token.id}`);
      tokens.setData((list) => list?.filter((t) => t.id !== token.id));
      return `Token "${token.name}" revoked.`;
    });
  }

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Personal API tokens</h2>
      <p class="hint">For scripts that use the ART Commons API on your behalf. Treat a token like a password.</p>
      {tokens.loading && <Loading what="Loading tokens" />}
      {tokens.data && tokens.data.length > 0 && (
        <DataTable caption="Your API tokens" columns={['Name', 'Created', 'Last used']} actions>
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
        </DataTable>
      )}
      {tokens.data && tokens.data.length === 0 && <p class="muted">You have no tokens.</p>}
      <form class="form inline-form" onSubmit={form.onSubmit(create)} noValidate>
        <TextField label="Token name" name="name" maxLength={100} hint="For example: data export script." error={form.fields.name} />
        <div class="actions">
          <SubmitButton busy={form.busy} secondary>Create token</SubmitButton>
        </div>
      </form>
      <FormStatus
        error={form.error ?? tokens.error}
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
            form.message
          )
        }
      />
    </section>
  );
}
