import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-submit';
import { articleHref } from './knowledge-labels';
import type { Application, FullArticle } from './knowledge-types';

/**
 * A story of applying an article becomes a value-creation story draft: offered to the person who told it and to
 * those who own or curate the article (the server decides; a refusal shows its reason).
 */
export function StoryToArticle({ article, application, meId }: { article: FullArticle; application: Application; meId: string }) {
  const action = useAction();
  const mine = application.person.id === meId;
  if (application.storyArticleId) {
    return mine ? (
      <p>
        <a href={articleHref(application.storyArticleId)}>Your story as an article</a>
      </p>
    ) : null;
  }
  if (!mine && !article.can.own) return null;
  const make = () =>
    action.run(async () => {
      const draft = await api.post<FullArticle>(
        `/knowledge/articles/${encodeURIComponent(article.id)}/applications/${encodeURIComponent(application.person.id)}/story-article`,
      );
      navigate(`${articleHref(draft.id)}/edit`);
    });
  return (
    <div class="actions">
      <button type="button" class="button button-small button-secondary" onClick={make}>
        Make this a value-creation story<span class="visually-hidden"> ({application.person.displayName})</span>
      </button>
      <FormStatus error={action.error} />
    </div>
  );
}
