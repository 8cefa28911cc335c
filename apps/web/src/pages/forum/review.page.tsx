import { useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { ReviewFlag, ReviewPost, ReviewQueue } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import { flagKindLabel } from './post-flags';

const enc = encodeURIComponent;

interface Resolved {
  id: string;
  action: string;
  status: string;
  resolvedFlagIds: string[];
}

function excerpt(html: string | null): string {
  if (!html) return '';
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Flagged posts and posts awaiting approval, for the people who review them. */
export function ReviewPage() {
  const queue = useLoad(() => api.get<ReviewQueue>('/review-queue'), []);
  const action = useAction();
  const listsTitle = useRef<HTMLHeadingElement>(null);

  /** Drops what the server resolved and says so in the live region; focus goes back to the list. */
  function done(message: string, update: (q: ReviewQueue) => ReviewQueue) {
    queue.setData((q) => q && update(q));
    action.setMessage(message);
    listsTitle.current?.focus({ preventScroll: true });
  }

  async function resolve(post: ReviewPost, flag: ReviewFlag, kind: 'dismiss' | 'hide' | 'restore', reason?: string) {
    await action.run(async () => {
      const result = await api.post<Resolved>(`/review-queue/flags/${enc(flag.id)}/resolve`, { action: kind, ...(reason ? { reason } : {}) });
      const gone = new Set(result.resolvedFlagIds ?? [flag.id]);
      const words =
        kind === 'dismiss'
          ? `The report on post ${post.postNumber} in “${post.topicTitle}” was dismissed.`
          : kind === 'hide'
            ? `Post ${post.postNumber} in “${post.topicTitle}” is now hidden; its reports are marked as action taken.`
            : `Post ${post.postNumber} in “${post.topicTitle}” is visible again; its reports are marked as action taken.`;
      done(words, (q) => ({
        ...q,
        flagged: q.flagged
          .map((entry) => (entry.post.id === post.id ? { ...entry, flags: entry.flags.filter((f) => !gone.has(f.id)) } : entry))
          .filter((entry) => entry.flags.length > 0),
      }));
    });
  }

  async function approve(post: ReviewPost) {
    await action.run(async () => {
      await api.post(`/posts/${enc(post.id)}/restore`);
      done(`Post ${post.postNumber} in “${post.topicTitle}” was approved and is now visible.`, (q) => ({
        ...q,
        pending: q.pending.filter((p) => p.id !== post.id),
      }));
    });
  }

  const forbidden = queue.error instanceof ApiError && queue.error.status === 403;
  const q = queue.data;

  return (
    <Page title="Review queue" intro={<p>Reports from members and first posts waiting for approval, in the spaces you look after.</p>}>
      <p>
        <a href="/forum">Back to the forum</a>
      </p>
      {queue.loading && <Loading what="Loading the review queue" />}
      {forbidden ? <p>There is nothing for you to review. Reports go to the facilitators of each space.</p> : <FormStatus error={queue.error} />}
      <FormStatus error={action.error} success={action.message} />
      {q && (
        <>
          <section class="section" aria-labelledby="flagged-title">
            <h2 id="flagged-title" ref={listsTitle} tabIndex={-1}>
              Reported posts ({q.flagged.length})
            </h2>
            {q.flagged.length === 0 && <p class="muted">No open reports. Thank you for looking in.</p>}
            <ul class="review-list">
              {q.flagged.map((entry) => (
                <li key={entry.post.id}>
                  <FlaggedPost post={entry.post} flags={entry.flags} onResolve={resolve} />
                </li>
              ))}
            </ul>
          </section>
          <section class="section" aria-labelledby="pending-title">
            <h2 id="pending-title">Waiting for approval ({q.pending.length})</h2>
            {q.pending.length === 0 && <p class="muted">No posts are waiting for approval.</p>}
            <ul class="review-list">
              {q.pending.map((post) => (
                <li key={post.id}>
                  <article class="card" aria-labelledby={`pending-${post.id}`}>
                    <PostSummary post={post} headingId={`pending-${post.id}`} />
                    <div class="actions">
                      <button type="button" class="button button-small" onClick={() => approve(post)}>
                        Approve<span class="visually-hidden"> post {post.postNumber} in {post.topicTitle}</span>
                      </button>
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}

function PostSummary({ post, headingId }: { post: ReviewPost; headingId: string }) {
  const text = excerpt(post.html);
  return (
    <>
      <h3 id={headingId}>
        <a href={`/forum/t/${post.topicId}`}>{post.topicTitle}</a>, post {post.postNumber}
      </h3>
      <p class="muted">
        By {post.author.displayName} on {formatDate(post.createdAt, true)}
        {post.status === 'hidden' ? ' · hidden' : post.status === 'pending' ? ' · waiting for approval' : ''}
      </p>
      {text ? <blockquote class="review-excerpt">{text}</blockquote> : <p class="muted">The text of this post is not shown.</p>}
    </>
  );
}

interface FlaggedProps {
  post: ReviewPost;
  flags: ReviewFlag[];
  onResolve: (post: ReviewPost, flag: ReviewFlag, kind: 'dismiss' | 'hide' | 'restore', reason?: string) => Promise<void>;
}

function FlaggedPost({ post, flags, onResolve }: FlaggedProps) {
  const [hiding, setHiding] = useState(false);
  const headingId = `flagged-${post.id}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <PostSummary post={post} headingId={headingId} />
      <h4>{flags.length === 1 ? '1 report' : `${flags.length} reports`}</h4>
      <ul class="flag-list">
        {flags.map((flag) => (
          <li key={flag.id} class="flag-item">
            <p>
              <strong>{flagKindLabel(flag.kind)}</strong>, reported by {flag.reporter.displayName} on {formatDate(flag.createdAt, true)}
            </p>
            {flag.note ? <p class="prewrap">Note: {flag.note}</p> : <p class="muted">No note.</p>}
            <button type="button" class="button button-small button-secondary" onClick={() => onResolve(post, flag, 'dismiss')}>
              Dismiss<span class="visually-hidden"> the report by {flag.reporter.displayName}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        {post.status === 'hidden' ? (
          <button type="button" class="button button-small button-secondary" onClick={() => onResolve(post, flags[0], 'restore')}>
            Restore<span class="visually-hidden"> post {post.postNumber}</span>
          </button>
        ) : (
          <button type="button" class="button button-small button-secondary" aria-expanded={hiding ? 'true' : 'false'} onClick={() => setHiding(!hiding)}>
            Hide<span class="visually-hidden"> post {post.postNumber}</span>
          </button>
        )}
      </div>
      {hiding && post.status !== 'hidden' && <HideForm post={post} onHide={(reason) => onResolve(post, flags[0], 'hide', reason)} />}
    </article>
  );
}

function HideForm({ post, onHide }: { post: ReviewPost; onHide: (reason: string) => Promise<void> }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; the author and readers will see it.' }, 'A reason is needed to hide a post.')) return;
    return form.submit(() => onHide(reason));
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField label={`Reason for hiding post ${post.postNumber}`} name="reason" maxLength={500} hint="The author and readers see this reason." error={form.fields.reason} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Hide post
        </SubmitButton>
      </div>
      <FormStatus error={form.error} />
    </form>
  );
}
