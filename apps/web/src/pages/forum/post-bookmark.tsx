import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Bookmark, Post } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useSubmit } from '../../lib/use-submit';

const enc = encodeURIComponent;

/** What a datetime-local input expects: local time, to the minute. */
function localInputValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

interface BookmarkButtonProps {
  post: Post;
  onChange: (post: Post) => void;
  /** The post's one-off action runner, so the outcome is announced in the post's status line. */
  run: (action: () => Promise<string>) => Promise<void>;
}

/** A toggle: pressed while the reader has bookmarked the post. Only the reader ever knows. */
export function BookmarkButton({ post, onChange, run }: BookmarkButtonProps) {
  const pressed = !!post.bookmarked;
  const toggle = () =>
    run(async () => {
      if (pressed) {
        await api.delete(`/posts/${enc(post.id)}/bookmark`);
        onChange({ ...post, bookmarked: false, bookmarkReminderAt: null });
        return `Bookmark on post ${post.postNumber} removed.`;
      }
      const bookmark = await api.put<Bookmark>(`/posts/${enc(post.id)}/bookmark`, {});
      onChange({ ...post, bookmarked: true, bookmarkReminderAt: bookmark.reminderAt });
      return `Post ${post.postNumber} bookmarked. Find it under your bookmarks.`;
    });
  return (
    <button type="button" class="button button-small button-secondary bookmark-toggle" aria-pressed={pressed ? 'true' : 'false'} onClick={toggle}>
      <span aria-hidden="true">{pressed ? '★' : '☆'}</span> Bookmark<span class="visually-hidden"> post {post.postNumber}</span>
    </button>
  );
}

/** Bookmarks the post with a reminder time, which must be in the future. */
export function ReminderForm({ post, onSaved }: { post: Post; onSaved: (post: Post) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const value = String(data.get('reminderAt') ?? '');
    // A datetime-local value has no offset, so Date reads it as the reader's local time.
    const at = value ? new Date(value) : null;
    const problem = !at || Number.isNaN(at.getTime()) ? 'Choose a date and time.' : at.getTime() <= Date.now() ? 'Choose a time in the future.' : '';
    if (form.invalid(problem ? { reminderAt: problem } : {}, 'Please check the reminder time.')) return;
    return form.submit(async () => {
      const bookmark = await api.put<Bookmark>(`/posts/${enc(post.id)}/bookmark`, { reminderAt: at!.toISOString() });
      onSaved({ ...post, bookmarked: true, bookmarkReminderAt: bookmark.reminderAt });
      return `Post ${post.postNumber} bookmarked, with a reminder for ${formatDate(bookmark.reminderAt, true)}.`;
    });
  });
  const current = post.bookmarkReminderAt ? new Date(post.bookmarkReminderAt) : null;
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      {current && <p class="reminder-current">Reminder set for {formatDate(post.bookmarkReminderAt!, true)}.</p>}
      <TextField
        label={`Remind me about post ${post.postNumber}`}
        name="reminderAt"
        type="datetime-local"
        min={localInputValue(new Date())}
        defaultValue={current && current.getTime() > Date.now() ? localInputValue(current) : undefined}
        hint="Saving bookmarks the post with this reminder."
        error={form.fields.reminderAt}
      />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Save reminder
        </SubmitButton>
      </div>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}
