import { ReportForm } from '../../components/report-form';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Author, Post } from '../../lib/forum-types';
import { useSubmit } from '../../lib/use-submit';

const enc = encodeURIComponent;

export { reportKindLabel as flagKindLabel } from '../../components/report-form';

const FOLLOW_UP = (
  <>
    You can follow its status under <a href="/forum/reports">Your reports</a>.
  </>
);

/** A private report to the space's facilitators about one post. */
export function FlagForm({ post, onClose }: { post: Post; onClose: () => void }) {
  return (
    <ReportForm
      idBase={`flag-${post.postNumber}`}
      legend={`Report post ${post.postNumber} to the facilitators`}
      path={`/posts/${enc(post.id)}/flags`}
      noteHint="Only the space's facilitators see this note."
      thanks={<>Thank you. Facilitators will review it. {FOLLOW_UP}</>}
      alreadyReported={<>You have already reported this post, and facilitators will review it. {FOLLOW_UP}</>}
      onClose={onClose}
      formClass="inline-form flag-form"
    />
  );
}

/** For the space's facilitators: learn who wrote an anonymous post. The server records the reason. */
export function RevealForm({ post, onRevealed }: { post: Post; onRevealed: (author: Author) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; it is kept with the record of the reveal.' }, 'A reason is needed to reveal an author.')) return;
    return form.submit(async () => {
      const result = await api.post<{ author: Author }>(`/posts/${enc(post.id)}/reveal`, { reason });
      onRevealed(result.author);
      return `Post ${post.postNumber} was written by ${result.author.displayName}.`;
    });
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField
        label={`Reason for revealing the author of post ${post.postNumber}`}
        name="reason"
        maxLength={500}
        hint="The reveal is recorded with your name and this reason. The author's name is shown to you only."
        error={form.fields.reason}
      />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Reveal author
        </SubmitButton>
      </div>
    </form>
  );
}
