import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-submit';
import type { FullArticle, ReviewState } from './knowledge-types';
import { ReviewerPicker } from './reviewer-picker';

const enc = encodeURIComponent;

/** Authors and curators add reviewers before publishing, or take one off; each change answers the review's new state. */
export function ReviewerManager({ article, state, onChange }: { article: FullArticle; state: ReviewState; onChange: (next: ReviewState) => void }) {
  const [picking, setPicking] = useState(false);
  const action = useAction();
  if (!article.can.edit || (article.stage !== 'draft' && article.stage !== 'in_review')) return null;
  const path = `/knowledge/articles/${enc(article.id)}/reviewers`;
  const remove = (id: string, name: string) =>
    action.run(async () => {
      await api.delete(`${path}/${enc(id)}`);
      onChange(await api.get<ReviewState>(`/knowledge/articles/${enc(article.id)}/reviews`));
      return `${name} is no longer a reviewer.`;
    });
  return (
    <div class="reviewer-manager">
      {state.reviewers.length > 0 && (
        <div class="actions">
          {state.reviewers.map((rv) => (
            <button key={rv.reviewer.id} type="button" class="button button-small button-secondary" onClick={() => remove(rv.reviewer.id, rv.reviewer.displayName)}>
              Remove {rv.reviewer.displayName}
              <span class="visually-hidden"> as a reviewer</span>
            </button>
          ))}
        </div>
      )}
      {picking ? (
        <ReviewerPicker
          exclude={[article.owner.id, ...article.coauthors.map((c) => c.id)]}
          confirmLabel="Add reviewers"
          onConfirm={async (ids) => {
            onChange(await api.put<ReviewState>(path, { reviewerIds: ids }));
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => setPicking(true)}>
            Add reviewers
          </button>
        </div>
      )}
      <FormStatus error={action.error} success={action.message} />
    </div>
  );
}
