import { useState } from 'preact/hooks';
import { TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Author, FlagKind, Post } from '../../lib/forum-types';
import { useSubmit } from '../../lib/use-submit';

const enc = encodeURIComponent;

export const FLAG_KINDS: { kind: FlagKind; label: string }[] = [
  { kind: 'spam', label: 'Spam' },
  { kind: 'off_topic', label: 'Off-topic' },
  { kind: 'harm', label: 'Causing harm' },
];

export const flagKindLabel = (kind: string) => FLAG_KINDS.find((k) => k.kind === kind)?.label ?? kind;

const FOLLOW_UP = (
  <>
    You can follow its status under <a href="/forum/reports">Your reports</a>.
  </>
);

/** A private report to the space's facilitators about one post. */
export function FlagForm({ post, onClose }: { post: Post; onClose: () => void }) {
  const form = useSubmit();
  const [sent, setSent] = useState(false);
  const legendId = `flag-legend-${post.postNumber}`;
  const errorId = `flag-kind-error-${post.postNumber}`;
  const send = form.onSubmit((data) => {
    const kind = String(data.get('kind') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (form.invalid(kind ? {} : { kind: 'Choose what best describes the problem.' }, 'Please choose a reason for the report.')) return;
    return form.submit(async () => {
      try {
        await api.post(`/posts/${enc(post.id)}/flags`, { kind, ...(note ? { note } : {}) });
        setSent(true);
        return <>Thank you. Facilitators will review it. {FOLLOW_UP}</>;
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'ALREADY_FLAGGED') {
          setSent(true);
          return <>You have already reported this post, and facilitators will review it. {FOLLOW_UP}</>;
        }
        throw failure;
      }
    });
  });
  const kindError = form.fields.kind;
  return (
    <form class="inline-form flag-form" ref={form.formRef} onSubmit={send} noValidate aria-labelledby={legendId}>
      {!sent && (
        <>
          <fieldset class={`field${kindError ? ' has-error' : ''}`} aria-describedby={kindError ? errorId : undefined}>
            <legend id={legendId}>Report post {post.postNumber} to the facilitators</legend>
            {FLAG_KINDS.map((k, i) => (
              <div class="field-check" key={k.kind}>
                <input
                  type="radio"
                  id={`flag-${post.postNumber}-${k.kind}`}
                  name="kind"
                  value={k.kind}
                  aria-invalid={kindError && i === 0 ? 'true' : undefined}
                />
                <label for={`flag-${post.postNumber}-${k.kind}`}>{k.label}</label>
              </div>
            ))}
            {kindError && (
              <p id={errorId} class="field-error">
                {kindError}
              </p>
            )}
          </fieldset>
          <TextArea label="Private note" name="note" rows={3} maxLength={1000} optional hint="Only the space's facilitators see this note." error={form.fields.note} />
        </>
      )}
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        {!sent && (
          <SubmitButton busy={form.busy} busyLabel="Sending…" secondary>
            Send report
          </SubmitButton>
        )}
        <button type="button" class="button button-small button-secondary" onClick={onClose}>
          {sent ? 'Close' : 'Cancel'}
        </button>
      </div>
    </form>
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
