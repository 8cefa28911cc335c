import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useAction } from '../../lib/use-submit';
import { articleHref } from './knowledge-labels';
import type { FullArticle } from './knowledge-types';

/** A facilitator turns a session's transcript (nobody named) into a draft article in the room's scope. */
export function CaptureSessionButton({ roomId, sessionId, number }: { roomId: string; sessionId: string; number: number }) {
  const action = useAction();
  const capture = () =>
    action.run(async () => {
      const draft = await api.post<FullArticle>('/knowledge/articles/capture/chat-session', { roomId, sessionId });
      navigate(`${articleHref(draft.id)}/edit`);
    });
  return (
    <>
      <button type="button" class="button button-small button-secondary" onClick={capture}>
        Capture to knowledge base<span class="visually-hidden"> (session {number})</span>
      </button>
      <FormStatus error={action.error} />
    </>
  );
}
