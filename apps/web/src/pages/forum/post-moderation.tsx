import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Post } from '../../lib/forum-types';
import { useSubmit } from '../../lib/use-submit';

const enc = encodeURIComponent;

/** A facilitator hides a post with a reason that the author and readers then see in its place. */
export function HideForm({ post, onDone }: { post: Post; onDone: (post: Post) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; the author and readers will see it.' }, 'A reason is needed to hide a post.')) return;
    return form.submit(async () => onDone(await api.post<Post>(`/posts/${enc(post.id)}/hide`, { reason })));
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField label={`Reason for hiding post ${post.postNumber}`} name="reason" maxLength={500} error={form.fields.reason} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Hide post
        </SubmitButton>
      </div>
      <FormStatus error={form.error} />
    </form>
  );
}
