import { useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import type { ReactionKind } from '../../lib/forum-types';
import { useAction } from '../../lib/use-submit';
import { CHAT_REACTIONS, messageTime } from './chat-labels';
import type { Message } from './chat-types';
import {
  DeleteMessageConfirm,
  EditMessageForm,
  FlagMessageForm,
  RemoveMessageForm,
  RevealAuthorForm,
  textOf,
} from './message-forms';
import type { RoomFeed } from './use-room-feed';

const enc = encodeURIComponent;
const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** What a message needs to know about the room and the reader to offer the right actions. */
export interface MessageContext {
  feed: RoomFeed;
  meId: string | undefined;
  isFacilitator: boolean;
  /** The reader may write here now (not paused for them, not closed, not muted). */
  canWrite: boolean;
  roomClosed: boolean;
  onReply: (message: Message) => void;
  /** The message a seq points to, for a reply's preview. */
  bySeq: (seq: number) => Message | undefined;
}

type Panel = 'edit' | 'delete' | 'flag' | 'remove' | 'reveal' | null;

export const messageAnchor = (roomId: string, seq: number) => `msg-${roomId}-${seq}`;

function excerpt(message: Message | undefined): string {
  if (!message) return '';
  if (message.status !== 'visible') return message.status === 'removed' ? '(removed)' : '(deleted)';
  const text = textOf(message.html);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

export function MessageBody({ message }: { message: Message }) {
  if (message.status === 'removed')
    return <p class="chat-removed">Removed by a facilitator: {message.removedReason ?? 'no reason given'}</p>;
  if (message.status === 'deleted') return <p class="muted chat-removed">Deleted by its author.</p>;
  // Rendered and sanitized by the server.
  return <div class="chat-body post-body" dangerouslySetInnerHTML={{ __html: message.html ?? '' }} />;
}

/** One message in the log, with the actions this reader may take on it. */
export function MessageItem({ message, context }: { message: Message; context: MessageContext }) {
  const { feed, isFacilitator } = context;
  const action = useAction();
  const [panel, setPanel] = useState<Panel>(null);
  const [reacting, setReacting] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const n = message.seq;
  const system = message.kind === 'system';
  const visible = message.status === 'visible';
  const mine = feed.isMine(message, context.meId);
  const recent = Date.now() - new Date(message.createdAt).getTime() < EDIT_WINDOW_MS;
  const mayChange = mine && visible && recent && !context.roomClosed;
  const mayFlag = !mine && !system && visible;
  const reactions = CHAT_REACTIONS.filter((r) => (message.reactions[r.kind] ?? 0) > 0 || reacting);
  const suffix = <span class="visually-hidden"> message {n}</span>;
  const moreToggle = (
    <button
      type="button"
      ref={moreButton}
      class="button button-small button-secondary"
      aria-expanded={moreOpen ? 'true' : 'false'}
      onClick={() => setMoreOpen(!moreOpen)}
    >
      More<span class="visually-hidden"> actions for message {n}</span>
    </button>
  );
  const replyTo = message.replyToSeq ? context.bySeq(message.replyToSeq) : undefined;

  const open = (next: Exclude<Panel, null>) => {
    setPanel(panel === next ? null : next);
    setMoreOpen(false);
  };
  const close = () => {
    setPanel(null);
    // Focus goes back to where the panel was opened from.
    window.setTimeout(() => moreButton.current?.focus(), 0);
  };
  const react = (kind: ReactionKind) => action.run(() => feed.react(message, kind));
  const pin = (pinned: boolean) =>
    action.run(async () => {
      feed.update([await api.put<Message>(`/chat-messages/${enc(message.id)}/pin`, { pinned })]);
      return pinned ? `Message ${n} is pinned.` : `Message ${n} is no longer pinned.`;
    });

  return (
    <article
      id={messageAnchor(message.roomId, n)}
      tabIndex={-1}
      class={`chat-message${system ? ' chat-system' : ''}${mine ? ' chat-mine' : ''}${message.pinned ? ' chat-pinned' : ''}`}
      aria-label={`Message ${n}`}
    >
      <header class="chat-message-head">
        <span class="chat-author">
          {system ? 'Facilitation note' : message.author.displayName}
          {message.author.anonymous && !system && <span class="visually-hidden"> (anonymous)</span>}
          {mine && <span class="chat-you"> (you)</span>}
          {revealed && <span class="revealed-author"> · revealed: {revealed}</span>}
        </span>
        <span class="muted chat-meta">
          <time dateTime={message.createdAt}>{messageTime(message.createdAt)}</time> · #{n}
          {message.edited && ' · edited'}
          {message.pinned && ' · pinned'}
        </span>
      </header>
      {message.replyToSeq && (
        <p class="chat-reply-ref">
          <a href={`#${messageAnchor(message.roomId, message.replyToSeq)}`}>
            ↩ In reply to #{message.replyToSeq}
            {replyTo && !replyTo.author.anonymous
              ? ` (${replyTo.kind === 'system' ? 'facilitation note' : replyTo.author.displayName})`
              : ''}
          </a>{' '}
          <span class="muted">{excerpt(replyTo)}</span>
        </p>
      )}
      {panel === 'edit' ? (
        <EditMessageForm
          message={message}
          source={feed.sourceOf(message)}
          onSave={async (body) => {
            await feed.edit(message, body);
            close();
          }}
          onCancel={close}
        />
      ) : (
        <MessageBody message={message} />
      )}
      {!system && visible && (
        <div class="chat-actions">
          {reactions.length > 0 && (
            <ul class="reactions" aria-label={`Reactions to message ${n}`}>
              {reactions.map((r) => {
                const count = message.reactions[r.kind] ?? 0;
                return (
                  <li key={r.kind}>
                    <button
                      type="button"
                      class="reaction"
                      aria-pressed={feed.reacted(message, r.kind) ? 'true' : 'false'}
                      disabled={context.roomClosed}
                      onClick={() => react(r.kind)}
                    >
                      <span aria-hidden="true">{r.symbol}</span> {r.label} <span class="reaction-count">{count}</span>
                      <span class="visually-hidden"> on message {n}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {!context.roomClosed && (
            <button
              type="button"
              class="button button-small button-secondary"
              aria-expanded={reacting ? 'true' : 'false'}
              onClick={() => setReacting(!reacting)}
            >
              {reacting ? 'Done reacting' : 'React'}
              {suffix}
            </button>
          )}
          {context.canWrite && (
            <button type="button" class="button button-small button-secondary" onClick={() => context.onReply(message)}>
              Reply<span class="visually-hidden"> to message {n}</span>
            </button>
          )}
          {moreToggle}
        </div>
      )}
      {system && isFacilitator && visible && (
        <div class="chat-actions">
          {moreToggle}
        </div>
      )}
      {moreOpen && (
        <div class="chat-actions chat-more" role="group" aria-label={`Actions for message ${n}`}>
          {mayChange && (
            <button type="button" class="button button-small button-secondary" onClick={() => open('edit')}>
              Edit{suffix}
            </button>
          )}
          {mayChange && (
            <button type="button" class="button button-small button-secondary" onClick={() => open('delete')}>
              Delete{suffix}
            </button>
          )}
          {mayFlag && (
            <button type="button" class="button button-small button-secondary" onClick={() => open('flag')}>
              Flag{suffix}
            </button>
          )}
          {isFacilitator && visible && (
            <button type="button" class="button button-small button-secondary" onClick={() => pin(!message.pinned)}>
              {message.pinned ? 'Unpin' : 'Pin'}
              {suffix}
            </button>
          )}
          {isFacilitator && visible && !system && (
            <button type="button" class="button button-small button-secondary" onClick={() => open('remove')}>
              Remove{suffix}
            </button>
          )}
          {isFacilitator && message.author.anonymous && !revealed && (
            <button type="button" class="button button-small button-secondary" onClick={() => open('reveal')}>
              Reveal author<span class="visually-hidden"> of message {n}</span>
            </button>
          )}
          {!mayChange && !mayFlag && !isFacilitator && <p class="muted">Nothing else to do with this message.</p>}
        </div>
      )}
      {panel === 'delete' && (
        <DeleteMessageConfirm
          message={message}
          onDelete={async () => {
            await feed.remove(message);
            setPanel(null);
          }}
          onCancel={close}
        />
      )}
      {panel === 'flag' && <FlagMessageForm message={message} onClose={close} />}
      {panel === 'remove' && (
        <RemoveMessageForm
          message={message}
          onRemoved={(m) => {
            feed.update([m]);
            setPanel(null);
          }}
        />
      )}
      {panel === 'reveal' && (
        <RevealAuthorForm
          message={message}
          onRevealed={(author) => {
            setRevealed(author.displayName);
          }}
        />
      )}
      <FormStatus error={action.error} success={action.message} />
    </article>
  );
}
