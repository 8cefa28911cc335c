import { TextArea } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import type { FullArticle, ReviewState } from './knowledge-types';
import { ReviewerManager } from './reviewer-manager';

const enc = encodeURIComponent;

const DECISION = { approved: 'Approved', changes_requested: 'Changes requested' } as const;

/** Reviewers, their decisions and the review's conversation: for authors, reviewers and curators only. */
export function ReviewPanel({ article, onDecided }: { article: FullArticle; onDecided: () => void }) {
  const path = `/knowledge/articles/${enc(article.id)}/reviews`;
  const reviews = useLoad(() => api.get<ReviewState>(path), [article.id, article.revision, article.stage]);
  const r = reviews.data;
  return (
    <section class="section card" aria-labelledby="review-title" aria-busy={reviews.loading ? 'true' : 'false'}>
      <h2 id="review-title">Review</h2>
      {reviews.loading && !r && <Loading what="Loading the review" />}
      <FormStatus error={reviews.error} />
      {r && (
        <>
          <p>
            {r.approvals} of {r.approvalsRequired} {r.approvalsRequired === 1 ? 'approval' : 'approvals'} needed on revision {r.revision}.
          </p>
          {r.reviewers.length === 0 ? (
            <p class="muted">No reviewers yet.</p>
          ) : (
            <ul class="row-list" aria-label="Reviewers">
              {r.reviewers.map((rv) => (
                <li key={rv.reviewer.id}>
                  <strong>{rv.reviewer.displayName}</strong>:{' '}
                  {rv.decision ? (
                    <>
                      {DECISION[rv.decision]} (revision {rv.decidedRevision}
                      {rv.current ? '' : ', an earlier text'})
                    </>
                  ) : (
                    'No decision yet'
                  )}
                </li>
              ))}
            </ul>
          )}
          <ReviewerManager article={article} state={r} onChange={(next) => reviews.setData(() => next)} />
          {article.can.review && <DecisionForm articleId={article.id} onDone={(next) => {
                reviews.setData(() => next);
                onDecided();
              }} />}
          <h3>Comments</h3>
          {r.comments.length === 0 && <p class="muted">No comments yet.</p>}
          <ol class="plain-list review-comments">
            {r.comments.map((c) => (
              <li key={c.id} class="card card-quiet">
                <p class="muted">
                  {c.author?.displayName ?? 'Former member'} · <time dateTime={c.createdAt}>{formatDate(c.createdAt, true)}</time>
                </p>
                {/* Rendered and sanitized by the server. */}
                <div class="post-body" dangerouslySetInnerHTML={{ __html: c.html }} />
              </li>
            ))}
          </ol>
          <CommentForm articleId={article.id} onDone={(next) => reviews.setData(() => next)} />
        </>
      )}
    </section>
  );
}

function DecisionForm({ articleId, onDone }: { articleId: string; onDone: (state: ReviewState) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data, element) => {
    const decision = String(data.get('decision') ?? '');
    if (form.invalid(decision ? {} : { decision: 'Choose approve or request changes.' }, 'Choose a decision.')) return;
    const comment = String(data.get('comment') ?? '').trim();
    return form.submit(async () => {
      const next = await api.post<ReviewState>(`/knowledge/articles/${enc(articleId)}/decision`, { decision, ...(comment ? { comment } : {}) });
      element.reset();
      onDone(next);
      return decision === 'approved' ? 'You approved this revision.' : 'You asked for changes.';
    });
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate aria-labelledby="decision-legend">
      <fieldset class={`field${form.fields.decision ? ' has-error' : ''}`}>
        <legend id="decision-legend">Your decision</legend>
        <div class="field-check">
          <input type="radio" id="decision-approved" name="decision" value="approved" aria-invalid={form.fields.decision ? 'true' : undefined} />
          <label for="decision-approved">Approve</label>
        </div>
        <div class="field-check">
          <input type="radio" id="decision-changes" name="decision" value="changes_requested" />
          <label for="decision-changes">Request changes</label>
        </div>
        {form.fields.decision && <p class="field-error">{form.fields.decision}</p>}
      </fieldset>
      <TextArea label="Comment for the authors" name="comment" rows={3} optional />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Sending…">
          Send decision
        </SubmitButton>
      </div>
    </form>
  );
}

function CommentForm({ articleId, onDone }: { articleId: string; onDone: (state: ReviewState) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data, element) => {
    const body = String(data.get('body') ?? '').trim();
    if (form.invalid(body ? {} : { body: 'Write a comment first.' }, 'The comment is empty.')) return;
    return form.submit(async () => {
      onDone(await api.post<ReviewState>(`/knowledge/articles/${enc(articleId)}/review-comments`, { body }));
      element.reset();
      return 'Comment added.';
    });
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={send} noValidate>
      <TextArea label="Review comment" name="body" rows={3} error={form.fields.body} />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Add comment
        </SubmitButton>
      </div>
    </form>
  );
}
