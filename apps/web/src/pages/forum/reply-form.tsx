import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Post, Space } from '../../lib/forum-types';
import { useSubmit } from '../../lib/use-submit';
import { AnonymousCheckbox } from './forum-ui';
import { MarkdownComposer } from './markdown-composer';
import type { useReplyDraft } from './use-reply-draft';

export const REPLY_ID = 'reply-body';
const enc = encodeURIComponent;

interface ReplyFormProps {
  topicId: string;
  space: Space;
  draft: ReturnType<typeof useReplyDraft>;
  onPosted: (post: Post) => void;
  onAgreementNeeded: () => void;
}

/** The reply composer at the foot of a topic; what is typed is kept as a server-side draft until it is posted. */
export function ReplyForm({ topicId, space, draft, onPosted, onAgreementNeeded }: ReplyFormProps) {
  const form = useSubmit();
  const [anonymous, setAnonymous] = useState(false);
  const send = form.onSubmit(() => {
    const body = draft.text;
    if (form.invalid(body.trim() ? {} : { body: 'Write your reply first.' }, 'Your reply is empty.')) return;
    return form.submit(async () => {
      try {
        await draft.settle();
        const post = await api.post<Post>(`/topics/${enc(topicId)}/posts`, { body, ...(anonymous ? { anonymous: true } : {}) });
        onPosted(post);
        draft.posted();
        return post.status === 'pending' ? 'Your reply was sent and is waiting for a facilitator to approve it.' : 'Your reply was posted.';
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'AGREEMENT_NOT_ACCEPTED') onAgreementNeeded();
        throw failure;
      }
    });
  });
  return (
    <section class="card" aria-labelledby="reply-title">
      <h2 id="reply-title">Add a reply</h2>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <MarkdownComposer
          label="Reply"
          name="body"
          rows={6}
          value={draft.text}
          onInput={draft.change}
          id={REPLY_ID}
          error={form.fields.body}
          previewPath={`/topics/${enc(topicId)}/preview`}
        />
        <p role="status" aria-live="polite" class="muted draft-status">
          {draft.status}
        </p>
        {space.settings.allowAnonymous && <AnonymousCheckbox checked={anonymous} onChange={setAnonymous} />}
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Posting…">
            Post reply
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
