import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-submit';
import { articleHref } from './knowledge-labels';
import type { FullArticle } from './knowledge-types';
import { ReviewerPicker } from './reviewer-picker';

const enc = encodeURIComponent;

interface Props {
  article: FullArticle;
  onChanged: (article: FullArticle) => void;
}

/** The cycle's actions this reader may take, each shown only where the server would allow it. */
export function ArticleActions({ article, onChanged }: Props) {
  const action = useAction();
  const [picking, setPicking] = useState(false);
  const { can, stage } = article;
  const path = `/knowledge/articles/${enc(article.id)}`;
  const live = stage === 'published' || stage === 'needs_review';

  const step = (verb: string, done: ComponentChildren) => () =>
    action.run(async () => {
      onChanged(await api.post<FullArticle>(`${path}/${verb}`));
      return done;
    });

  async function submit(reviewerIds: string[]) {
    await api.post(`${path}/submit`, { reviewerIds });
    onChanged(await api.get<FullArticle>(path));
    setPicking(false);
    action.setMessage('Sent for review. Your reviewers have been told.');
  }

  const buttons: ComponentChildren[] = [];
  if (can.edit && stage !== 'archived')
    buttons.push(
      <a key="edit" class="button button-secondary" href={`${articleHref(article.id)}/edit`}>
        Edit
      </a>,
    );
  if (can.edit && stage === 'draft')
    buttons.push(
      <button key="submit" type="button" class="button button-secondary" aria-expanded={picking ? 'true' : 'false'} onClick={() => setPicking(!picking)}>
        Submit for review
      </button>,
    );
  if (can.edit && stage === 'in_review') {
    buttons.push(
      <button key="publish" type="button" class="button" onClick={step('publish', 'Published.')}>
        Publish
      </button>,
      <button key="withdraw" type="button" class="button button-secondary" onClick={step('withdraw', 'Withdrawn from review; it is a draft again.')}>
        Withdraw
      </button>,
    );
  }
  if (can.own && live)
    buttons.push(
      <button key="verify" type="button" class="button button-secondary" onClick={step('verify', 'Verified: it still holds.')}>
        Verify
      </button>,
    );
  if (can.own && stage !== 'archived')
    buttons.push(
      <button key="archive" type="button" class="button button-secondary" onClick={step('archive', 'Archived.')}>
        Archive
      </button>,
    );
  if (can.own && stage === 'archived')
    buttons.push(
      <button key="unarchive" type="button" class="button button-secondary" onClick={step('unarchive', 'Unarchived: it is a draft again and goes through review before publishing.')}>
        Unarchive
      </button>,
    );

  if (buttons.length === 0 && !action.error) return null;
  return (
    <section class="section" aria-label="Article actions">
      <div class="actions">{buttons}</div>
      {picking && (
        <ReviewerPicker
          exclude={[article.owner.id, ...article.coauthors.map((c) => c.id)]}
          confirmLabel="Send for review"
          onConfirm={submit}
          onCancel={() => setPicking(false)}
        />
      )}
      <FormStatus error={action.error} success={action.message} />
    </section>
  );
}
