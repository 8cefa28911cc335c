import { useState } from 'preact/hooks';
import { TextArea } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import type { Application, FullArticle } from './knowledge-types';
import { StoryToArticle } from './story-article';

const enc = encodeURIComponent;

interface Props {
  article: FullArticle;
  /** Fetches the article again, for its counts. */
  refresh: () => void;
}

/** "Was this helpful?": one vote per person; choosing the same answer again takes the vote back. */
export function HelpfulVote({ article, refresh }: Props) {
  const action = useAction();
  const path = `/knowledge/articles/${enc(article.id)}/helpful`;
  const vote = (helpful: boolean) =>
    action.run(async () => {
      if (article.myHelpfulVote === helpful) await api.delete(path);
      else await api.put(path, { helpful });
      refresh();
    });
  return (
    <section class="section" aria-labelledby="helpful-title">
      <h2 id="helpful-title">Was this helpful?</h2>
      <div class="actions" role="group" aria-labelledby="helpful-title">
        <button type="button" class="button button-secondary" aria-pressed={article.myHelpfulVote === true ? 'true' : 'false'} onClick={() => vote(true)}>
          Yes ({article.helpful.yes})
        </button>
        <button type="button" class="button button-secondary" aria-pressed={article.myHelpfulVote === false ? 'true' : 'false'} onClick={() => vote(false)}>
          No ({article.helpful.no})
        </button>
      </div>
      <FormStatus error={action.error} />
    </section>
  );
}

/** "I applied this", with an optional story of what changed, and everyone's stories. */
export function Applications({ article, refresh, meId }: Props & { meId: string }) {
  const path = `/knowledge/articles/${enc(article.id)}/applications`;
  const list = useLoad(() => api.get<{ count: number; items: Application[] }>(path), [article.id]);
  const [editing, setEditing] = useState(false);
  const form = useSubmit();
  const undo = useAction();
  const send = form.onSubmit((data) => {
    const story = String(data.get('story') ?? '').trim();
    return form.submit(async () => {
      await api.put(`${path}/me`, story ? { story } : {});
      setEditing(false);
      list.reload();
      refresh();
      return 'Thank you: your application is recorded.';
    });
  });
  const withdraw = () =>
    undo.run(async () => {
      await api.delete(`${path}/me`);
      list.reload();
      refresh();
      return 'Your application is removed.';
    });
  const count = list.data?.count ?? article.appliedCount;
  return (
    <section class="section" aria-labelledby="applied-title">
      <h2 id="applied-title">Applied at schools</h2>
      <p>
        {count === 0 ? 'No one has said they applied this yet.' : `Applied ${count} ${count === 1 ? 'time' : 'times'}.`}
        {article.appliedByMe && ' You applied it.'}
      </p>
      {!editing && (
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
            {article.appliedByMe ? 'Edit your story' : 'I applied this'}
          </button>
          {article.appliedByMe && (
            <button type="button" class="button button-secondary" onClick={withdraw}>
              Remove my application
            </button>
          )}
        </div>
      )}
      {editing && (
        <form class="form" ref={form.formRef} onSubmit={send} noValidate>
          <TextArea label="What changed when you applied it?" name="story" rows={4} optional hint="Markdown works. At most 4,000 characters." error={form.fields.story} />
          <div class="actions">
            <SubmitButton busy={form.busy}>{article.appliedByMe ? 'Save story' : 'Record that I applied this'}</SubmitButton>
            <button type="button" class="button button-secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <FormStatus error={form.error ?? undo.error ?? list.error} success={form.message ?? undo.message} />
      {(list.data?.items ?? []).some((a) => a.storyHtml) && (
        <ul class="plain-list application-stories" aria-label="Stories">
          {list.data!.items
            .filter((a) => a.storyHtml)
            .map((a) => (
              <li key={a.person.id} class="card card-quiet">
                <p class="muted">
                  {a.person.displayName} · {formatDate(a.updatedAt)}
                </p>
                <div class="post-body" dangerouslySetInnerHTML={{ __html: a.storyHtml! }} />
                <StoryToArticle article={article} application={a} meId={meId} />
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
