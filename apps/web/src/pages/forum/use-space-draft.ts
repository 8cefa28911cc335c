import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api';
import type { Draft } from '../../lib/forum-types';

/** Saved this long after the last keystroke: often enough to lose little, rarely enough not to chatter. */
export const DRAFT_SAVE_DELAY_MS = 1000;

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface Text {
  title: string;
  body: string;
}

/**
 * The new-topic draft kept on the server (GET/PUT/DELETE /spaces/:id/draft), so it follows the person to
 * another device. It loads on open and saves a second after typing stops; leaving the page saves what is
 * pending. Emptying both fields removes the draft. `settle` is for posting: nothing pending or in flight
 * may bring the draft back after the server removed it with the new topic.
 */
export function useSpaceDraft(spaceId: string) {
  const path = `/spaces/${encodeURIComponent(spaceId)}/draft`;
  const [text, setText] = useState<Text>({ title: '', body: '' });
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const finished = useRef(false);

  useEffect(() => {
    let live = true;
    api.get<Draft>(path).then(
      (draft) => {
        if (!live) return;
        const found = { title: draft.title ?? '', body: draft.body };
        latest.current = found;
        setText(found);
        setSavedAt(draft.updatedAt);
        setLoaded(true);
      },
      // No draft is a 404; any other failure still leaves an empty form to write in.
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
      if (timer.current && !finished.current) void save();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [path]);

  function save(): Promise<void> {
    timer.current = null;
    const { title, body } = latest.current;
    setStatus('saving');
    const request = (
      !title.trim() && !body.trim() ? api.delete(path).then(() => null) : api.put<Draft>(path, { title: title || null, body })
    ).then(
      (draft) => {
        setSavedAt(draft?.updatedAt ?? null);
        setStatus(draft ? 'saved' : 'idle');
      },
      (failure: unknown) => {
        setStatus(failure instanceof ApiError && failure.status === 404 ? 'idle' : 'failed');
      },
    );
    inFlight.current = inFlight.current.then(() => request);
    return request;
  }

  function edit(change: Partial<Text>) {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DRAFT_SAVE_DELAY_MS);
  }

  /** Before posting: drop the pending save and wait for one already sent. */
  async function settle(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await inFlight.current;
  }

  /** The topic is posted: the server removed the draft, and nothing here may save it again. */
  function finish() {
    finished.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  async function discard(): Promise<void> {
    await settle();
    latest.current = { title: '', body: '' };
    setText(latest.current);
    await api.delete(path);
    setSavedAt(null);
    setStatus('idle');
  }

  /** Saves now, for text that `settle` held back when posting then failed. */
  const saveNow = () => (finished.current ? Promise.resolve() : save());

  return { ...text, loaded, status, savedAt, edit, settle, finish, discard, saveNow };
}
