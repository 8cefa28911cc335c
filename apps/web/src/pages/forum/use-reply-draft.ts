import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api';
import type { Draft } from '../../lib/forum-types';

const SAVE_AFTER_MS = 1000;
const enc = encodeURIComponent;

/**
 * The reply being written, kept as a server-side draft: loaded when the topic opens, saved about a second
 * after typing stops, removed when the text is cleared. The server drops it when the reply is posted.
 */
export function useReplyDraft(topicId: string) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);
  // Saves run one after another, so an older text can never land after a newer one.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  // Once the person has typed, a late-arriving saved draft must not overwrite what they wrote.
  const touched = useRef(false);
  const path = `/topics/${enc(topicId)}/draft`;

  function persist(body: string) {
    pending.current = null;
    saving.current = saving.current
      .then(async () => {
        if (body.trim()) {
          await api.put<Draft>(path, { body });
          setStatus('Draft saved.');
        } else {
          await api.delete(path);
          setStatus('Draft discarded.');
        }
      })
      .catch(() => setStatus('The draft could not be saved; your text is still here.'));
  }

  function flush() {
    window.clearTimeout(timer.current);
    if (pending.current !== null) persist(pending.current);
  }

  useEffect(() => {
    touched.current = false;
    setText('');
    setStatus('');
    api.get<Draft>(path).then(
      (draft) => {
        if (touched.current || !draft?.body) return;
        setText(draft.body);
        setStatus('Your saved draft was restored.');
      },
      (failure) => {
        // 404 means there is no draft: nothing to say.
        if (!(failure instanceof ApiError && failure.status === 404)) setStatus('Your saved draft could not be loaded.');
      },
    );
    // Leaving the page within the second after typing still keeps the text.
    return flush;
  }, [topicId]);

  /** The person changed the text: it is saved once they pause. */
  function change(next: string) {
    touched.current = true;
    setText(next);
    pending.current = next;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
  }

  /**
   * Before posting: save what is pending and wait for it, so no save can land after the reply (which removes
   * the draft) and recreate it; if posting fails, the text is saved all the same.
   */
  async function settle(): Promise<void> {
    flush();
    await saving.current;
  }

  /** After posting: the server removed the draft; the composer starts empty. */
  function posted() {
    window.clearTimeout(timer.current);
    pending.current = null;
    setText('');
    setStatus('');
  }

  return { text, status, change, settle, posted };
}
