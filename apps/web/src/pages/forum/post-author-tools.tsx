import { useEffect, useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Post, PostRevisions } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import { MarkdownComposer } from './markdown-composer';
import { TextDiffView } from '../../components/text-diff';

const enc = encodeURIComponent;

interface EditPostFormProps {
  post: Post;
  onSaved: (post: Post) => void;
  onCancel: () => void;
}

/**
 * The author's edit, in the same composer as a reply. The post view carries only HTML; the Markdown source
 * comes from the revisions endpoint, which only the author and the space's moderators may read.
 */
export function EditPostForm({ post, onSaved, onCancel }: EditPostFormProps) {
  const source = useLoad(() => api.get<PostRevisions>(`/posts/${enc(post.id)}/revisions`), [post.id]);
  const [text, setText] = useState<string | null>(null);
  const form = useSubmit();
  const body = text ?? source.data?.current ?? '';
  const composerId = `edit-body-${post.postNumber}`;

  useEffect(() => {
    if (source.data) document.getElementById(composerId)?.focus();
  }, [source.data]);

  const send = form.onSubmit(() => {
    if (form.invalid(body.trim() ? {} : { body: 'The post cannot be empty; delete it instead.' }, 'Your post is empty.')) return;
    return form.submit(async () => onSaved(await api.patch<Post>(`/posts/${enc(post.id)}`, { body })));
  });

  if (!source.data) return source.loading ? <Loading what="Loading your text" /> : <FormStatus error={source.error} />;
  return (
    <form class="form post-edit" ref={form.formRef} onSubmit={send} noValidate>
      <MarkdownComposer
        label={`Edit post ${post.postNumber}`}
        name="body"
        rows={6}
        id={composerId}
        value={body}
        onInput={setText}
        error={form.fields.body}
        previewPath={`/topics/${enc(post.topicId)}/preview`}
      />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save changes
        </SubmitButton>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The confirm step before an author deletes their post: its text goes, its place in the thread stays. */
export function DeleteConfirm({ post, onDeleted, onCancel }: { post: Post; onDeleted: (post: Post) => void; onCancel: () => void }) {
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);

  async function remove() {
    setBusy(true);
    await action.run(async () => {
      await api.delete(`/posts/${enc(post.id)}`);
      onDeleted(await api.get<Post>(`/posts/${enc(post.id)}`));
    });
    setBusy(false);
  }

  return (
    <div class="notice notice-info confirm" role="group" aria-label={`Delete post ${post.postNumber}?`}>
      <p>Delete post {post.postNumber}? Its text is removed for everyone; a note that you deleted it stays in its place.</p>
      <div class="actions">
        <button type="button" class="button button-danger" ref={confirm} disabled={busy} onClick={remove}>
          Yes, delete post {post.postNumber}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Keep it
        </button>
      </div>
      <FormStatus error={action.error} />
    </div>
  );
}

/** Earlier texts of an edited post, for its author and the space's moderators; reloaded after each edit. */
export function RevisionHistory({ post, id }: { post: Post; id: string }) {
  const revisions = useLoad(() => api.get<PostRevisions>(`/posts/${enc(post.id)}/revisions`), [post.id, post.editedAt]);
  return (
    <section id={id} class="revisions" aria-label={`Revisions of post ${post.postNumber}`} aria-busy={revisions.loading ? 'true' : 'false'}>
      {revisions.loading && <Loading what="Loading the revisions" />}
      <FormStatus error={revisions.error} />
      {revisions.data && (
        <ol class="revision-list">
          {revisions.data.items.map((r) => (
            <li key={r.revision}>
              <h4>
                Version {r.revision}, replaced by {r.editedBy.displayName} on <time dateTime={r.createdAt}>{formatDate(r.createdAt, true)}</time>
              </h4>
              <TextDiffView diff={r.diff} label={`What the edit of version ${r.revision} changed`} />
              <details>
                <summary>Whole text of version {r.revision}</summary>
                {/* Shown as plain text: an earlier version is the author's Markdown, never rendered HTML. */}
                <pre class="revision-source">{r.source}</pre>
              </details>
            </li>
          ))}
          <li>
            <h4>Current version</h4>
            <pre class="revision-source">{revisions.data.current}</pre>
          </li>
        </ol>
      )}
    </section>
  );
}
