import { TextArea } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Agreement } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

/**
 * The space's community agreements as they stand, and publishing the next version. Versions are never edited
 * in place: every member, the facilitator included, accepts the new text before posting again.
 */
export function AgreementEditor({ spaceId, onPublished }: { spaceId: string; onPublished: (version: number) => void }) {
  const path = `/spaces/${encodeURIComponent(spaceId)}/agreement`;
  const current = useLoad(() => api.get<Agreement>(path), [path]);
  const form = useSubmit();
  const none = current.error instanceof ApiError && current.error.status === 404;
  const nextVersion = (current.data?.version ?? 0) + 1;

  const publish = form.onSubmit((data) => {
    const body = String(data.get('body') ?? '').trim();
    if (form.invalid(body ? {} : { body: 'Write the agreements members will accept.' }, 'Please write the agreements first.'))
      return;
    return form.submit(async () => {
      const published = await api.post<Agreement>(path, { body });
      current.setData(() => published);
      onPublished(published.version);
      return `Version ${published.version} is published. Members accept it before they next post.`;
    });
  });

  if (current.loading) return <Loading what="Loading the agreements" />;

  return (
    <>
      {current.data ? (
        <>
          <p>
            Current version: <strong>{current.data.version}</strong>
            {current.data.publishedAt && `, published ${formatDate(current.data.publishedAt)}`}
          </p>
          <div class="agreement-text prewrap">{current.data.body}</div>
        </>
      ) : none ? (
        <p class="muted">This space has no community agreements yet. Once published, members accept them before posting.</p>
      ) : (
        <FormStatus error={current.error} />
      )}
      <form class="form" ref={form.formRef} onSubmit={publish} noValidate>
        <TextArea
          key={current.data?.version ?? 0}
          label={`Version ${nextVersion}`}
          name="body"
          rows={8}
          maxLength={20_000}
          required
          defaultValue={current.data?.body ?? ''}
          hint="Publishing asks every member, you included, to read and accept this version before they next post."
          error={form.fields.body}
        />
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Publishing…">
            Publish version {nextVersion}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
