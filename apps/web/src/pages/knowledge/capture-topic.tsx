import { useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Post, Topic } from '../../lib/forum-types';
import { navigate } from '../../lib/router';
import { useSubmit } from '../../lib/use-submit';
import { articleHref } from './knowledge-labels';
import type { FullArticle } from './knowledge-types';

const MAX_POSTS = 50;

function excerpt(html: string | null): string {
  const text = html ? (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '') : '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

/**
 * "Capture to knowledge base": the reader ticks the posts worth keeping and gets a draft quoting them, with
 * links back, to shape into an article.
 */
export function CaptureTopic({ topic, posts }: { topic: Topic; posts: Post[] }) {
  const [open, setOpen] = useState(false);
  const form = useSubmit();
  const quotable = posts.filter((p) => p.status === 'visible');

  const send = form.onSubmit((data) => {
    const postNumbers = data.getAll('postNumbers').map(Number);
    const problems: Record<string, string> = {};
    if (postNumbers.length === 0) problems.postNumbers = 'Tick at least one post.';
    if (postNumbers.length > MAX_POSTS) problems.postNumbers = `Tick at most ${MAX_POSTS} posts.`;
    if (form.invalid(problems, 'Choose the posts to capture.')) return;
    const title = String(data.get('title') ?? '').trim();
    return form.submit(async () => {
      const draft = await api.post<FullArticle>('/knowledge/articles/capture/topic', { topicId: topic.id, postNumbers, ...(title ? { title } : {}) });
      navigate(`${articleHref(draft.id)}/edit`);
    });
  });

  return (
    <section class="section" aria-labelledby="capture-title">
      <h2 id="capture-title" class="visually-hidden">
        Capture to knowledge base
      </h2>
      <button type="button" class="button button-secondary" aria-expanded={open ? 'true' : 'false'} aria-controls="capture-panel" onClick={() => setOpen(!open)}>
        Capture to knowledge base
      </button>
      {open && (
        <form id="capture-panel" class="card form" ref={form.formRef} onSubmit={send} noValidate>
          <p>Tick the posts to quote in a new draft article. Authors are named as the topic shows them; anonymous posts keep their pseudonym.</p>
          <fieldset class={`field${form.fields.postNumbers ? ' has-error' : ''}`}>
            <legend>Posts to capture</legend>
            {quotable.map((p, i) => (
              <div class="field-check" key={p.id}>
                <input
                  type="checkbox"
                  id={`capture-post-${p.postNumber}`}
                  name="postNumbers"
                  value={String(p.postNumber)}
                  aria-invalid={form.fields.postNumbers && i === 0 ? 'true' : undefined}
                />
                <label for={`capture-post-${p.postNumber}`}>
                  Post {p.postNumber} by {p.author.displayName}
                  <span class="muted">: {excerpt(p.html)}</span>
                </label>
              </div>
            ))}
            {form.fields.postNumbers && <p class="field-error">{form.fields.postNumbers}</p>}
          </fieldset>
          <TextField label="Title for the draft" name="title" maxLength={200} optional hint={`Leave empty to use “${topic.title}”.`} />
          <FormStatus error={form.error} />
          <div class="actions">
            <SubmitButton busy={form.busy} busyLabel="Capturing…">
              Create draft
            </SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}
