import type { Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { byteLength, MAX_MESSAGE_BYTES, sendRefusal } from './chat-labels';
import type { Message } from './chat-types';
import { textOf } from './message-forms';
import type { RoomFeed } from './use-room-feed';

const TYPING_EVERY_MS = 3_000;

interface ComposerProps {
  roomId: string;
  label: string;
  feed: RoomFeed;
  socket: Socket | null;
  /** Typing is shared only in rooms with names. */
  shareTyping: boolean;
  replyTo: Message | null;
  onCancelReply: () => void;
  /** Told of every refusal's code, so the page can react (an agreement to re-affirm). */
  onRefused?: (code: string) => void;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line. The text leaves the box as it is sent and comes
 * back if the room refuses it (paused, muted, slow mode), so nothing typed is lost.
 */
export function Composer({ roomId, label, feed, socket, shareTyping, replyTo, onCancelReply, onRefused }: ComposerProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const id = `composer-${roomId}`;
  const bytes = byteLength(text);
  const tooLong = bytes > MAX_MESSAGE_BYTES;

  // Choosing a message to reply to puts the reader back in the box.
  useEffect(() => {
    if (replyTo) area.current?.focus();
  }, [replyTo]);

  function typed(value: string) {
    setText(value);
    if (!shareTyping || !socket?.connected || !value) return;
    const now = Date.now();
    if (now - lastTyping.current >= TYPING_EVERY_MS) {
      lastTyping.current = now;
      socket.emit('chat:typing', { roomId });
    }
  }

  async function send() {
    const body = text;
    if (!body.trim()) return;
    if (tooLong) {
      setError('The message is longer than 4 KB. Shorten it or split it in two.');
      return;
    }
    setError(null);
    setText('');
    const replyToSeq = replyTo?.seq ?? null;
    onCancelReply();
    const result = await feed.send(body, { replyToSeq });
    if (!result.ok) {
      setText((current) => (current ? current : body));
      setError(sendRefusal(result.code, result.message, result.retryAfter));
      onRefused?.(result.code);
    }
    area.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      noValidate
    >
      {replyTo && (
        <div class="chat-replying">
          <span>
            Replying to #{replyTo.seq}
            {replyTo.kind !== 'system' ? ` (${replyTo.author.displayName})` : ''}:{' '}
            <span class="muted">{textOf(replyTo.html).slice(0, 80)}</span>
          </span>
          <button type="button" class="button button-small button-secondary" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      )}
      <div class={`field${tooLong || error ? ' has-error' : ''}`}>
        <label for={id}>{label}</label>
        <textarea
          ref={area}
          id={id}
          rows={3}
          value={text}
          aria-describedby={`${id}-hint`}
          aria-invalid={tooLong ? 'true' : undefined}
          onInput={(event) => typed((event.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} class="hint chat-composer-hint">
          Enter sends; Shift+Enter starts a new line. Markdown works.{' '}
          <span class={tooLong ? 'field-error' : ''}>{Math.round(bytes / 102.4) / 10} of 4 KB</span>
        </p>
      </div>
      <FormStatus error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={!text.trim() || tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
